import type { BodySpec } from '@alloy-lint/analyzer';
import { type Block, type Expr, parse, SourceFile, type Stmt } from '@alloy-lint/parser';
import { unquote } from '@alloy-lint/values';
import type { DocContext } from './context.js';
import { resolveUri } from './uri.js';

export interface DeclareArgument {
  name: string;
  optional: boolean;
  /** The default as written. */
  default?: string;
  comment?: string;
  block: Block;
}

export interface DeclareExport {
  name: string;
  /** Type of the exported value (`any` until the checker types it). */
  type: string;
  comment?: string;
  block: Block;
}

/** A `declare` block: the custom component it defines. */
export interface DeclareInfo {
  name: string;
  block: Block;
  uri: string;
  /** Set when the declare comes from an imported module: the import block's label. */
  namespace?: string;
  arguments: DeclareArgument[];
  exports: DeclareExport[];
  /** The arguments as a body spec (attributes only). */
  spec: BodySpec;
}

/** A module file: parsed text at a URI (`#label` for import.string content). */
export interface ModuleFile {
  uri: string;
  body: Stmt[];
  source: SourceFile;
}

const attr = (b: Block, name: string) => b.body.find((s) => s.kind === 'Attribute' && s.name.name === name) as (Stmt & { kind: 'Attribute' }) | undefined;

/** The text of a string literal, else undefined. */
export function stringLiteral(e: Expr | undefined): string | undefined {
  if (!e || e.kind !== 'Literal' || e.litKind !== 'STRING') return undefined;
  try {
    return unquote(e.raw);
  } catch {
    return undefined;
  }
}

export function declareInfo(ctx: DocContext, b: Block, uri: string, namespace?: string): DeclareInfo {
  const doc = ctx.other(uri);
  const text = (e: Expr) => (doc ? doc.slice(e.start, e.end) : '');
  const args: DeclareArgument[] = [];
  const exports: DeclareExport[] = [];
  for (const s of b.body) {
    if (s.kind !== 'Block' || !s.label) continue;
    const comment = stringLiteral(attr(s, 'comment')?.value);
    if (s.fullName === 'argument') {
      const opt = attr(s, 'optional')?.value;
      const def = attr(s, 'default')?.value;
      args.push({ name: s.label, optional: opt?.kind === 'Literal' && opt.raw === 'true', default: def && text(def), comment, block: s });
    } else if (s.fullName === 'export') {
      exports.push({ name: s.label, type: 'any', comment, block: s });
    }
  }
  const spec: BodySpec = { kind: 'struct', fields: args.map((a) => ({ kind: 'attr', name: a.name, type: 'any', required: !a.optional })) };
  return { name: namespace ? `${namespace}.${b.label}` : b.label, block: b, uri, namespace, arguments: args, exports, spec };
}

/** The files an `import.*` block loads that the editor can read (import.file and import.string). */
export function moduleFiles(ctx: DocContext, imp: Block, fromUri: string): ModuleFile[] {
  if (imp.fullName === 'import.string') {
    const content = stringLiteral(attr(imp, 'content')?.value);
    if (content === undefined) return [];
    const r = parse(new SourceFile(content, `${fromUri}#${imp.label}`));
    return [{ uri: `${fromUri}#${imp.label}`, body: r.ast.body, source: r.source }];
  }
  if (imp.fullName !== 'import.file') return [];
  const filename = stringLiteral(attr(imp, 'filename')?.value);
  const target = filename === undefined ? undefined : resolveUri(fromUri, filename);
  if (!target) return [];
  const one = ctx.other(target);
  const uris = one ? [target] : (ctx.ws.host.listFiles?.(target.endsWith('/') ? target : target + '/') ?? []).filter((u) => u.endsWith('.alloy')).sort();
  return uris.flatMap((u) => {
    const d = ctx.other(u);
    return d ? [{ uri: u, body: d.ast.body, source: d.source }] : [];
  });
}

/** Bodies to search for a custom component's definition, innermost scope first. */
function scopesAround(ctx: DocContext, around: Block[]): { body: Stmt[]; uri: string }[] {
  const out: { body: Stmt[]; uri: string }[] = [];
  for (let i = around.length - 1; i >= 0; i--) if (around[i].fullName === 'declare') out.push({ body: around[i].body, uri: ctx.uri });
  for (const m of ctx.ws.groupOf(ctx.uri).members) {
    const d = ctx.other(m);
    if (d) out.push({ body: d.ast.body, uri: m });
  }
  return out;
}

/** The declare that defines the block `b` (written inside `around`), when it is a custom component. */
export function declareFor(ctx: DocContext, b: Block, around: Block[]): DeclareInfo | undefined {
  const first = b.name[0];
  for (const scope of scopesAround(ctx, around)) {
    for (const s of scope.body) {
      if (s.kind !== 'Block' || s.label !== first) continue;
      if (s.fullName === 'declare' && b.name.length === 1) return declareInfo(ctx, s, scope.uri);
      if (s.fullName.startsWith('import.') && b.name.length === 2) {
        for (const f of moduleFiles(ctx, s, scope.uri)) {
          const d = f.body.find((x): x is Block => x.kind === 'Block' && x.fullName === 'declare' && x.label === b.name[1]);
          if (d) return declareInfo(ctx, d, f.uri, first);
        }
        return undefined;
      }
    }
  }
  return undefined;
}

/** Custom component names visible inside `around`: declares and `namespace.declare` of imports. */
export function visibleDeclares(ctx: DocContext, around: Block[]): DeclareInfo[] {
  const out: DeclareInfo[] = [];
  const seen = new Set<string>();
  for (const scope of scopesAround(ctx, around)) {
    for (const s of scope.body) {
      if (s.kind !== 'Block' || !s.label || seen.has(s.label)) continue;
      if (s.fullName === 'declare') {
        seen.add(s.label);
        out.push(declareInfo(ctx, s, scope.uri));
      } else if (s.fullName.startsWith('import.')) {
        seen.add(s.label);
        for (const f of moduleFiles(ctx, s, scope.uri)) {
          for (const d of f.body) if (d.kind === 'Block' && d.fullName === 'declare' && d.label) out.push(declareInfo(ctx, d, f.uri, s.label));
        }
      }
    }
  }
  return out;
}
