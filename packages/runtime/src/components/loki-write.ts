// loki.write as a sink: what each endpoint would receive — final labels (external labels
// merged, `__` labels dropped), structured metadata, tenant — with secrets kept out of the report.

import type { Block } from '@alloy-lint/parser';
import { smOf, view } from '../flow.js';
import type { EndpointInfo, SinkEntry } from '../report.js';
import type { Labels } from '../samples.js';
import { labelsOf, text } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';

const SENSITIVE_HEADER = /auth|token|key|secret|passw|cookie/i;

/** The URL with any password shown as Go's url.Redacted does. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.password) u.password = 'xxxxx';
    return u.toString();
  } catch {
    return raw.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:xxxxx@');
  }
}

function endpointInfo(ctx: SimContext, b: Block): EndpointInfo & { rawUrl: string } {
  const rawUrl = text(ctx.required('url', b.body), 'endpoint.url');
  const info: EndpointInfo & { rawUrl: string } = { rawUrl, url: redactUrl(rawUrl) };
  const name = ctx.attr('name', b.body);
  if (name) info.name = text(name, 'endpoint.name');
  const tenant = ctx.attr('tenant_id', b.body);
  if (tenant && text(tenant, 'tenant_id')) info.tenant = text(tenant, 'tenant_id');
  const headers = ctx.attr('headers', b.body);
  if (headers) {
    const h = labelsOf(headers, 'endpoint.headers');
    info.headers = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, SENSITIVE_HEADER.test(k) ? '<secret>' : v]));
  }
  const basic = ctx.blocks('basic_auth', b.body)[0];
  if (basic) {
    const user = ctx.attr('username', basic.body);
    info.auth = `basic_auth (username ${JSON.stringify(user ? text(user, 'username') : '')}, password <secret>)`;
  } else if (ctx.attr('bearer_token', b.body) || ctx.attr('bearer_token_file', b.body)) info.auth = 'bearer_token <secret>';
  else if (ctx.blocks('authorization', b.body)[0]) {
    const type = ctx.attr('type', ctx.blocks('authorization', b.body)[0].body);
    info.auth = `authorization (type ${type ? text(type, 'type') : 'Bearer'}, credentials <secret>)`;
  } else if (ctx.blocks('oauth2', b.body)[0]) info.auth = 'oauth2 <secret>';
  return info;
}

export function lokiWrite(ctx: SimContext): Simulator {
  const endpoints = ctx.blocks('endpoint').map((b) => endpointInfo(ctx, b));
  const ext = ctx.attr('external_labels');
  const external: Labels = ext ? labelsOf(ext, 'external_labels') : {};
  const entries: SinkEntry[] = [];
  let forwardsTo: string | undefined;
  let warnedEmpty = false;
  const receiver = ctx.flow.receiver(ctx.id, (fe) => {
    const before = fe.steps ? view(fe.entry) : undefined;
    const merged: Labels = { ...external, ...fe.entry.labels };
    const labels: Labels = {};
    for (const k in merged) if (!k.startsWith('__')) labels[k] = merged[k];
    const tenant = merged.__tenant_id__ ?? endpoints[0]?.tenant;
    fe.entry.labels = labels;
    const v: SinkEntry = { line: fe.entry.line, timestamp: fe.entry.timestamp, labels, structuredMetadata: smOf(fe.entry) };
    if (tenant) v.tenant = tenant;
    entries.push(v);
    if (Object.keys(labels).length === 0 && !warnedEmpty) {
      warnedEmpty = true;
      ctx.warn('an entry without labels reached loki.write; Loki rejects streams without labels');
    }
    ctx.flow.step(fe, ctx.id, before, { note: `pushed to ${endpoints.map((e) => e.url).join(', ') || '(no endpoint)'}${tenant ? ` as tenant ${tenant}` : ''}` });
    const inner = endpoints.map((e) => ctx.flow.pushTargets.get(e.rawUrl)).find(Boolean);
    if (inner) {
      forwardsTo = inner.component;
      inner.push({ ...fe, entry: { ...fe.entry, labels: { ...labels }, structuredMetadata: fe.entry.structuredMetadata.map((p) => ({ ...p })) } });
    } else ctx.flow.end(fe, 'delivered', ctx.id);
  });
  return {
    exports: { receiver },
    sink: () => ({
      component: ctx.id,
      kind: 'loki.write',
      endpoints: endpoints.map(({ rawUrl: _, ...e }) => e),
      entries,
      ...(forwardsTo ? { forwardsTo } : {}),
    }),
  };
}
