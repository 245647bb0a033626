// stage.metrics: counters, gauges and histograms fed from the extracted map,
// labelled with the entry's labels (names starting with "__" left out).

import type { Block } from '@alloy-lint/parser';
import type { BodySpec } from '@alloy-lint/schemas';
import { ConfigError, decodeBody, innerSpec } from '../decode.js';
import type { Family } from '../metrics.js';
import type { BuildEnv, Entry, Stage } from '../types.js';
import { byteLength } from '@alloy-lint/gostd';
import { getFloat, getString, validLabelName } from '../util.js';

interface Metric {
  kind: 'counter' | 'gauge' | 'histogram';
  source: string;
  value: string;
  action: string;
  matchAll: boolean;
  countBytes: boolean;
  family: Family;
}

function seriesLabels(e: Entry): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of e.labels) if (validLabelName(k) && !k.startsWith('__')) out.push([k, v]);
  return out;
}

export function buildMetrics(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { blocks } = decodeBody(block, spec, env);
  const metrics: Metric[] = [];
  for (const b of blocks) {
    const kind = b.name[1] as Metric['kind'];
    const { v } = decodeBody(b, innerSpec(spec, b.name.join('.'))!, env);
    const maxIdle = (v.max_idle_duration as bigint | undefined) ?? 0n;
    if (maxIdle < 1_000_000_000n) throw new ConfigError('max_idle_duration must be greater or equal than 1s', true);
    const name = v.name as string;
    const action = (v.action as string | undefined) ?? '';
    const value = (v.value as string | undefined) ?? '';
    const matchAll = v.match_all === true;
    const countBytes = v.count_entry_bytes === true;
    if (kind === 'counter') {
      if (action !== 'inc' && action !== 'add') throw new ConfigError("the 'action' counter field must be either 'inc' or 'add'", true);
      if (matchAll && value) throw new ConfigError("a 'counter' metric supports either 'match_all' or a 'value', but not both", true);
      if (countBytes && (!matchAll || action !== 'add')) {
        throw new ConfigError("the 'count_entry_bytes' counter field must be specified along with match_all set to true or action set to 'add'", true);
      }
    }
    if (kind === 'gauge' && !['set', 'inc', 'dec', 'add', 'sub'].includes(action)) {
      throw new ConfigError("the 'action' gauge field must be one of the following values: [set, inc, dec, add, sub]", true);
    }
    const full = ((v.prefix as string | undefined) || 'loki_process_custom_') + name;
    if (env.registry.has(full)) throw new ConfigError(`duplicate metrics collector registration attempted: ${full}`);
    const family = env.registry.family(full, (v.description as string | undefined) ?? '', kind, (v.buckets as number[] | undefined) ?? []);
    metrics.push({ kind, source: (v.source as string | undefined) || name, value, action, matchAll, countBytes, family });
  }
  return {
    name: 'metrics',
    process(e) {
      for (const m of metrics) {
        if (m.kind === 'counter' && m.matchAll) {
          if (m.countBytes) record(m, e, byteLength(e.line));
          else record(m, e, null);
          continue;
        }
        if (!e.extracted.has(m.source)) continue;
        record(m, e, e.extracted.get(m.source));
      }
      return e;
    },
  };
}

function record(m: Metric, e: Entry, v: unknown): void {
  if (m.value !== '') {
    const s = getString(v);
    if (s === undefined || s !== m.value) return;
  }
  const labels = seriesLabels(e);
  if (m.kind === 'histogram') {
    const f = getFloat(v);
    if (f !== undefined) m.family.observe(labels, f);
    return;
  }
  switch (m.action) {
    case 'inc':
      m.family.add(labels, 1);
      return;
    case 'dec':
      m.family.add(labels, -1);
      return;
    case 'set':
    case 'add':
    case 'sub': {
      const f = getFloat(v);
      if (f === undefined) return;
      if (m.kind === 'counter' && f < 0) return; // a Prometheus counter refuses to go down
      if (m.action === 'set') m.family.set(labels, f);
      else m.family.add(labels, m.action === 'sub' ? -f : f);
    }
  }
}
