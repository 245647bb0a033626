import { utf8Bytes } from '@alloy-lint/gostd';
import type { Diagnostic, Edit } from '@alloy-lint/parser';
import { type Embed, type ExtractOptions, type Extraction, extract } from './extract.js';
import { mapDiagnostics } from './map-diagnostics.js';
import { OffsetMap } from './offset-map.js';
import { compose, type Piece } from './pieces.js';
import { byteOffsetOfUtf16 } from './positions.js';
import { maskActions } from './template-mask.js';

export interface FormatOutcome {
  /** Replaces YAML bytes `[start, end)`; absent when the value is already formatted or refused. */
  edit?: Edit;
  /** Why a value that needs formatting was left as it is. */
  refused?: string;
  /** Syntax errors that stop formatting (YAML byte offsets). */
  diagnostics: Diagnostic[];
}

/** A formatter: Alloy text in, formatted text (ending in a newline) or syntax errors out. */
export type Formatter = (text: string) => { text?: string; diagnostics: Diagnostic[] };

/** YAML UTF-16 offset of value offset `pos` (end side), from the scalar's pieces. */
function valueToYaml(pieces: Piece[], pos: number): number {
  let at = 0;
  for (const p of pieces) {
    const end = at + p.text.length;
    if (p.text.length > 0 && pos > at && pos <= end) return p.kind === 'copy' ? p.from + (pos - at) : p.to;
    at = end;
  }
  return pieces.length ? pieces[0].from : 0;
}

/**
 * Formats one embedded text with `format` and writes it back into its literal block
 * scalar (`|`, `|-`, `|+`, with or without an indentation indicator), keeping the
 * indentation, the header, the trailing lines and every byte outside the value. Other
 * styles are refused when they would change. The result is re-read to prove it.
 */
export function formatEmbed(extraction: Extraction, embed: Embed, format: Formatter, options: ExtractOptions = {}): FormatOutcome {
  const value = embed.scalar.value;
  const where = embed.pathText;
  let text = value;
  let pieces: Piece[] = [{ text: value, from: 0, to: value.length, kind: 'copy' }];
  let restore = (s: string): string | undefined => s;
  if (embed.actions.length > 0) {
    const m = maskActions(value);
    if ('refused' in m) return { refused: `${where}: not formatted: ${m.refused}`, diagnostics: [] };
    ({ text, pieces, restore } = m);
  }
  const r = format(text);
  if (r.text === undefined) {
    const all = compose(pieces, embed.scalar.pieces);
    const toByte = (u: number) => byteOffsetOfUtf16(extraction.source, u);
    const masked: Embed = { ...embed, text, map: new OffsetMap(all, toByte), kind: 'config' };
    return { diagnostics: mapDiagnostics(masked, r.diagnostics) };
  }
  const restored = restore(r.text);
  if (restored === undefined) return { refused: `${where}: not formatted: template placeholders did not survive formatting`, diagnostics: [] };
  const trail = /\n*$/.exec(value)![0];
  const core = restored.replace(/\n+$/, '');
  const next = core + trail;
  if (next === value) return { diagnostics: [] };
  const block = embed.scalar.block;
  if (embed.scalar.style !== 'literal' || !block) {
    return { refused: `${where}: not formatted: it is a ${embed.scalar.style} scalar; only literal block scalars (|) are rewritten`, diagnostics: [] };
  }
  const lines = core.split('\n');
  const firstText = lines.find((l) => l !== '');
  if (!block.indicator && firstText !== undefined && /^[ \t]/.test(firstText)) {
    return { refused: `${where}: not formatted: the first line would start with white space, which needs an indentation indicator (|2)`, diagnostics: [] };
  }
  const src = extraction.text;
  const eol = src.slice(block.contentStart, block.contentEnd).includes('\r\n') ? '\r\n' : '\n';
  const indent = ' '.repeat(block.indent);
  const newText = lines.map((l) => (l === '' ? '' : indent + l)).join(eol);
  const start = block.contentStart;
  const end = value.length - trail.length === 0 ? start : valueToYaml(embed.scalar.pieces, value.length - trail.length);
  const after = src.slice(0, start) + newText + src.slice(end);
  const check = extract(after, options).embeds.find((e) => e.id === embed.id);
  if (!check || check.scalar.value !== next) {
    return { refused: `${where}: not formatted: the rewritten block would not read back as the formatted text`, diagnostics: [] };
  }
  return { edit: { start: byteOffsetOfUtf16(extraction.source, start), end: byteOffsetOfUtf16(extraction.source, end), text: newText }, diagnostics: [] };
}

/** Applies non-overlapping edits (byte offsets) to bytes. */
export function applyEdits(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(bytes.subarray(at, e.start), utf8Bytes(e.text));
    at = e.end;
  }
  parts.push(bytes.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
