import type { FileDiagnostic } from '@alloy-lint/analyzer';
import { format as formatAlloy } from '@alloy-lint/formatter';
import { type Embed, embedAt, embedSource, formatEmbed, mapDiagnostics } from '@alloy-lint/yaml-embed';
import type { Diagnostic, Position, Range, SemanticTokens, TextEdit } from 'vscode-languageserver-types';
import { DocContext } from '../context.js';
import { toDiagnostic, toOffset, toPosition, toRange, toTextEdit } from '../convert.js';
import type { Workspace } from '../workspace.js';
import type { YamlModel } from '../yaml-docs.js';
import { fileDiagnostics } from './diagnostics.js';

/**
 * Editor features inside YAML documents: each verb runs on the virtual document of the embed
 * under the cursor (or of every embed), and what it answers is mapped back to the YAML's
 * lines and columns. Edits (completion, rename) are offered only inside literal block scalars
 * (`|`), where Alloy text and YAML text are the same bytes; formatting rewrites those too.
 */
export class YamlFeatures {
  constructor(
    private readonly ws: Workspace,
    readonly model: YamlModel,
  ) {}

  private ctx(virtualUri: string): DocContext | undefined {
    const d = this.ws.docs.get(virtualUri);
    return d ? new DocContext(this.ws, virtualUri, d) : undefined;
  }

  /** The embed at a YAML position: its virtual document and the byte offset inside it. */
  at(p: Position): { ctx: DocContext; offset: number; embed: Embed; literal: boolean } | undefined {
    const byte = toOffset(this.model.extraction.source, p);
    const embed = embedAt(this.model.extraction, byte);
    const inner = embed?.map.toEmbedded(byte);
    if (!embed || !inner || inner.kind === 'placeholder') return undefined;
    const vuri = this.virtualUri(embed);
    const ctx = vuri && this.ctx(vuri);
    return ctx ? { ctx, offset: inner.offset, embed, literal: embed.scalar.style === 'literal' } : undefined;
  }

  private virtualUri(embed: Embed): string | undefined {
    for (const [v, e] of this.model.embeds) if (e === embed) return v;
    return undefined;
  }

  /** A position of an embed's text → the YAML document's. */
  position(embed: Embed, p: Position, bias: 'start' | 'end' = 'start'): Position {
    const host = embed.map.toHost(toOffset(embedSource(embed), p), bias);
    return toPosition(this.model.extraction.source, host);
  }

  range(embed: Embed, r: Range): Range {
    const start = this.position(embed, r.start);
    const end = this.position(embed, r.end, 'end');
    return end.line < start.line || (end.line === start.line && end.character < start.character) ? { start, end: start } : { start, end };
  }

  /**
   * Maps every range of an answer computed on `embed`'s virtual document (and every location
   * in any virtual document of this YAML) to the YAML document, in place. Walks with a stack.
   */
  mapOut<T>(embed: Embed, value: T): T {
    const RANGE_KEYS = ['range', 'selectionRange', 'targetRange', 'targetSelectionRange', 'originSelectionRange', 'insert', 'replace'];
    const stack: { v: unknown; e: Embed }[] = [{ v: value, e: embed }];
    while (stack.length) {
      const { v, e } = stack.pop()!;
      if (Array.isArray(v)) {
        for (const x of v) stack.push({ v: x, e });
        continue;
      }
      if (typeof v !== 'object' || v === null) continue;
      const o = v as Record<string, unknown>;
      if (isChanges(o.changes)) o.changes = this.changes(o.changes as Record<string, TextEdit[]>);
      let here = e;
      for (const k of ['uri', 'targetUri']) {
        const other = typeof o[k] === 'string' ? this.model.embeds.get(o[k] as string) : undefined;
        if (other) {
          o[k] = this.model.uri;
          here = other;
        }
      }
      for (const k of RANGE_KEYS) if (isRange(o[k])) o[k] = this.range(here, o[k] as Range);
      if (isPosition(o.position)) o.position = this.position(here, o.position as Position);
      for (const [k, x] of Object.entries(o)) if (!RANGE_KEYS.includes(k) && k !== 'position' && k !== 'changes') stack.push({ v: x, e: here });
    }
    return value;
  }

  /** A WorkspaceEdit's `changes`: edits of virtual documents become edits of the YAML document. */
  private changes(changes: Record<string, TextEdit[]>): Record<string, TextEdit[]> {
    const out: Record<string, TextEdit[]> = {};
    for (const [uri, edits] of Object.entries(changes)) {
      const embed = this.model.embeds.get(uri);
      const key = embed ? this.model.uri : uri;
      const mapped = embed ? edits.map((t) => ({ newText: t.newText, range: this.range(embed, t.range) })) : edits;
      out[key] = [...(out[key] ?? []), ...mapped];
    }
    return out;
  }

  /** Whether every virtual document an edit touches is a literal block scalar (edits elsewhere would need escaping). */
  editable(changes: Record<string, unknown> | undefined): boolean {
    return Object.keys(changes ?? {}).every((u) => {
      const e = this.model.embeds.get(u);
      return !e || e.scalar.style === 'literal';
    });
  }

  /** Folding ranges of every embed, on the YAML's lines. */
  foldingRanges<F extends { startLine: number; endLine: number }>(verb: (ctx: DocContext) => F[]): F[] {
    const out: F[] = [];
    for (const [vuri, embed] of this.model.embeds) {
      const ctx = this.ctx(vuri);
      for (const f of ctx ? verb(ctx) : []) {
        const startLine = this.position(embed, { line: f.startLine, character: 0 }).line;
        const endLine = this.position(embed, { line: f.endLine, character: 0 }).line;
        if (endLine > startLine) out.push({ ...f, startLine, endLine, startCharacter: undefined, endCharacter: undefined });
      }
    }
    return out;
  }

  /** What `check` reports for the YAML file: the extractor's findings and every embed's, mapped. */
  diagnostics(): Diagnostic[] {
    const { extraction } = this.model;
    const src = extraction.source;
    const out = extraction.diagnostics.map((d) => toDiagnostic(src, { ...d, file: this.model.uri } as FileDiagnostic, () => undefined));
    for (const [vuri, embed] of this.model.embeds) {
      const ctx = this.ctx(vuri);
      if (!ctx) continue;
      const rules = ctx.ga.group.settings.rules;
      const embedOf = (file: string) => {
        const uri = ctx.ga.uriOf(file);
        return uri === undefined ? undefined : this.model.embeds.get(uri);
      };
      const locate = (file: string) => {
        if (embedOf(file)) return { uri: this.model.uri, source: src };
        const uri = ctx.ga.uriOf(file);
        const s = ctx.ga.analysis.sources.get(file);
        return uri && s ? { uri, source: s } : undefined;
      };
      for (const d of mapDiagnostics(embed, fileDiagnostics(ctx), { rules })) {
        // Related locations in this embed are mapped already; in another key of a ConfigMap, map them here.
        const related = d.related?.map((r) => {
          const other = embedOf(r.file);
          return other && other !== embed ? { ...r, start: other.map.toHost(r.start, 'start'), end: other.map.toHost(r.end, 'end') } : r;
        });
        out.push(toDiagnostic(src, { ...d, related }, locate));
      }
      if (!ctx.ga.catalog) {
        const version = ctx.ga.group.settings.alloyVersion;
        out.unshift({ range: toRange(src, 0, 0), severity: 1, code: 'settings', source: 'alloy-lint', message: `no component schemas for Alloy ${version}: the Alloy in this file cannot be checked` });
        break;
      }
    }
    return out;
  }

  /** Each literal block formatted as `alloy fmt` would, as edits of the YAML. */
  format(range?: Range): TextEdit[] {
    const { extraction } = this.model;
    const src = extraction.source;
    const fmt = (text: string) => formatAlloy(text);
    const out: TextEdit[] = [];
    for (const embed of this.model.embeds.values()) {
      if (range && (embed.scalar.end < toOffset(src, range.start) || embed.scalar.start > toOffset(src, range.end))) continue;
      const r = formatEmbed(extraction, embed, fmt);
      if (r.edit) out.push(toTextEdit(src, r.edit));
    }
    return out;
  }

  /** Every embed's semantic tokens, moved to the YAML's lines (tokens that would span lines are left out). */
  semanticTokens(tokens: (ctx: DocContext) => SemanticTokens): SemanticTokens {
    const abs: number[][] = [];
    for (const [vuri, embed] of this.model.embeds) {
      const ctx = this.ctx(vuri);
      if (!ctx) continue;
      const d = tokens(ctx).data;
      let line = 0;
      let char = 0;
      for (let i = 0; i + 4 < d.length; i += 5) {
        line += d[i];
        char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
        const start = this.position(embed, { line, character: char });
        const end = this.position(embed, { line, character: char + d[i + 2] }, 'end');
        if (end.line === start.line && end.character > start.character) abs.push([start.line, start.character, end.character - start.character, d[i + 3], d[i + 4]]);
      }
    }
    abs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const data: number[] = [];
    let pl = 0;
    let pc = 0;
    for (const [l, c, len, type, mods] of abs) {
      data.push(l - pl, l === pl ? c - pc : c, len, type, mods);
      pl = l;
      pc = c;
    }
    return { data };
  }

  /** Runs a per-document verb on every embed and maps each answer back. */
  each<T>(verb: (ctx: DocContext) => T[]): T[] {
    const out: T[] = [];
    for (const [vuri, embed] of this.model.embeds) {
      const ctx = this.ctx(vuri);
      if (ctx) for (const x of verb(ctx)) out.push(this.mapOut(embed, x));
    }
    return out;
  }
}

function isChanges(x: unknown): boolean {
  return typeof x === 'object' && x !== null && Object.values(x).every(Array.isArray);
}

function isPosition(x: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof (x as Position).line === 'number' && typeof (x as Position).character === 'number';
}

function isRange(x: unknown): boolean {
  return typeof x === 'object' && x !== null && isPosition((x as Range).start) && isPosition((x as Range).end);
}
