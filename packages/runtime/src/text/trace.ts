// `alloy-lint run --trace`: each target through its relabel rules, and each entry's way
// from its source to a sink, component by component and stage by stage.

import type { EntryView, Journey, TraceStep } from '../flow.js';
import type { RunResult } from '../report.js';
import { labelText, lineText } from './entry.js';
import type { Style as Colors } from './style.js';
const q = JSON.stringify;

/** What changed in a label map: `+a="1"`, `-b`, `~c: "x" → "y"`. */
export function mapDiff(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const out: string[] = [];
  const fmt = (v: unknown) => (typeof v === 'string' ? q(v) : q(v) ?? 'null');
  for (const k of Object.keys(after).sort()) {
    if (!(k in before)) out.push(`+${k}=${fmt(after[k])}`);
    else if (q(before[k]) !== q(after[k])) out.push(`~${k}: ${fmt(before[k])} → ${fmt(after[k])}`);
  }
  for (const k of Object.keys(before).sort()) if (!(k in after)) out.push(`-${k}`);
  return out;
}

interface EntryLike {
  line: string;
  timestamp: string;
  labels: Record<string, string>;
  structuredMetadata: Record<string, string> | { name: string; value: string }[];
  extracted?: Record<string, unknown>;
}

const sm = (e: EntryLike) => (Array.isArray(e.structuredMetadata) ? Object.fromEntries(e.structuredMetadata.map((p) => [p.name, p.value])) : e.structuredMetadata);

/** The differences between two entries, one item per changed part. */
export function entryDiff(a: EntryLike, b: EntryLike, c: Colors): string[] {
  const out: string[] = [];
  const labels = mapDiff(a.labels, b.labels);
  if (labels.length) out.push(`labels ${c.cyan(labels.join(' '))}`);
  if (a.line !== b.line) out.push(`line → "${lineText(b.line)}"`);
  if (a.timestamp !== b.timestamp) out.push(`timestamp ${a.timestamp} → ${b.timestamp}`);
  const meta = mapDiff(sm(a), sm(b));
  if (meta.length) out.push(`metadata ${meta.join(' ')}`);
  const ex = mapDiff(a.extracted ?? {}, b.extracted ?? {});
  if (ex.length) out.push(`extracted ${c.dim(ex.join(' '))}`);
  return out;
}

function stepText(s: TraceStep, c: Colors): string {
  let out = `    ${c.bold(s.component)}${s.note ? c.dim(`  ${s.note}`) : ''}\n`;
  for (const st of (s.stages ?? []) as { stage: string; index: string; before: EntryLike; after: EntryLike | null; dropped?: string }[]) {
    const head = `      ${st.stage} ${c.dim(`#${st.index}`)}`;
    if (!st.after) {
      out += `${head}  ${c.red(st.dropped ?? 'dropped')}\n`;
      continue;
    }
    const d = entryDiff(st.before, st.after, c);
    out += `${head}  ${d.length ? d.join('; ') : c.dim('no change')}\n`;
  }
  for (const r of (s.rules ?? []) as { rule: number; action: string; before: Record<string, string>; after: Record<string, string> | null }[]) {
    const d = r.after ? mapDiff(r.before, r.after) : [];
    out += `      rule ${r.rule + 1} ${r.action}  ${r.after ? (d.length ? c.cyan(d.join(' ')) : c.dim('no change')) : c.red('dropped')}\n`;
  }
  if (!s.stages?.length && !s.rules?.length && s.after) {
    const d = entryDiff(s.before, s.after, c);
    if (d.length) out += `      ${d.join('; ')}\n`;
  }
  return out;
}

function entryHead(e: EntryView, sameLine = false): string {
  return `${e.timestamp} ${labelText(e.labels, true)}${sameLine ? '' : ` "${lineText(e.line)}"`}`;
}

function journeyText(j: Journey, n: number, c: Colors): string {
  let out = `  ${c.bold(`entry ${n}`)} from ${j.origin}\n    ${c.dim('in')}  ${entryHead(j.input)}\n`;
  for (const s of j.steps) out += stepText(s, c);
  const o = j.outcome;
  const last = [...j.steps].reverse().find((s) => s.after)?.after;
  if (o.kind === 'delivered') out += `    ${c.green(`→ delivered by ${o.component}`)}${last ? `  ${entryHead(last, last.line === j.input.line)}` : ''}\n`;
  else out += `    ${c.red(`→ ${o.kind} at ${o.component}${o.reason ? `: ${o.reason}` : ''}`)}\n`;
  return out;
}

export function traceText(r: RunResult, c: Colors): string {
  let out = '';
  for (const t of r.targets) {
    if (!t.traces) continue;
    out += `${c.bold(`Trace: targets of ${t.component}, rule by rule`)}\n`;
    t.traces.forEach((tr, i) => {
      out += `  ${c.bold(`target ${i + 1}`)} ${labelText(tr.input)}\n`;
      for (const s of tr.steps) {
        const d = s.after ? mapDiff(s.before, s.after) : [];
        out += `    rule ${s.rule + 1} ${s.action}  ${s.after ? (d.length ? c.cyan(d.join(' ')) : c.dim('no change')) : c.red('dropped')}\n`;
      }
      out += tr.output ? `    ${c.green('→ kept')} ${labelText(tr.output)}\n` : `    ${c.red('→ dropped')}\n`;
    });
    out += '\n';
  }
  out += `${c.bold(`Trace: ${r.journeys.length} ${r.journeys.length === 1 ? 'entry' : 'entries'}, component by component`)}\n`;
  r.journeys.forEach((j, i) => (out += journeyText(j, i + 1, c)));
  return out;
}
