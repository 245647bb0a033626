// prometheus.scrape: each target's labels are completed as Prometheus does (job, scheme,
// metrics path, params; `__` labels dropped; instance defaults to the address), the
// exposition text the samples give for it is parsed, and every sample gets the target's
// labels (`exported_` prefixes on conflicts unless honor_labels) before forward_to.

import { parseExposition } from '../prom/exposition.js';
import type { PromBatch, PromMetadata, PromSample } from '../prom/series.js';
import { samplesStart } from '../otel/telemetry.js';
import type { Labels } from '../samples.js';
import { stringList, targetsOf } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';
import { optBool, optString } from './otel/common.js';

/** PopulateLabels: the target's final labels, or a reason it is not scraped. */
export function populateLabels(t: Labels, job: string, scheme: string, path: string, params: Record<string, string[]>): { labels: Labels; addr: string } | { error: string } {
  const lb: Labels = { ...t };
  const defaults: Labels = { job, __scrape_interval__: '1m', __scrape_timeout__: '10s', __metrics_path__: path, __scheme__: scheme };
  for (const [k, v] of Object.entries(defaults)) if (!lb[k]) lb[k] = v;
  for (const [k, v] of Object.entries(params)) if (v.length && !lb[`__param_${k}`]) lb[`__param_${k}`] = v[0];
  const addr = lb.__address__ ?? '';
  if (!addr) return { error: 'no address' };
  if (addr.includes('/')) return { error: `${JSON.stringify(addr)} is not a valid hostname` };
  for (const k of Object.keys(lb)) if (k.startsWith('__meta_')) delete lb[k];
  if (!lb.instance) lb.instance = addr;
  return { labels: lb, addr };
}

/** Target labels merged into a scraped sample's (mutateSampleLabels). */
export function mutateSampleLabels(sample: Labels, target: Labels, honor: boolean): Labels {
  const set: Labels = {};
  const conflicts: [string, string][] = [];
  for (const k in target) {
    if (k.startsWith('__')) continue;
    if (honor) {
      if (!sample[k]) set[k] = target[k];
      continue;
    }
    if (sample[k]) conflicts.push([k, sample[k]]);
    set[k] = target[k];
  }
  const merged = (): Labels => {
    const out: Labels = {};
    for (const k in sample) if (!(k in set)) out[k] = sample[k];
    for (const k in set) if (set[k] !== '') out[k] = set[k];
    return out;
  };
  if (!conflicts.length) return merged();
  conflicts.sort((a, b) => a[0].length - b[0].length);
  for (const [k, v] of conflicts) {
    let name = k;
    for (;;) {
      name = `exported_${name}`;
      const cur = name in set ? set[name] : sample[name];
      if (!cur) {
        set[name] = v;
        break;
      }
    }
  }
  return merged();
}

export function prometheusScrape(ctx: SimContext): Simulator {
  const targets = targetsOf(ctx.required('targets'), 'targets');
  const to = ctx.flow.otel.appendRefs(ctx.required('forward_to'));
  const job = optString(ctx, 'job_name') ?? ctx.id;
  const honor = optBool(ctx, 'honor_labels', false);
  const honorTs = optBool(ctx, 'honor_timestamps', true);
  const scheme = optString(ctx, 'scheme') ?? 'http';
  const path = optString(ctx, 'metrics_path') ?? '/metrics';
  const pv = ctx.attr('params');
  const params: Record<string, string[]> = {};
  if (pv && pv.t === 'object') for (const [k, v] of pv.v) params[k] = stringList(v, `params.${k}`);
  return {
    exports: {},
    targets: () => ({ component: ctx.id, targets }),
    emit() {
      if (targets.length === 0) ctx.warn('no targets to scrape');
      const now = ctx.host.now().getTime();
      for (const t of targets) {
        const p = populateLabels(t, job, scheme, path, params);
        if ('error' in p) {
          ctx.warn(`target ${t.__address__ || JSON.stringify(t)} is not scraped: ${p.error}`);
          continue;
        }
        const url = `${p.labels.__scheme__}://${p.addr}${p.labels.__metrics_path__}`;
        const compId = t.__meta_component_id;
        const keys = [compId, compId?.replace(/\.[^.]+$/, ''), p.addr, url].filter((k): k is string => !!k);
        const key = keys.find((k) => ctx.samples.scrape?.[k] !== undefined);
        if (key === undefined) {
          ctx.warn(`target ${url} (instance ${p.labels.instance}) was not scraped: no exposition text in the samples (add scrape."${compId ?? p.addr}")`);
          continue;
        }
        let expo;
        try {
          expo = parseExposition(ctx.samples.scrape![key]);
        } catch (e) {
          ctx.warn(`scrape of ${url} failed (up 0): ${(e as Error).message}`);
          continue;
        }
        const samples: PromSample[] = expo.samples.map((s) => ({ labels: s.labels, value: s.value, t: honorTs && s.t !== undefined ? s.t : now }));
        const n = samples.length;
        for (const [name, value] of [['up', 1], ['scrape_duration_seconds', 0], ['scrape_samples_scraped', n], ['scrape_samples_post_metric_relabeling', n], ['scrape_series_added', n]] as const) samples.push({ labels: { __name__: name }, value, t: now });
        const metadata = new Map<string, PromMetadata>();
        for (const [fam, type] of expo.types) metadata.set(fam, { type, help: expo.help.get(fam) ?? '' });
        const batch: PromBatch = { samples, metadata };
        samplesStart(ctx.flow.otel, ctx.id, batch);
        ctx.flow.otel.stepSamples(ctx.id, batch, () => {
          for (let i = 0; i < samples.length; i++) samples[i].labels = mutateSampleLabels(samples[i].labels, p.labels, honor && i < n);
        }, `scraped from ${url}${honor ? ' (honor_labels)' : ''}`);
        ctx.flow.otel.append(ctx.id, to, batch);
      }
    },
  };
}

