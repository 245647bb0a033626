// otelcol.processor.span: renames spans from their attributes (`name.from_attributes`,
// joined by `separator`, only when every key is present), extracts attributes from the
// name (`name.to_attributes.rules`, Go regexps: each named group becomes an attribute and
// `{name}` replaces it in the name, rule after rule unless `break_after_match`), and sets
// the status; spans `include` does not match or `exclude` does are left alone.

import { formatFloat } from '@alloy-lint/gostd';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import type { AnyValue, Item, Span } from '../../otel/pdata.js';
import { SimError, stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optBool, optString, processor } from './common.js';
import { readMatch, spanMatches } from './match-properties.js';

const STATUS = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 } as Record<string, number>;
const STATUS_ARG: Record<string, string> = { Unset: 'STATUS_CODE_UNSET', Ok: 'STATUS_CODE_OK', Error: 'STATUS_CODE_ERROR' };

/** How upstream writes an attribute value into a span name. */
function nameText(v: AnyValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatFloat(v, 'f', -1);
  return '<unknown-attribute-type>';
}

export function spanProcessor(ctx: SimContext): Simulator {
  const nameBlock = ctx.blocks('name')[0];
  const fv = nameBlock && ctx.attr('from_attributes', nameBlock.body);
  const from = fv && fv.t !== 'null' ? stringList(fv, 'name.from_attributes') : [];
  const sep = (nameBlock && optString(ctx, 'separator', nameBlock.body)) ?? '';
  const toBlock = nameBlock && ctx.blocks('to_attributes', nameBlock.body)[0];
  const rules = toBlock
    ? stringList(ctx.required('rules', toBlock.body), 'name.to_attributes.rules').map((p) => {
        const re = GoRegexp.compile(p);
        if ('error' in re) throw new SimError(`name.to_attributes.rules: invalid regexp pattern ${p}`);
        return re;
      })
    : [];
  const breakAfter = toBlock ? optBool(ctx, 'break_after_match', false, toBlock.body) : false;
  const keepName = toBlock ? optBool(ctx, 'keep_original_name', false, toBlock.body) : false;
  const statusBlock = ctx.blocks('status')[0];
  let status: { code: number; message: string } | undefined;
  if (statusBlock) {
    const code = optString(ctx, 'code', statusBlock.body) ?? '';
    const desc = optString(ctx, 'description', statusBlock.body) ?? '';
    if (!STATUS_ARG[code]) throw new SimError(`status code is set to an invalid value of ${JSON.stringify(code)}`);
    if (code !== 'Error' && desc) throw new SimError('status description should be empty for non-error status codes');
    status = { code: STATUS[STATUS_ARG[code]], message: code === 'Error' ? desc : '' };
  }
  const inc = ctx.blocks('include')[0];
  const exc = ctx.blocks('exclude')[0];
  const incP = inc && readMatch(ctx, inc, 'traces', 'include');
  const excP = exc && readMatch(ctx, exc, 'traces', 'exclude');

  const fromAttributes = (span: Span) => {
    if (!from.length || !span.attributes.size) return;
    const parts: string[] = [];
    for (const k of from) {
      if (!span.attributes.has(k)) return;
      parts.push(nameText(span.attributes.get(k)!));
    }
    span.name = parts.join(sep);
  };
  const toAttributes = (span: Span) => {
    if (!span.name) return;
    for (const re of rules) {
      const old = span.name;
      const idx = re.findSubmatchIndex(old);
      if (!idx) continue;
      const missing = idx.findIndex((x, k) => k >= 2 && x < 0);
      if (missing >= 0) {
        ctx.warn(`name.to_attributes rule ${JSON.stringify(re.source)}: group ${missing >> 1} takes no part in the match on span name ${JSON.stringify(old)}; upstream's processor panics on such a name (span left as it is)`);
        return;
      }
      let name = '';
      let at = 0;
      for (let i = 1; i <= re.numSubexp; i++) {
        const [s, e] = [idx[2 * i], idx[2 * i + 1]];
        span.attributes.set(re.subexpNames[i], old.slice(s, e));
        name += `${old.slice(at, s)}{${re.subexpNames[i]}}`;
        at = e;
      }
      if (at < old.length) name += old.slice(at);
      if (!keepName) span.name = name;
      if (breakAfter) break;
    }
  };

  const input = processor(
    ctx,
    (b) => {
      ctx.flow.otel.step(ctx.id, b, () => {
        const notes = new Map<Item, string>();
        for (const r of b.resources)
          for (const s of r.scopes)
            for (const span of s.items as Span[]) {
              if (incP && !spanMatches(incP, span, r.resource, s.scope)) {
                notes.set(span, 'skipped: include does not match');
                continue;
              }
              if (excP && spanMatches(excP, span, r.resource, s.scope)) {
                notes.set(span, 'skipped: exclude matches');
                continue;
              }
              const before = span.name;
              fromAttributes(span);
              toAttributes(span);
              if (status) span.status = { ...status };
              if (span.name !== before) notes.set(span, `renamed from ${JSON.stringify(before)}`);
            }
        return notes;
      });
    },
    ['traces'],
  );
  return { exports: { input } };
}
