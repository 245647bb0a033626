// Container log formats and line joining: cri, docker, multiline.

import type { Block } from '@alloy-lint/parser';
import type { BodySpec } from '@alloy-lint/schemas';
import { ConfigError, decodeBody } from '../decode.js';
import { byteLength, byteSlice, isSpace, nsFromDate, parseRFC3339 } from '@alloy-lint/gostd';
import type { BuildEnv, Entry, RunCtx, Stage } from '../types.js';
import { labelsKey } from '../util.js';
import { regexOrThrow } from './extract.js';

interface CriLine {
  time: string;
  stream: 'stdout' | 'stderr';
  partial: boolean;
  content: string;
}

/** Index of the first unicode.IsSpace rune of `s`, or -1. */
function indexSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return i;
  return -1;
}

/** Splits `<time> <stream> <flag> <content>`; undefined when the line is not in CRI form. */
export function parseCri(line: string): CriLine | undefined {
  const sp = indexSpace(line);
  const time = sp < 0 ? '' : line.slice(0, sp);
  let rest = sp < 0 ? line : line.slice(sp);
  if (rest[0] !== ' ') return undefined;
  rest = rest.slice(1);
  let stream: 'stdout' | 'stderr';
  if (rest.startsWith('stdout')) stream = 'stdout';
  else if (rest.startsWith('stderr')) stream = 'stderr';
  else return undefined;
  rest = rest.slice(6);
  if (rest[0] !== ' ') return undefined;
  rest = rest.slice(1);
  let partial = false;
  if (rest[0] === 'P') {
    partial = true;
    rest = rest.slice(1);
  } else if (rest[0] === 'F') rest = rest.slice(1);
  if (rest[0] === ' ') rest = rest.slice(1);
  return { time, stream, partial, content: rest };
}

export function buildCri(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const maxLines = (v.max_partial_lines as number | undefined) ?? 0;
  if (maxLines <= 0) throw new ConfigError('max_partial_lines must be greater than 0', true);
  const maxSize = (v.max_partial_line_size as number | undefined) ?? 0;
  const truncate = v.max_partial_line_size_truncate === true;
  const flushed = env.registry.family('loki_process_cri_partial_lines_flushed_total', 'A count of partial lines that were flushed prematurely due to the max_partial_lines limit being exceeded', 'counter', [], true);
  const truncated = env.registry.family('loki_process_cri_lines_truncated_total', 'A count of lines that were truncated due to the max_partial_line_size limit', 'counter', [], true);
  let partials = new Map<string, Entry>();
  const ensureTruncated = (e: Entry) => {
    if (truncate && byteLength(e.line) > maxSize) {
      e.line = byteSlice(e.line, maxSize);
      truncated.add([], 1);
    }
  };
  return {
    name: 'cri',
    process(e, ctx) {
      const p = parseCri(e.line);
      if (!p) return e;
      e.extracted.set('flags', p.partial ? 'P' : 'F');
      e.extracted.set('stream', p.stream);
      e.extracted.set('content', p.content);
      e.extracted.set('time', p.time);
      e.line = p.content;
      const ts = parseRFC3339(p.time);
      if (ts !== undefined) e.ts = ts;
      e.labels.set('stream', p.stream);
      const key = labelsKey(e.labels);
      if (p.partial) {
        if (partials.size >= maxLines) {
          flushed.add([], partials.size);
          const out = [...partials.values()];
          partials = new Map();
          ensureTruncated(e);
          partials.set(key, e);
          return out;
        }
        const prev = partials.get(key);
        if (prev) e.line = prev.line + e.line;
        ensureTruncated(e);
        partials.set(key, e);
        ctx.dropped = 'cri stage: partial line held until its final part arrives';
        return null;
      }
      const prev = partials.get(key);
      if (prev) {
        e.line = prev.line + e.line;
        ensureTruncated(e);
        partials.delete(key);
      }
      return e;
    },
  };
}

/** Go's json.Unmarshal into the docker log struct: keys match case-insensitively; non-strings fail. */
function parseDocker(line: string): { log: string; stream: string; time: string } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (data === null) return { log: '', stream: '', time: '' };
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const out = { log: '', stream: '', time: '' };
  for (const [k, val] of Object.entries(data as Record<string, unknown>)) {
    const f = k.toLowerCase();
    if (f !== 'log' && f !== 'stream' && f !== 'time') continue;
    if (val === null) continue;
    if (typeof val !== 'string') return undefined;
    out[f] = val;
  }
  return out;
}

export function buildDocker(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  decodeBody(block, spec, env);
  return {
    name: 'docker',
    process(e) {
      const p = parseDocker(e.line);
      if (!p || p.log === '') return e;
      e.extracted.set('output', p.log);
      e.extracted.set('stream', p.stream);
      e.extracted.set('timestamp', p.time);
      e.line = p.log;
      e.labels.set('stream', p.stream);
      const ts = parseRFC3339(p.time);
      if (ts !== undefined) e.ts = ts;
      return e;
    },
  };
}

interface BlockState {
  lines: string[];
  start: Entry | undefined;
  lastSeen: bigint;
}

export function buildMultiline(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const maxLines = (v.max_lines as number | undefined) ?? 0;
  const maxWait = (v.max_wait_time as bigint | undefined) ?? 0n;
  const trim = v.trim_newlines === true;
  if (maxWait <= 0n) throw new ConfigError('max_wait_time must be greater than 0', true);
  const expr = v.firstline as string;
  if (expr === '') throw new ConfigError('multiline stage config must define `firstline` regular expression');
  const re = regexOrThrow(expr, 'multiline stage first line regex compilation error');
  const streams = new Map<string, BlockState>();
  const flushState = (s: BlockState): Entry => {
    const st = s.start!;
    const out: Entry = { line: s.lines.join('\n'), ts: st.ts, labels: new Map(st.labels), sm: st.sm.map((p) => ({ ...p })), extracted: new Map(st.extracted) };
    s.lines = [];
    return out;
  };
  return {
    name: 'multiline',
    process(e, ctx: RunCtx) {
      const key = labelsKey(e.labels);
      let state = streams.get(key);
      const out: Entry[] = [];
      const now = nsFromDate(ctx.now());
      if (state && state.lines.length > 0 && now - state.lastSeen >= maxWait) out.push(flushState(state));
      const first = re.test(e.line);
      if (!state) {
        if (!first) {
          out.push(e);
          return out;
        }
        state = { lines: [], start: undefined, lastSeen: now };
        streams.set(key, state);
      }
      if (first && state.lines.length > 0) out.push(flushState(state));
      if (first) state.start = e;
      state.lines.push(trim ? e.line.replace(/[\r\n]+$/, '') : e.line);
      state.lastSeen = now;
      if (state.lines.length === maxLines) out.push(flushState(state));
      if (out.length === 0) ctx.dropped = 'multiline stage: line added to the open block';
      return out;
    },
    flush() {
      const out: Entry[] = [];
      for (const s of streams.values()) if (s.lines.length > 0) out.push(flushState(s));
      streams.clear();
      return out;
    },
  };
}
