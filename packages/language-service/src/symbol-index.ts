import { traversalsFromBody } from '@alloy-lint/analyzer';
import { byteLength } from '@alloy-lint/gostd';
import type { ScopeEntry } from '@alloy-lint/graph';
import type { Block, Ident, Stmt } from '@alloy-lint/parser';
import type { DocContext } from './context.js';
import { type DeclareInfo, declareInfo, moduleFiles } from './declares.js';
import { chainAt, labelInner, nodesAt } from './locate.js';
import type { GroupAnalysis } from './workspace.js';

export type SymbolKind = 'component' | 'declare' | 'argument' | 'export' | 'import' | 'builtin-export';

/** Something with a name that references point at. */
export interface Sym {
  key: string;
  kind: SymbolKind;
  name: string;
  /** Where it is defined (absent for the exports of built-in components). */
  def?: { uri: string; start: number; end: number };
  /** The block that defines it. */
  block?: Block;
  /** For components: the block name (`loki.write`); for exports: the component's. */
  blockName?: string;
  /** For custom components and their exports and arguments: the declare. */
  declare?: DeclareInfo;
  /** For built-in exports: the export's type. */
  type?: string;
  /** False for names the user cannot rename (built-in exports). */
  renamable: boolean;
}

/** One place a symbol's name is written. */
export interface Occurrence {
  sym: Sym;
  uri: string;
  start: number;
  end: number;
  definition: boolean;
}

/** Every symbol of a configuration and every place its name appears, built once per analysis. */
export class SymbolIndex {
  readonly occurrences: Occurrence[] = [];
  private readonly syms = new Map<string, Sym>();

  /** The index of the whole configuration (built once per analysis). */
  static for(ctx: DocContext): SymbolIndex {
    let idx = cache.get(ctx.ga);
    if (!idx) cache.set(ctx.ga, (idx = new SymbolIndex(ctx)));
    return idx;
  }

  /** The occurrences around a place of this document, without indexing the rest of the configuration (for hover and definition). */
  static around(ctx: DocContext, offset: number): SymbolIndex {
    return cache.get(ctx.ga) ?? new SymbolIndex(ctx, { file: ctx.name, offset });
  }

  private constructor(
    private readonly ctx: DocContext,
    focus?: { file: string; offset: number },
  ) {
    const scopes = ctx.scopes;
    if (!scopes) return;
    const holds = (file: string, start: number, end: number) => !focus || (file === focus.file && focus.offset >= start && focus.offset <= end);
    const entries = scopes.entries.filter((e) => holds(e.node.file, e.node.block.start, e.node.block.end));
    for (const e of entries) this.define(e);
    for (const e of entries) this.blockName(e);
    for (const edge of ctx.ga.analysis.graph?.edges ?? []) {
      const uri = ctx.ga.uriOf(edge.file);
      if (!uri || !holds(edge.file, edge.start, edge.end)) continue;
      const idents = focus ? this.chainAt(uri, edge.start) : this.chainsOf(uri).get(edge.start);
      const scope = scopes.scopeAt(edge.file, edge.start);
      const target = scopes.resolve(scope, edge.to);
      if (!idents || !target) continue;
      this.reference(uri, idents, target);
    }
  }

  private chainsCache = new Map<string, Map<number, Ident[]>>();

  /** Identifier chains of a file by start offset. */
  private chainsOf(uri: string): Map<number, Ident[]> {
    let m = this.chainsCache.get(uri);
    if (!m) {
      m = new Map();
      const d = this.ctx.other(uri);
      if (d) for (const t of traversalsFromBody(d.ast.body)) m.set(t[0].start, t);
      this.chainsCache.set(uri, m);
    }
    return m;
  }

  /** The identifier chain starting at `start` (found from the tree, for a focused index). */
  private chainAt(uri: string, start: number): Ident[] | undefined {
    const d = this.ctx.other(uri);
    const chain = d && chainAt(nodesAt(d.ast, start));
    return chain && chain.idents[0].start === start ? chain.idents : undefined;
  }

  private sym(key: string, make: () => Sym): Sym {
    let s = this.syms.get(key);
    if (!s) this.syms.set(key, (s = make()));
    return s;
  }

  private readonly seen = new Set<string>();

  private add(sym: Sym, uri: string, start: number, end: number, definition = false): void {
    const k = `${uri}\0${start}\0${sym.key}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.occurrences.push({ sym, uri, start, end, definition });
  }

  private labelSym(kind: SymbolKind, uri: string, b: Block, extra: Partial<Sym> = {}): Sym {
    const inner = labelInner(b)!;
    return this.sym(`${kind}:${uri}:${b.start}`, () => ({ key: `${kind}:${uri}:${b.start}`, kind, name: b.label, def: { uri, ...inner }, block: b, renamable: true, ...extra }));
  }

  private define(e: ScopeEntry): void {
    const n = e.node;
    const uri = this.ctx.ga.uriOf(n.file);
    if (!uri || !n.label || !n.block.labelSpan) return;
    let s: Sym | undefined;
    if (n.kind === 'component') s = this.labelSym('component', uri, n.block, { blockName: n.name });
    else if (n.kind === 'declare') s = this.labelSym('declare', uri, n.block);
    else if (n.name === 'argument' || n.name === 'export') s = this.labelSym(n.name, uri, n.block);
    else if (n.name.startsWith('import.')) s = this.labelSym('import', uri, n.block);
    if (s) this.add(s, uri, s.def!.start, s.def!.end, true);
  }

  /** The declare (or import) a custom component's block name points at, and its arguments. */
  private blockName(e: ScopeEntry): void {
    const n = e.node;
    if (n.kind !== 'component' || !n.custom) return;
    const uri = this.ctx.ga.uriOf(n.file);
    const scopes = this.ctx.scopes!;
    const def = scopes.definition(e.scope, n.block.name[0]);
    const defUri = def && this.ctx.ga.uriOf(def.node.file);
    if (!uri || !def || !defUri) return;
    const b = n.block;
    const first = { start: b.nameSpan.start, end: b.nameSpan.start + byteLength(b.name[0]) };
    let declare: DeclareInfo | undefined;
    if (def.node.kind === 'declare') {
      const s = this.labelSym('declare', defUri, def.node.block);
      this.add(s, uri, first.start, first.end);
      declare = declareInfo(this.ctx, def.node.block, defUri);
    } else {
      const s = this.labelSym('import', defUri, def.node.block);
      this.add(s, uri, first.start, first.end);
      for (const f of moduleFiles(this.ctx, def.node.block, defUri)) {
        const d = f.body.find((x): x is Block => x.kind === 'Block' && x.fullName === 'declare' && x.label === b.name[1]);
        if (!d) continue;
        declare = declareInfo(this.ctx, d, f.uri, b.name[0]);
        const ds = this.labelSym('declare', f.uri, d);
        const start = first.end + 1;
        this.add(ds, uri, start, start + byteLength(b.name[1]));
      }
    }
    if (!declare) return;
    this.instanceArguments(uri, b.body, declare);
  }

  private instanceArguments(uri: string, body: Stmt[], declare: DeclareInfo): void {
    for (const s of body) {
      if (s.kind !== 'Attribute') continue;
      const a = declare.arguments.find((x) => x.name === s.name.name);
      if (a) this.add(this.labelSym('argument', declare.uri, a.block), uri, s.name.start, s.name.end);
    }
  }

  private reference(uri: string, idents: Ident[], target: ScopeEntry): void {
    const n = target.node;
    const defUri = this.ctx.ga.uriOf(n.file);
    if (!defUri) return;
    const parts = n.label ? n.name.split('.').length + 1 : n.name.split('.').length;
    const labelIdent = idents[parts - 1];
    const next = idents[parts];
    if (n.name === 'argument' && n.label && labelIdent) {
      this.add(this.labelSym('argument', defUri, n.block), uri, labelIdent.start, labelIdent.end);
      return;
    }
    if (n.kind !== 'component' || !n.label || !labelIdent) return;
    const comp = this.labelSym('component', defUri, n.block, { blockName: n.name });
    this.add(comp, uri, labelIdent.start, labelIdent.end);
    if (!next) return;
    if (!n.custom) {
      const type = this.ctx.catalog?.component(n.name)?.exports.find((x) => x.name === next.name)?.type;
      if (type === undefined) return;
      const key = `builtin-export:${n.name}.${next.name}`;
      const s = this.sym(key, () => ({ key, kind: 'builtin-export', name: next.name, blockName: n.name, type, renamable: false }));
      this.add(s, uri, next.start, next.end);
      return;
    }
    const declare = this.declareOfInstance(target);
    const x = declare?.exports.find((e) => e.name === next.name);
    if (declare && x) this.add(this.labelSym('export', declare.uri, x.block), uri, next.start, next.end);
  }

  private declareOfInstance(target: ScopeEntry): DeclareInfo | undefined {
    const b = target.node.block;
    const def = this.ctx.scopes!.definition(target.scope, b.name[0]);
    const defUri = def && this.ctx.ga.uriOf(def.node.file);
    if (!def || !defUri) return undefined;
    if (def.node.kind === 'declare') return declareInfo(this.ctx, def.node.block, defUri);
    for (const f of moduleFiles(this.ctx, def.node.block, defUri)) {
      const d = f.body.find((x): x is Block => x.kind === 'Block' && x.fullName === 'declare' && x.label === b.name[1]);
      if (d) return declareInfo(this.ctx, d, f.uri, b.name[0]);
    }
    return undefined;
  }

  /** The occurrence at `offset` of `uri` (the end of a name counts). */
  at(uri: string, offset: number): Occurrence | undefined {
    return this.occurrences.find((o) => o.uri === uri && offset >= o.start && offset <= o.end);
  }

  of(sym: Sym): Occurrence[] {
    return this.occurrences.filter((o) => o.sym === sym);
  }
}

const cache = new WeakMap<GroupAnalysis, SymbolIndex>();
