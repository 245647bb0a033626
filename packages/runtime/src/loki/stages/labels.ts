// Stages that move values between the extracted map, labels and structured
// metadata: labels, static_labels, label_drop, label_keep, structured_metadata,
// structured_metadata_drop, tenant.

import type { Block } from '@alloy-lint/parser';
import type { BodySpec } from '@alloy-lint/schemas';
import { ConfigError, decodeBody } from '../decode.js';
import type { BuildEnv, Entry, Stage } from '../types.js';
import { getString, validLabelName, validLabelValue } from '../util.js';
import { regexOrThrow } from './extract.js';

/** name → source pairs of a `values` map; a missing or empty source means the name itself. */
function labelSources(values: Record<string, string | null>): [string, string][] {
  return Object.keys(values).map((name) => {
    if (!validLabelName(name)) throw new ConfigError(`invalid label name: ${name}`);
    return [name, values[name] || name];
  });
}

export function buildLabels(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const sourceType = (v.source_type as string | undefined) || 'extracted';
  if (v.values === undefined) throw new ConfigError('label stage config cannot be empty');
  if (sourceType !== 'extracted' && sourceType !== 'structured_metadata') {
    throw new ConfigError(`invalid labels source_type: ${sourceType}. Can only be 'extracted' or 'structured_metadata'`);
  }
  const pairs = labelSources(v.values as Record<string, string | null>);
  if (sourceType === 'structured_metadata') {
    return {
      name: 'labels',
      process(e) {
        for (const [name, src] of pairs) {
          const kv = e.sm.find((p) => p.name === src);
          if (kv && validLabelValue(kv.value)) e.labels.set(name, kv.value);
        }
        return e;
      },
    };
  }
  return {
    name: 'labels',
    process(e) {
      for (let i = 0; i < pairs.length; i++) {
        const src = pairs[i][1];
        if (!e.extracted.has(src)) continue;
        const s = getString(e.extracted.get(src));
        if (s === undefined || !validLabelValue(s)) continue;
        e.labels.set(pairs[i][0], s);
      }
      return e;
    },
  };
}

export function buildStaticLabels(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const values = v.values as Record<string, string | null> | undefined;
  if (!values) throw new ConfigError('static_labels stage config cannot be empty');
  const pairs: [string, string][] = [];
  for (const name of Object.keys(values)) if (!validLabelName(name)) throw new ConfigError(`invalid label name: ${name}`);
  for (const name of Object.keys(values)) {
    const val = values[name];
    if (!val) continue;
    if (!validLabelValue(val)) throw new ConfigError(`invalid label value: ${val}`);
    pairs.push([name, val]);
  }
  return {
    name: 'static_labels',
    process(e) {
      for (const [n, val] of pairs) e.labels.set(n, val);
      return e;
    },
  };
}

export function buildLabelDrop(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const values = (v.values as string[] | undefined) ?? [];
  if (values.length < 1) throw new ConfigError('labeldrop stage config cannot be empty');
  return {
    name: 'label_drop',
    process(e) {
      for (const n of values) e.labels.delete(n);
      return e;
    },
  };
}

export function buildLabelKeep(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const values = (v.values as string[] | undefined) ?? [];
  if (values.length < 1) throw new ConfigError('labelallow stage config cannot be empty');
  const keep = new Set(values);
  return {
    name: 'label_keep',
    process(e) {
      for (const n of [...e.labels.keys()]) if (!keep.has(n)) e.labels.delete(n);
      return e;
    },
  };
}

function setMetadata(e: Entry, name: string, value: string): void {
  const i = e.sm.findIndex((p) => p.name === name);
  if (i >= 0) e.sm[i] = { name, value };
  else e.sm.push({ name, value });
}

export function buildStructuredMetadata(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const values = v.values as Record<string, string | null> | undefined;
  const pairs = values && Object.keys(values).length > 0 ? labelSources(values) : [];
  const regexText = (v.regex as string | undefined) ?? '';
  const regex = regexOrThrow(regexText);
  const useRegex = regexText !== '';
  return {
    name: 'structured_metadata',
    process(e) {
      for (const [name, src] of pairs) {
        if (!e.extracted.has(src)) continue;
        const s = getString(e.extracted.get(src));
        if (s !== undefined && validLabelValue(s)) setMetadata(e, name, s);
      }
      if (useRegex) {
        for (const [name, val] of e.extracted) {
          if (!regex.test(name)) continue;
          const s = getString(val);
          if (s !== undefined && validLabelValue(s)) setMetadata(e, name, s);
        }
      }
      const found: string[] = [];
      for (const [name, src] of pairs) {
        const val = e.labels.get(src);
        if (val !== undefined) {
          setMetadata(e, name, val);
          found.push(src);
        }
      }
      for (const n of found) e.labels.delete(n);
      if (useRegex) {
        for (const [name, val] of [...e.labels]) {
          if (regex.test(name)) {
            setMetadata(e, name, val);
            e.labels.delete(name);
          }
        }
      }
      return e;
    },
  };
}

export function buildStructuredMetadataDrop(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const values = (v.values as string[] | undefined) ?? [];
  if (values.length < 1) throw new ConfigError('structured_metadata_drop stage config cannot be empty');
  const drop = new Set(values);
  return {
    name: 'structured_metadata_drop',
    process(e) {
      if (e.sm.length) e.sm = e.sm.filter((p) => !drop.has(p.name));
      return e;
    },
  };
}

export const TENANT_LABEL = '__tenant_id__';

export function buildTenant(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const label = (v.label as string | undefined) ?? '';
  const source = (v.source as string | undefined) ?? '';
  const value = (v.value as string | undefined) ?? '';
  if (!source && !value && !label) throw new ConfigError('label, source or value config are required');
  if ((source && value) || (label && value) || (source && label)) {
    throw new ConfigError('label, source and value are mutually exclusive: you should set source, value or label but not all');
  }
  return {
    name: 'tenant',
    process(e) {
      let id: string | undefined;
      if (source) id = e.extracted.has(source) ? getString(e.extracted.get(source)) : undefined;
      else if (label) id = e.labels.get(label);
      else id = value;
      if (id) e.labels.set(TENANT_LABEL, id);
      return e;
    },
  };
}
