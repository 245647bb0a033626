// Evaluates the component graph in dependency order: each component's arguments are
// evaluated with `values` in a scope holding the exports of the components before it,
// then its simulator publishes its own exports.

import type { ComponentCatalog } from '@alloy-lint/analyzer';
import type { Block, SourceFile, Stmt } from '@alloy-lint/parser';
import { array, bool as boolValue, evaluate, float64, formatEvalError, NULL, object, string, type Value } from '@alloy-lint/values';
import type { SimContext, Simulator } from './components/api.js';
import { notSimulatedReason, simulatorFor } from './components/index.js';
import { Flow, RECEIVER_TYPE } from './flow.js';
import type { Host } from './host.js';
import type { BodyNode, Evaluator, Frame } from './frame.js';
import { importModule, instantiate } from './modules.js';
import { blockId, publish, topoOrder } from './order.js';
import type { ComponentReport } from './report.js';
import type { Samples } from './samples.js';
import { handle, SimError } from './value-js.js';

interface Running {
  id: string;
  sim: Simulator;
  pos: string;
}

/** Blocks that configure Alloy itself rather than a component. */
const SPECIAL = new Set(['argument', 'export', 'declare', 'foreach']);

export type { BodyNode, Frame } from './frame.js';

export class Runtime implements Evaluator {
  readonly flow: Flow;
  readonly env: Record<string, string>;
  readonly components: ComponentReport[] = [];
  readonly running: Running[] = [];
  readonly warnings: string[] = [];
  private readonly failed = new Set<string>();
  /** Sort key of every component by where it is written (file, offset; module contents after their instance). */
  readonly positions = new Map<string, string>();

  constructor(
    readonly catalog: ComponentCatalog,
    readonly host: Host,
    readonly samples: Samples,
    readonly tracing: boolean,
  ) {
    this.flow = new Flow(tracing);
    this.env = { ...host.env, ...(samples.env ?? {}) };
  }

  /** Evaluates one body; returns the values of its `export` blocks. */
  evalBody(frame: Frame, nodes: BodyNode[]): Map<string, Value> {
    const exports = new Map<string, Value>();
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const n of nodes) {
      if (n.block.name.join('.') === 'declare') frame.declares.set(n.block.label, { name: n.block.label, body: n.block.body, source: n.source, declares: frame.declares });
    }
    const { order, cycle } = topoOrder(nodes);
    for (const id of cycle) this.fail(frame.prefix + id, byId.get(id)!.block.name.join('.'), 'part of a dependency cycle');
    for (const id of order) this.evalNode(frame, byId.get(id)!, exports);
    return exports;
  }

  report(id: string, name: string, status: ComponentReport['status'], message?: string): void {
    this.components.push({ id, name, status, ...(message ? { message } : {}) });
  }

  fail(id: string, name: string, message: string): void {
    this.failed.add(id);
    this.report(id, name, 'failed', message);
  }

  private evalNode(frame: Frame, node: BodyNode, exports: Map<string, Value>): void {
    const name = node.block.name.join('.');
    const id = frame.prefix + node.id;
    if (name === 'declare' || name === 'argument') return;
    const pos = `${String(node.pos[0]).padStart(6, '0')}:${String(node.pos[1]).padStart(10, '0')}`;
    this.positions.set(id, frame.prefix ? `${this.positions.get(frame.prefix.slice(0, -1)) ?? ''}/${pos}` : pos);
    const failedDep = node.deps.find((d) => this.failed.has(frame.prefix + d));
    if (failedDep) {
      this.failed.add(id);
      this.report(id, name, 'skipped', `depends on ${frame.prefix + failedDep}, which failed`);
      return;
    }
    try {
      if (name === 'export') {
        exports.set(node.block.label, this.context(frame, id, node).required('value'));
      } else if (name.startsWith('import.')) {
        importModule(this, frame, node, this.context(frame, id, node));
      } else if (name === 'foreach') {
        this.report(id, name, 'not simulated', 'foreach blocks are not simulated');
      } else if (frame.declares.has(name)) {
        instantiate(this, frame, node, frame.declares.get(name)!);
      } else if (simulatorFor(name) && (this.catalog.component(name) || name.startsWith('pipelinetest.'))) {
        const sim = simulatorFor(name)!(this.context(frame, id, node));
        publish(frame.scope, [...node.block.name, node.block.label], object(new Map(Object.entries(sim.exports))));
        this.running.push({ id, sim, pos: this.positions.get(id)! });
        if (sim.status) this.report(id, name, sim.status.status, sim.status.message);
        else this.report(id, name, 'simulated');
      } else if (this.catalog.component(name)) {
        publish(frame.scope, [...node.block.name, node.block.label], this.placeholders(name, id));
        this.report(id, name, 'not simulated', `${notSimulatedReason(name) ?? 'no simulator for this component'}; its exports are placeholders (empty lists, receivers that drop)`);
      } else if (!SPECIAL.has(name)) {
        return; // logging, tracing, http and other configuration blocks
      }
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      this.fail(id, name, e.message);
    }
  }

  /** Stand-in exports of a component the runtime cannot simulate, typed from the schema. */
  private placeholders(name: string, id: string): Value {
    const fields = new Map<string, Value>();
    for (const ex of this.catalog.component(name)?.exports ?? []) {
      const t = ex.type;
      const cap = /^capsule\((.*)\)$/.exec(t);
      if (cap) fields.set(ex.name, handle(cap[1] === RECEIVER_TYPE ? RECEIVER_TYPE : cap[1], { id: `${id}.${ex.name}` }));
      else if (t.startsWith('list')) fields.set(ex.name, array([]));
      else if (t.startsWith('map') || t.startsWith('object')) fields.set(ex.name, object(new Map()));
      else if (t === 'string') fields.set(ex.name, string(''));
      else if (t === 'number') fields.set(ex.name, float64(0));
      else if (t === 'bool') fields.set(ex.name, boolValue(false));
      else fields.set(ex.name, NULL);
    }
    return object(fields);
  }

  context(frame: Frame, id: string, node: BodyNode): SimContext {
    const opts = { env: this.env, source: node.source };
    const evalExpr = (e: Parameters<SimContext['evaluate']>[0]) => evaluate(e, frame.scope, opts);
    const where = (msg: string) => `${node.source.name ? node.source.name + ':' : ''}${msg}`;
    const find = (body: Stmt[], name: string) => body.find((s) => s.kind === 'Attribute' && s.name.name === name);
    const ctx: SimContext = {
      id,
      name: node.block.name.join('.'),
      label: node.block.label,
      block: node.block,
      source: node.source,
      flow: this.flow,
      host: this.host,
      samples: this.samples,
      catalog: this.catalog,
      tracing: this.tracing,
      scope: frame.scope,
      env: this.env,
      attr: (name, body = node.block.body) => {
        const a = find(body, name);
        if (!a || a.kind !== 'Attribute') return undefined;
        const r = evalExpr(a.value);
        if (r.error) throw new SimError(where(formatEvalError(r.error, node.source)));
        return r.value!;
      },
      required: (name, body = node.block.body) => {
        const v = ctx.attr(name, body);
        if (v === undefined) throw new SimError(`missing required attribute "${name}"`);
        return v;
      },
      blocks: (name, body = node.block.body) => body.filter((s): s is Block => s.kind === 'Block' && s.name.join('.') === name),
      evaluate: evalExpr,
      warn: (message) => this.warnings.push(`${id}: ${message}`),
    };
    return ctx;
  }

  /** Sources emit, then buffered entries are flushed from upstream to downstream. */
  finish(): void {
    const bySource = [...this.running].sort((a, b) => (a.pos < b.pos ? -1 : a.pos > b.pos ? 1 : 0));
    for (const r of bySource) r.sim.emit?.();
    for (const r of [...this.running].reverse()) r.sim.flush?.();
  }
}

export function rootNodes(nodes: { id: string; block: Block; file: string; parent?: string }[], edges: { from: string; to: string }[], sources: Map<string, SourceFile>): BodyNode[] {
  const files = new Map([...sources.keys()].map((f, i) => [f, i]));
  const root = nodes.filter((n) => !n.parent);
  const ids = new Set(root.map((n) => n.id));
  // Grouped once: a filter of every edge per node was quadratic (20k components took 18 s).
  const deps = new Map<string, string[]>();
  for (const e of edges) if (ids.has(e.from) && ids.has(e.to)) (deps.get(e.from) ?? deps.set(e.from, []).get(e.from)!).push(e.to);
  return root.map((n) => ({
    id: n.id,
    block: n.block,
    source: sources.get(n.file)!,
    deps: deps.get(n.id) ?? [],
    pos: [files.get(n.file) ?? -1, n.block.start] as [number, number],
  }));
}

export { blockId };
