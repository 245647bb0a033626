// prometheus.remote_write as a sink: what each endpoint would receive — the samples with
// external labels added (a sample's own label wins) and each endpoint's
// write_relabel_config applied — with credentials kept out of the report.

import { sampleView, type ItemView } from '../otel/journey.js';
import type { Labels } from '../samples.js';
import { labelsOf, text } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';
import { redactUrl } from './loki-write.js';
import { applyRules, compileBlocks } from './rules.js';

export function prometheusRemoteWrite(ctx: SimContext): Simulator {
  const ext = ctx.attr('external_labels');
  const external: Labels = ext && ext.t !== 'null' ? labelsOf(ext, 'external_labels') : {};
  const endpoints = ctx.blocks('endpoint').map((b) => {
    const url = text(ctx.required('url', b.body), 'endpoint.url');
    const name = ctx.attr('name', b.body);
    const auth = ctx.blocks('basic_auth', b.body).length ? 'basic_auth <secret>' : ctx.attr('bearer_token', b.body) ? 'bearer_token <secret>' : ctx.blocks('sigv4', b.body).length ? 'sigv4' : undefined;
    return { info: { url: redactUrl(url), ...(name ? { name: text(name, 'endpoint.name') } : {}), ...(auth ? { auth } : {}) }, rules: compileBlocks(ctx, ctx.blocks('write_relabel_config', b.body)) };
  });
  const samples: ItemView[] = [];
  const receiver = ctx.flow.otel.appendable(ctx.id, (b) => {
    for (const s of b.samples) {
      const labels: Labels = { ...s.labels };
      for (const [k, v] of Object.entries(external)) if (!labels[k]) labels[k] = v;
      const sent: string[] = [];
      for (const ep of endpoints) {
        const r = ep.rules.length ? applyRules(ep.rules, labels, false).result : labels;
        if (!r || Object.keys(r).length === 0) continue;
        sent.push(ep.info.url);
        const v = sampleView(r, s.value, s.t);
        if (endpoints.length > 1) v.fields = { ...v.fields, endpoint: ep.info.name ?? ep.info.url };
        samples.push(v);
      }
      if (s._j) {
        const before = s._j.steps.length ? (s._j.steps[s._j.steps.length - 1].after ?? s._j.input) : s._j.input;
        s._j.steps.push({ component: ctx.id, before, after: sampleView(labels, s.value, s.t), note: sent.length ? `written to ${sent.join(', ')}` : 'dropped by every endpoint\'s write_relabel_config' });
        ctx.flow.otel.end(s, sent.length ? 'delivered' : 'dropped', ctx.id, sent.length ? undefined : 'write_relabel_config');
      }
    }
  });
  return { exports: { receiver }, sink: () => ({ component: ctx.id, kind: ctx.name, endpoints: endpoints.map((e) => e.info), entries: [], samples }) };
}
