// Custom components: `declare` blocks and modules loaded by `import.file` / `import.string`,
// instantiated as a nested scope whose component ids carry the instance id as a prefix.

import { parse, type Block, type SourceFile, type Stmt } from '@alloy-lint/parser';
import { evaluate, formatEvalError, object, type Value } from '@alloy-lint/values';
import type { SimContext } from './components/api.js';
import { blockId, publish, referencedIds } from './order.js';
import type { BodyNode, Declare, Evaluator, Frame } from './frame.js';
import { SimError, text } from './value-js.js';

export type { Declare } from './frame.js';

/** The blocks of a body as nodes ordered by their references to each other. */
export function bodyNodes(body: Stmt[], source: SourceFile): BodyNode[] {
  const blocks = body.filter((s): s is Block => s.kind === 'Block');
  const ids = new Set(blocks.map((b) => blockId(b.name, b.label)));
  return blocks.map((b) => ({
    id: blockId(b.name, b.label),
    block: b,
    source,
    deps: referencedIds(b.body, ids),
    pos: [0, b.start] as [number, number],
  }));
}

/** `import.file` / `import.string`: registers the module's declares under the import's label. */
export function importModule(rt: Evaluator, frame: Frame, node: BodyNode, ctx: SimContext): void {
  const kind = node.block.name.join('.');
  const id = frame.prefix + node.id;
  let content: string;
  let name: string;
  if (kind === 'import.file') {
    name = text(ctx.required('filename'), 'filename');
    const read = rt.host.readFile(name);
    if (read === undefined) throw new SimError(`failed to read file ${JSON.stringify(name)}: not found (add it to the samples' files)`);
    content = read;
  } else if (kind === 'import.string') {
    name = `${id}.content`;
    content = text(ctx.required('content'), 'content');
  } else {
    rt.report(id, kind, 'not simulated', `${kind} fetches modules from the network; use import.file with a local copy`);
    return;
  }
  registerModule(rt, frame, node.block.label, content, name);
  rt.report(id, kind, 'simulated');
}

function registerModule(rt: Evaluator, frame: Frame, namespace: string, content: string, name: string): void {
  const parsed = parse(content, name);
  if (parsed.diagnostics.length) {
    const d = parsed.diagnostics[0];
    const p = parsed.source.position(d.start);
    throw new SimError(`${name}:${p.line}:${p.column}: ${d.message}`);
  }
  const local = new Map<string, Declare>();
  for (const s of parsed.ast.body) {
    if (s.kind !== 'Block') continue;
    const kind = s.name.join('.');
    if (kind === 'declare') {
      const d: Declare = { name: s.label, body: s.body, source: parsed.source, declares: local };
      local.set(s.label, d);
      frame.declares.set(`${namespace}.${s.label}`, d);
    } else if (kind === 'import.file' || kind === 'import.string') {
      // A nested import: its declares become `<namespace>.<label>.<declare>`.
      const inner: Frame = { prefix: frame.prefix, scope: frame.scope, declares: new Map() };
      const node = bodyNodes([s], parsed.source)[0];
      importModule(rt, inner, node, rt.context(inner, `${frame.prefix}${namespace}.${node.id}`, node));
      for (const [k, d] of inner.declares) {
        local.set(`${s.label}.${k.slice(s.label.length + 1)}`, d);
        frame.declares.set(`${namespace}.${k}`, d);
      }
    }
  }
}

/** Runs one instance of a custom component and publishes its exports. */
export function instantiate(rt: Evaluator, frame: Frame, node: BodyNode, decl: Declare): void {
  const name = node.block.name.join('.');
  const id = frame.prefix + node.id;
  const args = new Map<string, Value>();
  for (const s of node.block.body) {
    if (s.kind === 'Block') throw new SimError(`unrecognized block name "${s.name.join('.')}" in custom component ${name}`);
    const r = evaluate(s.value, frame.scope, { env: rt.env, source: node.source });
    if (r.error) throw new SimError(formatEvalError(r.error, node.source));
    args.set(s.name.name, r.value!);
  }
  const inner: Frame = { prefix: `${id}/`, scope: new Map(), declares: new Map(decl.declares) };
  const declared = new Set<string>();
  for (const s of decl.body) {
    if (s.kind !== 'Block' || s.name.join('.') !== 'argument') continue;
    declared.add(s.label);
    let v = args.get(s.label);
    if (v === undefined) {
      const def = s.body.find((a) => a.kind === 'Attribute' && a.name.name === 'default');
      const optional = s.body.find((a) => a.kind === 'Attribute' && a.name.name === 'optional');
      const isOptional = optional?.kind === 'Attribute' && evaluate(optional.value).value?.t === 'bool' && (evaluate(optional.value).value as { v: boolean }).v;
      if (def?.kind === 'Attribute') {
        const r = evaluate(def.value, inner.scope, { env: rt.env, source: decl.source });
        if (r.error) throw new SimError(formatEvalError(r.error, decl.source));
        v = r.value!;
      } else if (!isOptional) {
        throw new SimError(`missing required argument "${s.label}" to module`);
      }
    }
    publish(inner.scope, ['argument', s.label, 'value'], v ?? { t: 'null' });
  }
  for (const k of args.keys()) if (!declared.has(k)) throw new SimError(`unrecognized argument "${k}" for custom component ${name}`);
  rt.report(id, name, 'simulated', 'custom component');
  const exports = rt.evalBody(inner, bodyNodes(decl.body, decl.source));
  publish(frame.scope, [...node.block.name, node.block.label], object(exports));
}
