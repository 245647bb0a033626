// prometheus.exporter.*: the target Alloy exports for an embedded exporter (served on its
// in-memory HTTP address under /api/v0/component/<id>/metrics); prometheus.scrape finds
// what it exposes in the samples' `scrape` under the exporter's id or name.

import { targetsValue } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';

export function prometheusExporter(ctx: SimContext): Simulator {
  const integration = ctx.name.slice('prometheus.exporter.'.length);
  const target = {
    __address__: 'alloy.internal:12345',
    __scheme__: 'http',
    __metrics_path__: `/api/v0/component/${ctx.id}/metrics`,
    job: `integrations/${integration}`,
    instance: ctx.env.HOSTNAME || 'localhost',
    __meta_component_name: ctx.name,
    __meta_component_id: ctx.id,
  };
  if (ctx.samples.scrape?.[ctx.id] === undefined && ctx.samples.scrape?.[ctx.name] === undefined) ctx.warn(`what the exporter exposes is not in the samples (add scrape."${ctx.id}")`);
  return { exports: { targets: targetsValue([target]) }, targets: () => ({ component: ctx.id, targets: [target] }), status: { status: 'not simulated', message: `exports its target; the metrics come from samples.scrape (instance is the exporter's own key upstream, here ${target.instance})` } };
}
