// Where OTTL hides in a configuration: the string literals of the otelcol components whose
// arguments are OTTL statements, conditions or value expressions, with the context each runs in.
import type { Attribute, Block, Expr, Literal } from '@alloy-lint/parser';
import { unquote } from '@alloy-lint/gostd';
import type { ContextName, Host, Kind, Signal, Target } from '@alloy-lint/ottl';
import type { GraphNode } from './graph-types.js';

export interface OttlSite {
  file: string;
  literal: Literal;
  kind: Kind;
  target: Target;
  host: Host;
}

const SIGNAL_OF: Record<string, Signal> = { trace: 'trace', metric: 'metric', log: 'log' };
const CONTEXT_NAMES = new Set(['resource', 'scope', 'span', 'spanevent', 'log', 'metric', 'datapoint']);

const attr = (b: Block, name: string): Attribute | undefined =>
  b.body.find((s): s is Attribute => s.kind === 'Attribute' && s.name.name === name);
const blocks = (b: Block, name?: string): Block[] => b.body.filter((s): s is Block => s.kind === 'Block' && (name === undefined || s.fullName === name));

/** The string literals of a list (or of a single string). Other expressions cannot be checked statically. */
function strings(e: Expr | undefined): Literal[] {
  if (!e) return [];
  if (e.kind === 'Literal') return e.litKind === 'STRING' ? [e] : [];
  if (e.kind === 'Array') return e.elements.flatMap((x) => (x.kind === 'Literal' && x.litKind === 'STRING' ? [x] : []));
  return [];
}

/** The value of a string literal attribute, when it is one. */
function literalText(e: Expr | undefined): string | undefined {
  if (e?.kind !== 'Literal' || e.litKind !== 'STRING') return undefined;
  try {
    return unquote(e.raw);
  } catch {
    return undefined;
  }
}

function contextTarget(b: Block, signal: Signal): Target | undefined {
  const ctx = attr(b, 'context');
  if (!ctx) return { signal };
  const name = literalText(ctx.value);
  return name && CONTEXT_NAMES.has(name) ? { context: name as ContextName } : undefined;
}

type Push = (literals: Literal[], kind: Kind, target: Target) => void;

function transform(b: Block, push: Push): void {
  for (const s of ['trace', 'metric', 'log']) {
    for (const blk of blocks(b, `${s}_statements`)) {
      const target = contextTarget(blk, SIGNAL_OF[s]);
      if (!target) continue; // an unknown or computed context: the schema check reports it
      push(strings(attr(blk, 'statements')?.value), 'statement', target);
      push(strings(attr(blk, 'conditions')?.value), 'condition', target);
    }
  }
  for (const flat of blocks(b, 'statements')) {
    for (const s of ['trace', 'metric', 'log']) push(strings(attr(flat, s)?.value), 'statement', { signal: SIGNAL_OF[s] });
  }
}

function filter(b: Block, push: Push): void {
  const old: Record<string, Record<string, ContextName>> = {
    traces: { span: 'span', spanevent: 'spanevent' },
    metrics: { metric: 'metric', datapoint: 'datapoint' },
    logs: { log_record: 'log' },
  };
  for (const [name, fields] of Object.entries(old)) {
    for (const blk of blocks(b, name)) for (const [f, ctx] of Object.entries(fields)) push(strings(attr(blk, f)?.value), 'condition', { context: ctx });
  }
  for (const s of ['trace', 'metric', 'log']) {
    for (const blk of blocks(b, `${s}_conditions`)) {
      const target = contextTarget(blk, SIGNAL_OF[s]);
      if (target) push(strings(attr(blk, 'conditions')?.value), 'condition', target);
    }
  }
}

function tailSampling(b: Block, push: Push): void {
  for (const s of b.body) {
    if (s.kind !== 'Block') continue;
    if (s.fullName === 'ottl_condition') {
      push(strings(attr(s, 'span')?.value), 'condition', { context: 'span' });
      push(strings(attr(s, 'spanevent')?.value), 'condition', { context: 'spanevent' });
    } else tailSampling(s, push);
  }
}

const CONNECTOR_CONTEXT: Record<string, ContextName> = { spans: 'span', spanevents: 'spanevent', metrics: 'metric', datapoints: 'datapoint', logs: 'log' };

function connector(b: Block, push: Push, values: boolean): void {
  for (const blk of blocks(b)) {
    const ctx = CONNECTOR_CONTEXT[blk.fullName];
    if (!ctx) continue;
    push(strings(attr(blk, 'conditions')?.value), 'condition', { context: ctx });
    if (!values) continue;
    for (const agg of blocks(blk)) {
      for (const f of ['value', 'count']) push(strings(attr(agg, f)?.value), 'value', { context: ctx });
    }
  }
}

/** Every OTTL string of one component. */
export function ottlSites(node: GraphNode): OttlSite[] {
  const out: OttlSite[] = [];
  const host: Host = node.name === 'otelcol.processor.transform' ? 'transform' : node.name === 'otelcol.processor.filter' ? 'filter' : 'other';
  const push: Push = (literals, kind, target) => {
    for (const literal of literals) out.push({ file: node.file, literal, kind, target, host });
  };
  const b = node.block;
  switch (node.name) {
    case 'otelcol.processor.transform': transform(b, push); break;
    case 'otelcol.processor.filter': filter(b, push); break;
    case 'otelcol.processor.tail_sampling': tailSampling(b, push); break;
    case 'otelcol.connector.count': connector(b, push, false); break;
    case 'otelcol.connector.signaltometrics': connector(b, push, true); break;
  }
  return out;
}

/** Components that carry OTTL. */
export const OTTL_COMPONENTS = new Set(['otelcol.processor.transform', 'otelcol.processor.filter', 'otelcol.processor.tail_sampling', 'otelcol.connector.count', 'otelcol.connector.signaltometrics']);
