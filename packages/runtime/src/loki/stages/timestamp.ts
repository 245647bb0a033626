// stage.timestamp: parse a time from the extracted map, with fallback formats,
// a location, and "fudging" of failed or duplicate times per label set.

import type { Block } from '@alloy-lint/parser';
import type { BodySpec } from '@alloy-lint/schemas';
import { ConfigError, decodeBody } from '../decode.js';
import { addDate, Layout, loadLocation, nsFromDate, nsToCivil, parseInt64, parseTime as goParseTime, UTC, type Location } from '@alloy-lint/gostd';
import type { BuildEnv, Stage } from '../types.js';
import { getString, labelSetString } from '../util.js';

const NS = 1_000_000_000n;
type Parser = (s: string, now: Date) => bigint;

const intOf = (s: string) => parseInt64(s, 10, 64);

/** The named layouts the stage accepts besides the Unix variants. */
const NAMED = ['ANSIC', 'UnixDate', 'RubyDate', 'RFC822', 'RFC822Z', 'RFC850', 'RFC1123', 'RFC1123Z', 'RFC3339', 'RFC3339Nano'] as const;

/** A parser for one `format` value: a named layout, a Unix variant, or a Go layout. */
export function layoutParser(format: string, loc: Location | undefined): Parser {
  if ((NAMED as readonly string[]).includes(format)) {
    const layout = Layout[format as (typeof NAMED)[number]];
    return (s) => goParseTime(layout, s).ns;
  }
  switch (format) {
    case 'Unix':
      return (s) => {
        if (s.split('.').length === 2) {
          const [a, b] = s.split('.');
          const sec = intOf(a);
          const frac = intOf(b);
          const nsec = BigInt(Math.trunc(Number(frac) * Math.pow(10, 9 - b.length)));
          return sec * NS + nsec;
        }
        return intOf(s) * NS;
      };
    case 'UnixMs':
      return (s) => BigInt.asIntN(64, intOf(s) * 1_000_000n);
    case 'UnixUs':
      return (s) => BigInt.asIntN(64, intOf(s) * 1_000n);
    case 'UnixNs':
      return (s) => intOf(s);
  }
  if (!format.includes('06') && !format.includes('2006')) {
    return (s, now) => {
      const r = goParseTime(format, s, loc ?? UTC);
      if (r.year !== 0) throw new Error(`timestamp '${s}' is expected to not contain the year date component`);
      const nowMonth = now.getUTCMonth() + 1;
      const month = nsToCivil(r.ns).m;
      const year = now.getUTCFullYear();
      if (month === 12 && nowMonth === 1) return addDate(r.ns, year - 1, 0, 0);
      if (month === 1 && nowMonth === 12) return addDate(r.ns, year + 1, 0, 0);
      return addDate(r.ns, year, 0, 0);
    };
  }
  return (s) => goParseTime(format, s, loc ?? UTC).ns;
}

export function buildTimestamp(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const source = v.source as string;
  const format = v.format as string;
  if (source === '') throw new ConfigError('timestamp source value is required if timestamp is specified');
  if (format === '') throw new ConfigError('timestamp format is required');
  let loc: Location | undefined;
  if (v.location !== undefined) {
    const l = loadLocation(v.location as string);
    if ('error' in l) throw new ConfigError(`invalid location specified: %v: ${l.error}`);
    loc = l;
  }
  const onFailure = (v.action_on_failure as string | undefined) || 'fudge';
  if (onFailure !== 'skip' && onFailure !== 'fudge') throw new ConfigError('invalid action on failure (supported values are [skip fudge])');
  const onDuplicate = (v.action_on_duplicate_timestamp as string | undefined) || 'fudge';
  if (onDuplicate !== 'keep' && onDuplicate !== 'fudge') throw new ConfigError('invalid action on duplicate timestamp (supported values are [keep fudge])');
  const parsers = [format, ...((v.fallback_formats as string[] | undefined) ?? [])].map((f) => layoutParser(f, loc));
  const parse = (s: string, now: Date): bigint => {
    let firstErr: unknown;
    for (const p of parsers) {
      try {
        return p(s, now);
      } catch (e) {
        firstErr ??= e;
      }
    }
    throw firstErr;
  };
  const fudging = onFailure === 'fudge' || onDuplicate === 'fudge';
  const last = new Map<string, { parsed: bigint; adjusted: bigint }>();
  const remember = (key: string, val: { parsed: bigint; adjusted: bigint }) => {
    last.delete(key);
    last.set(key, val);
    if (last.size > 10000) last.delete(last.keys().next().value!);
  };
  return {
    name: 'timestamp',
    process(e, ctx) {
      let parsed: bigint | undefined;
      if (e.extracted.has(source)) {
        const s = getString(e.extracted.get(source));
        if (s !== undefined) {
          try {
            parsed = parse(s, ctx.now());
          } catch {
            parsed = undefined;
          }
        }
      }
      const key = labelSetString(e.labels);
      if (parsed === undefined) {
        if (onFailure === 'fudge') {
          const prev = last.get(key);
          if (prev) {
            e.ts = prev.adjusted + 1n;
            remember(key, { parsed: prev.parsed, adjusted: e.ts });
          }
        }
        return e;
      }
      e.ts = parsed;
      if (onDuplicate === 'fudge') {
        const prev = last.get(key);
        if (prev && prev.parsed === parsed) e.ts = prev.adjusted + 1n;
      }
      if (fudging) remember(key, { parsed, adjusted: e.ts });
      return e;
    },
  };
}

export { nsFromDate };
