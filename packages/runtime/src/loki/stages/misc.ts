// pack, truncate, eventlogmessage and windowsevent.

import type { Block } from '@alloy-lint/parser';
import type { BodySpec } from '@alloy-lint/schemas';
import { ConfigError, decodeBody, innerSpec } from '../decode.js';
import { byteLength, byteSlice, nsFromDate, trimSpace } from '@alloy-lint/gostd';
import type { BuildEnv, Stage } from '../types.js';
import { getString, goJsonMarshal, validLabelName, validLabelValue, validLegacyLabelName } from '../util.js';

export function buildPack(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const wanted = (v.labels as string[] | undefined) ?? [];
  const ingest = v.ingest_timestamp === true;
  return {
    name: 'pack',
    process(e, ctx) {
      const packed = new Map<string, string>();
      const found: string[] = [];
      for (const [k, val] of e.extracted) {
        for (const w of wanted) {
          if (k !== w) continue;
          const s = getString(val);
          if (s === undefined) continue;
          packed.set(w, s);
          found.push(k);
        }
      }
      const keys = [...packed.keys()].sort();
      let json = '{';
      for (const k of keys) json += `${goJsonMarshal(k)}:${goJsonMarshal(packed.get(k))},`;
      json += `"_entry":${goJsonMarshal(e.line)}}`;
      for (const k of found) e.labels.delete(k);
      e.line = json;
      if (ingest) e.ts = nsFromDate(ctx.now());
      return e;
    },
  };
}

interface TruncateRule {
  limit: number;
  suffix: string;
  sources: string[];
  sourceType: string;
}

export function buildTruncate(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { blocks } = decodeBody(block, spec, env);
  const ruleSpec = innerSpec(spec, 'rule')!;
  const rules: TruncateRule[] = blocks.map((b) => {
    const { v } = decodeBody(b, ruleSpec, env);
    const sourceType = (v.source_type as string | undefined) ?? 'line';
    if (!['line', 'label', 'structured_metadata', 'extracted'].includes(sourceType)) throw new ConfigError(`unknown source_type: ${sourceType}`, true);
    const r: TruncateRule = { limit: v.limit as number, suffix: (v.suffix as string | undefined) ?? '', sources: (v.sources as string[] | undefined) ?? [], sourceType };
    if (r.limit <= 0) throw new ConfigError('limit must be greater than zero', true);
    if (r.sourceType === 'line' && r.sources.length > 0) throw new ConfigError("sources cannot be set when source_type is 'line'", true);
    if (r.suffix.length > 0 && r.limit <= byteLength(r.suffix)) throw new ConfigError('suffix length cannot be greater than or equal to limit', true);
    return r;
  });
  const counter = env.registry.family(
    'loki_process_truncated_fields_total',
    'A count of all log lines, labels, extracted values, or structured_metadata truncated as a result of a pipeline stage',
    'counter',
  );
  return {
    name: 'truncate',
    process(e) {
      const done = new Set<string>();
      const cut = (s: string, r: TruncateRule, field: string): string | undefined => {
        const limit = r.limit - byteLength(r.suffix);
        if (byteLength(s) <= limit) return undefined;
        counter.add([['field', field]], 1);
        done.add(field);
        return byteSlice(s, limit) + r.suffix;
      };
      for (const r of rules) {
        if (r.sourceType === 'line') {
          const t = cut(e.line, r, 'line');
          if (t !== undefined) e.line = t;
        } else if (r.sourceType === 'label') {
          const names = r.sources.length ? r.sources.filter((n) => e.labels.has(n)) : [...e.labels.keys()];
          for (const n of names) {
            const t = cut(e.labels.get(n)!, r, 'label');
            if (t !== undefined) e.labels.set(n, t);
          }
        } else if (r.sourceType === 'structured_metadata') {
          e.sm = e.sm.map((p) => {
            if (r.sources.length && !r.sources.includes(p.name)) return p;
            const t = cut(p.value, r, 'structured_metadata');
            return t === undefined ? p : { name: p.name, value: t };
          });
        } else {
          const names = r.sources.length ? r.sources.filter((n) => e.extracted.has(n)) : [...e.extracted.keys()];
          for (const n of names) {
            const val = e.extracted.get(n);
            if (typeof val !== 'string') continue;
            const t = cut(val, r, 'extracted');
            if (t !== undefined) e.extracted.set(n, t);
          }
        }
        if (done.size > 0) {
          const prev = e.extracted.get('truncated');
          if (typeof prev === 'string') for (const s of prev.split(',')) done.add(s);
          e.extracted.set('truncated', [...done].sort().join(','));
        }
      }
      return e;
    },
  };
}

function sanitizeLegacy(s: string): string {
  if (s === '') return '_';
  let out = '';
  let i = 0;
  for (const ch of s) {
    out += /[a-zA-Z_]/.test(ch) || (/[0-9]/.test(ch) && i > 0) ? ch : '_';
    i++;
  }
  return out;
}

export function buildEventLogMessage(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const source = (v.source as string | undefined) ?? '';
  if (!validLegacyLabelName(source)) throw new ConfigError(`invalid label name: ${source}`, true);
  const dropInvalid = v.drop_invalid_labels === true;
  const overwrite = v.overwrite_existing === true;
  return {
    name: 'eventlogmessage',
    process(e, ctx) {
      if (!e.extracted.has(source)) return e;
      const s = getString(e.extracted.get(source));
      if (s === undefined) {
        ctx.dropped = `eventlogmessage stage: ${source} is not a string`;
        return null;
      }
      for (const line of s.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        let key = line.slice(0, colon);
        if (!validLegacyLabelName(key)) {
          if (dropInvalid) continue;
          key = sanitizeLegacy(key);
        }
        if (e.extracted.has(key) && !overwrite) key += '_extracted';
        const val = trimSpace(line.slice(colon + 1));
        if (!validLabelValue(val)) continue;
        e.extracted.set(key, val);
      }
      return e;
    },
  };
}

/** Prometheus strutil.SanitizeFullLabelName: invalid characters become '_'. */
function sanitizeFull(s: string): string {
  return sanitizeLegacy(s);
}

export function buildWindowsEvent(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const source = (v.source as string | undefined) ?? '';
  if (!validLabelName(source)) throw new ConfigError(`invalid label name: ${source}`, true);
  const dropInvalid = v.drop_invalid_labels === true;
  const overwrite = v.overwrite_existing === true;
  return {
    name: 'windowsevent',
    process(e, ctx) {
      if (!e.extracted.has(source)) return e;
      const s = getString(e.extracted.get(source));
      if (s === undefined) {
        ctx.dropped = `windowsevent stage: ${source} is not a string`;
        return null;
      }
      const ex = e.extracted;
      const key = (k: string): string | undefined => {
        let out = k.replace(/[\t\r\n ]/g, '');
        if (!validLabelName(out)) {
          if (dropInvalid) return undefined;
          out = sanitizeFull(out);
        }
        if (ex.has(out) && !overwrite) out += '_extracted';
        return out;
      };
      const value = (val: string) => trimSpace(val.replace(/[\t\r\n]/g, ''));
      const sections = s.split('\r\n\r\n');
      sections.forEach((section, i) => {
        if (i === 0) {
          const k = key('Description');
          if (k !== undefined) ex.set(k, value(section));
          return;
        }
        const lines = section.split('\r\n');
        let prefix = '';
        for (let j = 0; j < lines.length; ) {
          const colon = lines[j].indexOf(':');
          if (colon < 0) {
            j++;
            continue;
          }
          let ek = lines[j].slice(0, colon);
          let ev = lines[j].slice(colon + 1);
          j++;
          if (ev === '') {
            if (j === 1) prefix = ek;
            continue;
          }
          while (j < lines.length && lines[j] !== '' && !lines[j].includes(':')) ev += ',' + lines[j++];
          if (prefix) ek = prefix + '_' + ek;
          const k = key(ek);
          if (k !== undefined) ex.set(k, value(ev));
        }
      });
      return e;
    },
  };
}
