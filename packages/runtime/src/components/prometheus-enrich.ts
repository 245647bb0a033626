// prometheus.enrich: copies labels from the discovered target that matches a sample. The
// match pairs target labels with sample labels (`target_to_metric_match`, or the older
// `target_match_label` / `metrics_match_label`); every paired value must be non-empty on both
// sides. A later target with the same values replaces an earlier one. With no
// `labels_to_copy` every target label is copied (`__address__` and `__meta_*` too, as
// upstream); copying an empty value removes the label, as Prometheus' label builder does.

import type { PromSample } from '../prom/series.js';
import type { Labels } from '../samples.js';
import { SimError, stringList, targetsOf, text } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';

function strategy(ctx: SimContext): [string, string][] {
  const mv = ctx.attr('target_to_metric_match');
  const pairs: [string, string][] = mv && mv.t === 'object' ? [...mv.v].map(([k, v]) => [k, text(v, `target_to_metric_match.${k}`)]) : [];
  const tv = ctx.attr('target_match_label');
  const targetLabel = tv && tv.t !== 'null' ? text(tv, 'target_match_label') : '';
  const mlv = ctx.attr('metrics_match_label');
  const metricsLabel = mlv && mlv.t !== 'null' ? text(mlv, 'metrics_match_label') : '';
  const legacy = targetLabel !== '' || metricsLabel !== '';
  if (!legacy && !pairs.length) throw new SimError('at least one match mechanism must be specified: set target_match_label or target_to_metric_match');
  if (legacy && !pairs.length && !targetLabel) throw new SimError('target_match_label must be set when using legacy match fields');
  const map = pairs.length ? pairs : [[targetLabel, metricsLabel || targetLabel] as [string, string]];
  return map.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The paired values in order, or undefined when one is empty. */
function key(labels: Labels, names: string[]): string | undefined {
  const vals = names.map((n) => labels[n] ?? '');
  return vals.some((v) => v === '') ? undefined : JSON.stringify(vals);
}

export function prometheusEnrich(ctx: SimContext): Simulator {
  const targets = targetsOf(ctx.required('targets'), 'targets');
  const pairs = strategy(ctx);
  const cv = ctx.attr('labels_to_copy');
  const copy = cv && cv.t !== 'null' ? stringList(cv, 'labels_to_copy') : [];
  const to = ctx.flow.otel.appendRefs(ctx.required('forward_to'));
  const cache = new Map<string, Labels>();
  for (const t of targets) {
    const k = key(t, pairs.map((p) => p[0]));
    if (k !== undefined) cache.set(k, t);
  }
  const metricNames = pairs.map((p) => p[1]);
  const describe = pairs.map(([t, m]) => (t === m ? t : `${t}=${m}`)).join(', ');
  const receiver = ctx.flow.otel.appendable(ctx.id, (b, depth) => {
    ctx.flow.otel.stepSamples(ctx.id, b, () => {
      const notes = new Map<PromSample, { note?: string }>();
      for (const s of b.samples) {
        const k = key(s.labels, metricNames);
        const found = k === undefined ? undefined : cache.get(k);
        if (!found) {
          notes.set(s, { note: k === undefined ? `not enriched: no value for ${metricNames.join(', ')}` : `not enriched: no target matches on ${describe}` });
          continue;
        }
        const labels = { ...s.labels };
        const entries = copy.length ? copy.filter((c) => c in found).map((c) => [c, found[c]] as const) : Object.entries(found);
        for (const [name, value] of entries) {
          if (value === '') delete labels[name];
          else labels[name] = value;
        }
        s.labels = labels;
        notes.set(s, { note: `enriched from the target matching on ${describe}` });
      }
      return notes;
    });
    ctx.flow.otel.append(ctx.id, to, b, depth);
  });
  return { exports: { receiver } };
}
