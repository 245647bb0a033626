/**
 * Test support for editor features (`@alloy-lint/language-service/test-support`): text with
 * `<|>` cursor markers and `<|…|>` range markers, and an in-memory host. Pure, so the LSP and
 * playground tests can use it too.
 */
import type { ComponentCatalog } from '@alloy-lint/analyzer';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Host } from './types.js';

export interface Marked {
  /** The text without markers. */
  text: string;
  /** Every `<|>`, in order. */
  cursors: Position[];
  /** Every `<|…|>`, in order. */
  ranges: Range[];
}

/** LSP position (line, UTF-16 character) of a string index. */
export function positionAt(text: string, index: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: index - lineStart };
}

/** String index of an LSP position. */
export function indexAt(text: string, p: Position): number {
  let i = 0;
  for (let l = 0; l < p.line; l++) {
    const nl = text.indexOf('\n', i);
    if (nl === -1) return text.length;
    i = nl + 1;
  }
  return Math.min(i + p.character, text.length);
}

/** Takes the markers out of `input`. */
export function parseMarkers(input: string): Marked {
  let text = '';
  const cursors: number[] = [];
  const ranges: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < input.length; ) {
    if (input.startsWith('<|>', i)) {
      cursors.push(text.length);
      i += 3;
    } else if (input.startsWith('<|', i)) {
      open.push(text.length);
      i += 2;
    } else if (input.startsWith('|>', i) && open.length) {
      ranges.push([open.pop()!, text.length]);
      i += 2;
    } else {
      text += input[i++];
    }
  }
  if (open.length) throw new Error('unclosed <| marker');
  return {
    text,
    cursors: cursors.map((c) => positionAt(text, c)),
    ranges: ranges.sort((a, b) => a[0] - b[0]).map(([s, e]) => ({ start: positionAt(text, s), end: positionAt(text, e) })),
  };
}

/** Text with `<|…|>` around each range (ranges must not overlap), for readable expectations. */
export function markRanges(text: string, ranges: Range[]): string {
  const spans = ranges.map((r) => [indexAt(text, r.start), indexAt(text, r.end)] as const).sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + '<|' + out.slice(s, e) + '|>' + out.slice(e);
  return out;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const spans = edits.map((e) => ({ s: indexAt(text, e.range.start), e: indexAt(text, e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const x of spans) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}

/** A host over files in memory (`file:///…` URIs) and catalogs by release. */
export function memoryHost(files: Record<string, string>, catalogs: Record<string, ComponentCatalog>): Host {
  return {
    catalog: (v) => catalogs[v],
    versions: () => Object.keys(catalogs),
    readFile: (uri) => files[uri],
    listFiles: (folder) => {
      const dir = folder.endsWith('/') ? folder : folder + '/';
      const found = Object.keys(files).filter((u) => u.startsWith(dir) && !u.slice(dir.length).includes('/'));
      const isDir = Object.keys(files).some((u) => u.startsWith(dir));
      return isDir ? found : undefined;
    },
  };
}
