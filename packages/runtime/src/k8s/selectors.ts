// Kubernetes label and field selectors, applied to sample objects the way the API
// server filters list/watch results for discovery.kubernetes `selectors` blocks.

import type { Labels } from '../samples.js';

type Req = { key: string; op: 'exists' | 'notexists' | '=' | '!=' | 'in' | 'notin'; values: string[] };

/** Splits at commas that are not inside parentheses. */
function split(sel: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of sel) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

export function parseSelector(sel: string): Req[] | string {
  const reqs: Req[] = [];
  for (const part of split(sel)) {
    let m = /^!\s*([\w./-]+)$/.exec(part);
    if (m) {
      reqs.push({ key: m[1], op: 'notexists', values: [] });
      continue;
    }
    m = /^([\w./-]+)\s+(in|notin)\s+\((.*)\)$/.exec(part);
    if (m) {
      reqs.push({ key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((s) => s.trim()) });
      continue;
    }
    m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(part);
    if (m) {
      reqs.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] });
      continue;
    }
    m = /^([\w./-]+)$/.exec(part);
    if (m) {
      reqs.push({ key: m[1], op: 'exists', values: [] });
      continue;
    }
    return `unable to parse requirement: ${JSON.stringify(part)}`;
  }
  return reqs;
}

export function matches(reqs: Req[], labels: Labels): boolean {
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = labels[r.key];
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case '=':
        return has && v === r.values[0];
      case '!=':
        return !has || v !== r.values[0];
      case 'in':
        return has && r.values.includes(v);
      case 'notin':
        return !has || !r.values.includes(v);
    }
  });
}
