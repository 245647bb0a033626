// What Loki entry points share: sample entries for a component or one of its targets,
// turned into entries and sent down `forward_to`.

import type { LogEntry } from '../engines.js';
import type { Labels, SampleEntry, TargetLogs } from '../samples.js';
import { dateToTimestamp, normalizeTimestamp } from '../time.js';
import type { SimContext } from './api.js';

type Receivers = ReturnType<SimContext['flow']['receiversOf']>;

export function makeEntry(s: SampleEntry, labels: Labels, now: Date): LogEntry {
  return {
    line: s.line,
    timestamp: s.timestamp ? normalizeTimestamp(s.timestamp) : dateToTimestamp(now),
    labels,
    structuredMetadata: Object.entries(s.structured_metadata ?? {}).map(([name, value]) => ({ name, value })),
  };
}

function logsOf(ctx: SimContext): (SampleEntry | TargetLogs)[] | undefined {
  return ctx.samples.logs?.[ctx.id] ?? ctx.samples.logs?.[ctx.name];
}

const isGroup = (x: SampleEntry | TargetLogs): x is TargetLogs => 'target' in x;

/** Entries given for the component as a whole (not per target). */
export function componentEntries(ctx: SimContext): SampleEntry[] {
  return (logsOf(ctx) ?? []).filter((x): x is SampleEntry => !isGroup(x));
}

/** Entries of the per-target groups whose `target` labels all appear in `labels`; undefined when no group matches. */
export function targetEntries(ctx: SimContext, labels: Labels): SampleEntry[] | undefined {
  const groups = (logsOf(ctx) ?? []).filter(isGroup).filter((g) => Object.entries(g.target).every(([k, v]) => labels[k] === v));
  return groups.length ? groups.flatMap((g) => g.entries) : undefined;
}

export function hasSamples(ctx: SimContext): boolean {
  return logsOf(ctx) !== undefined;
}

/** Sends one entry from this source into the pipeline. */
export function send(ctx: SimContext, to: Receivers, entry: LogEntry, note?: string): void {
  const fe = ctx.flow.start(ctx.id, entry);
  if (note && fe.steps) fe.steps.push({ component: ctx.id, before: fe.input!, after: fe.input!, note });
  ctx.flow.forward(ctx.id, to, fe);
}

/** Drops labels starting with `__`, as sources do before sending. */
export function publicLabels(l: Labels): Labels {
  const out: Labels = {};
  for (const k of Object.keys(l)) if (!k.startsWith('__') && l[k] !== '') out[k] = l[k];
  return out;
}
