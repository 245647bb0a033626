// Which context a path reads, and whether the context knows it. Two modes, as contrib's parser
// collection works: with a given context (a `trace_statements { context = "span" }` block), a
// path without a valid context prefix belongs to that context (`attributes` is
// `span.attributes`); with an inferred context (the flat `statements { trace = [...] }` form),
// every path must name its context and the statement runs in the most specific one named.
import type * as A from './ast.js';
import { ACCESSIBLE, CONTEXT_ALIASES, CONTEXT_PATHS, SIGNAL_CONTEXTS, type ContextName, type PathNode, type Signal } from './catalog/contexts.js';

export type Target = { context: ContextName } | { signal: Signal };

export interface ResolvedPath {
  /** The context whose data the path reads. */
  context: ContextName;
  /** Segments after the context. */
  fields: A.Field[];
}

export interface PathProblem {
  message: string;
  start: number;
  end: number;
  candidates?: string[];
}

const contextOf = (name: string): ContextName | undefined =>
  (CONTEXT_ALIASES[name] ?? (name in CONTEXT_PATHS ? name : undefined)) as ContextName | undefined;

/** The context a statement runs in: given, or inferred from the contexts its paths name. */
export function inferContext(paths: A.PathExpr[], target: Target): ContextName | undefined {
  if ('context' in target) return target.context;
  const allowed = SIGNAL_CONTEXTS[target.signal];
  let best: ContextName | undefined;
  for (const p of paths) {
    const c = p.context && contextOf(p.context.name);
    if (c && allowed.includes(c) && (best === undefined || allowed.indexOf(c) < allowed.indexOf(best))) best = c;
  }
  return best;
}

/** Splits a path into its context and fields, or says why it names no valid context. */
export function splitPath(p: A.PathExpr, context: ContextName, inferred: boolean): ResolvedPath | PathProblem {
  const valid = ACCESSIBLE[context];
  const named = p.context && contextOf(p.context.name);
  if (p.context && named && valid.includes(named)) return { context: named, fields: p.fields };
  if (!inferred) {
    // The context prefix is missing or not one of this context's: the path belongs to `context`.
    const fields = p.context ? [{ name: p.context.name, keys: [], start: p.context.start, end: p.context.end }, ...p.fields] : p.fields;
    return { context, fields };
  }
  const options = valid.join(', ');
  if (!p.context) return { message: `path ${pathText(p)} names no context: write it as ${valid[0]}.${pathText(p)} (valid contexts here: ${options})`, start: p.start, end: p.end, candidates: [...valid] };
  return { message: `context "${p.context.name}" of path ${pathText(p)} is not valid here: it must be one of ${options}`, start: p.context.start, end: p.context.end, candidates: [...valid] };
}

/** Checks the fields of a path against its context's catalogue. */
export function checkFields(r: ResolvedPath, main: ContextName): PathProblem | undefined {
  let table: Record<string, PathNode> | undefined = CONTEXT_PATHS[r.context];
  if (r.context === main) table = { ...table, cache: { keys: true } };
  let where: string = r.context;
  for (let i = 0; i < r.fields.length; i++) {
    const f = r.fields[i];
    const node: PathNode | undefined = table?.[f.name];
    if (!node) {
      const known = Object.keys(table ?? {});
      const msg = table ? `unknown path segment "${f.name}" in ${where}` : `${where} has no segments after it, but the path continues with "${f.name}"`;
      return { message: msg, start: f.start, end: f.start + f.name.length, candidates: known.sort() };
    }
    if (f.keys.length && !node.keys) return { message: `${where}.${f.name} cannot be indexed`, start: f.keys[0].start, end: f.end };
    table = node.next;
    where = `${where}.${f.name}`;
  }
  return undefined;
}

/** The path as written, keys included, for messages. */
export function pathText(p: A.PathExpr): string {
  const parts = p.fields.map((f) => f.name + f.keys.map((k) => (k.value.kind === 'String' ? `[${JSON.stringify(k.value.value)}]` : k.value.kind === 'Int' ? `[${k.value.value}]` : '[…]')).join(''));
  return (p.context ? p.context.name + '.' : '') + parts.join('.');
}
