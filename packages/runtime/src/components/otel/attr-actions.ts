// Attribute actions of otelcol.processor.attributes (the contrib `attraction` package):
// insert, update, upsert, delete, hash, extract, convert, with the same validation
// messages and the same effects on an attribute map.

import { sha256 } from '@noble/hashes/sha2.js';
import type { Block } from '@alloy-lint/parser';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { asString, cloneValue, type AnyValue, type Attrs } from '../../otel/pdata.js';
import type { ClientInfo } from '../../otel/telemetry.js';
import { SimError } from '../../value-js.js';
import type { SimContext } from '../api.js';
import { anyFromValue, optString } from './common.js';

export interface AttrAction {
  key: string;
  action: 'insert' | 'update' | 'upsert' | 'delete' | 'hash' | 'extract' | 'convert';
  value?: AnyValue;
  fromAttribute: string;
  fromContext: string;
  convertedType: string;
  regex?: GoRegexp;
}

function compile(pattern: string, i: number): GoRegexp {
  const re = GoRegexp.compile(pattern);
  if (!(re instanceof GoRegexp)) throw new SimError(`error creating AttrProc. Field "pattern" has invalid pattern: "${pattern}" to be set at the ${i}-th actions`);
  return re;
}

/** Decodes and checks `action` blocks as NewAttrProc does (its messages, its 0-based indexes). */
export function compileActions(ctx: SimContext, blocks: Block[]): AttrAction[] {
  return blocks.map((b, i) => {
    const action = (optString(ctx, 'action', b.body) ?? '').toLowerCase() as AttrAction['action'];
    const key = optString(ctx, 'key', b.body) ?? '';
    const pattern = optString(ctx, 'pattern', b.body) ?? '';
    const rawValue = ctx.attr('value', b.body);
    const value = rawValue === undefined || rawValue.t === 'null' ? undefined : anyFromValue(rawValue);
    const a: AttrAction = { key, action, fromAttribute: optString(ctx, 'from_attribute', b.body) ?? '', fromContext: optString(ctx, 'from_context', b.body) ?? '', convertedType: optString(ctx, 'converted_type', b.body) ?? '' };
    const sources = (value !== undefined ? 1 : 0) + (a.fromAttribute ? 1 : 0) + (a.fromContext ? 1 : 0);
    if ((action === 'delete' || action === 'hash') && !key && !pattern)
      throw new SimError(`error creating AttrProc due to missing required field (at least one of "key" and "pattern" have to be used) at the ${i}-th actions`);
    if (action !== 'delete' && action !== 'hash' && !key) throw new SimError(`error creating AttrProc due to missing required field "key" at the ${i}-th actions`);
    const noConvert = () => {
      if (a.convertedType) throw new SimError(`error creating AttrProc. Action "${action}" does not use the "converted_type" field. This must not be specified for ${i}-th action`);
    };
    switch (action) {
      case 'insert':
      case 'update':
      case 'upsert':
        if (sources === 0) throw new SimError(`error creating AttrProc. Either field "value", "from_attribute" or "from_context" setting must be specified for ${i}-th action`);
        if (sources > 1) throw new SimError(`error creating AttrProc due to multiple value sources being set at the ${i}-th actions`);
        if (pattern) throw new SimError(`error creating AttrProc. Action "${action}" does not use the "pattern" field. This must not be specified for ${i}-th action`);
        noConvert();
        if (value !== undefined) a.value = value;
        break;
      case 'hash':
      case 'delete':
        if (value !== undefined || a.fromAttribute) throw new SimError(`error creating AttrProc. Action "${action}" does not use "value" or "from_attribute" field. These must not be specified for ${i}-th action`);
        if (pattern) a.regex = compile(pattern, i);
        noConvert();
        break;
      case 'extract': {
        if (sources > 0) throw new SimError(`error creating AttrProc. Action "${action}" does not use a value source field. These must not be specified for ${i}-th action`);
        if (!pattern) throw new SimError(`error creating AttrProc due to missing required field "pattern" for action "${action}" at the ${i}-th action`);
        noConvert();
        a.regex = compile(pattern, i);
        if (a.regex.numSubexp === 0) throw new SimError(`error creating AttrProc. Field "pattern" contains no named matcher groups at the ${i}-th actions`);
        if (a.regex.subexpNames.slice(1).some((n) => n === '')) throw new SimError(`error creating AttrProc. Field "pattern" contains at least one unnamed matcher group at the ${i}-th actions`);
        break;
      }
      case 'convert':
        if (sources > 0 || pattern) throw new SimError(`error creating AttrProc. Action "${action}" does not use value sources or "pattern" field. These must not be specified for ${i}-th action`);
        if (!a.convertedType) throw new SimError(`error creating AttrProc due to missing required field "converted_type" for action "${action}" at the ${i}-th action`);
        if (!['string', 'int', 'double'].includes(a.convertedType))
          throw new SimError(`error creating AttrProc due to invalid value "${a.convertedType}" in field "converted_type" for action "${action}" at the ${i}-th action`);
        break;
      default:
        throw new SimError(`error creating AttrProc due to unsupported action "${action}" at the ${i}-th actions`);
    }
    return a;
  });
}

function fromContext(key: string, info: ClientInfo): AnyValue | undefined {
  let vals: string[] | undefined;
  if (key === 'client.address') vals = [(info.addr ?? '').replace(/:\d+$/, '')];
  else if (key.startsWith('metadata.')) vals = info.metadata?.[key.slice(9).toLowerCase()];
  else if (key.startsWith('auth.')) return undefined;
  else vals = info.metadata?.[key.toLowerCase()];
  return vals && vals.length ? vals.join(';') : undefined;
}

function hashValue(v: AnyValue): AnyValue {
  let bytes: Uint8Array | undefined;
  if (typeof v === 'string') bytes = new TextEncoder().encode(v);
  else if (typeof v === 'boolean') bytes = Uint8Array.of(v ? 1 : 0);
  else if (typeof v === 'bigint' || typeof v === 'number') {
    const dv = new DataView(new ArrayBuffer(8));
    if (typeof v === 'bigint') dv.setBigUint64(0, BigInt.asUintN(64, v), true);
    else dv.setFloat64(0, v, true);
    bytes = new Uint8Array(dv.buffer);
  }
  if (!bytes || bytes.length === 0) return '';
  return Array.from(sha256(bytes), (x) => x.toString(16).padStart(2, '0')).join('');
}

function convert(v: AnyValue, to: string): AnyValue {
  if (to === 'string') return typeof v === 'string' ? v : asString(v);
  if (to === 'int') {
    if (typeof v === 'bigint') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : v;
    if (typeof v === 'boolean') return v ? 1n : 0n;
    if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) {
      const n = BigInt(v);
      return n >= -(2n ** 63n) && n < 2n ** 63n ? n : v;
    }
    return v;
  }
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim() === v ? v : '';
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || /^[+-]?(inf|infinity|nan)$/i.test(s)) return s.toLowerCase().includes('nan') ? NaN : Number(s.replace(/inf(inity)?/i, 'Infinity'));
  }
  return v;
}

/** Applies the actions to one attribute map, in order. */
export function applyActions(actions: AttrAction[], attrs: Attrs, info: ClientInfo): void {
  for (const a of actions) {
    switch (a.action) {
      case 'delete':
        attrs.delete(a.key);
        if (a.regex) for (const k of [...attrs.keys()]) if (a.regex.test(k)) attrs.delete(k);
        break;
      case 'insert':
      case 'update':
      case 'upsert': {
        const v = a.value !== undefined ? a.value : a.fromContext ? fromContext(a.fromContext, info) : attrs.get(a.fromAttribute);
        if (v === undefined) break;
        const has = attrs.has(a.key);
        if ((a.action === 'insert' && has) || (a.action === 'update' && !has)) break;
        attrs.set(a.key, cloneValue(v));
        break;
      }
      case 'hash':
        if (attrs.has(a.key)) attrs.set(a.key, hashValue(attrs.get(a.key)!));
        if (a.regex) for (const k of [...attrs.keys()]) if (a.regex.test(k)) attrs.set(k, hashValue(attrs.get(k)!));
        break;
      case 'extract': {
        const v = attrs.get(a.key);
        if (typeof v !== 'string') break;
        const m = a.regex!.findSubmatch(v);
        if (!m) break;
        for (let i = 1; i < m.length; i++) attrs.set(a.regex!.subexpNames[i], m[i] ?? '');
        break;
      }
      case 'convert':
        if (attrs.has(a.key)) attrs.set(a.key, convert(attrs.get(a.key)!, a.convertedType));
        break;
    }
  }
}

