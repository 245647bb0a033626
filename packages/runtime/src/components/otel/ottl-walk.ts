// Visiting a batch at an OTTL context level (resource, scope, span, span event, log,
// metric, data point), with removal, for the transform and filter processors.

import type { OttlContext, OttlTarget } from '../../otel/ottl-engine.js';
import type { Batch, LogRecord, Metric, Span } from '../../otel/pdata.js';

/** Calls `visit` for each target at `context`; items for which it returns false are removed. */
export function walk(b: Batch, context: OttlContext, visit: (t: OttlTarget) => boolean): void {
  for (const r of b.resources) {
    if (context === 'resource') {
      if (!visit({ resource: r.resource, scope: { name: '', version: '', attributes: new Map() }, cache: new Map() })) r.scopes = [];
      continue;
    }
    for (const s of r.scopes) {
      if (context === 'scope') {
        if (!visit({ resource: r.resource, scope: s.scope, cache: new Map() })) s.items = [];
        continue;
      }
      const base = { resource: r.resource, scope: s.scope };
      if (context === 'span') s.items = (s.items as Span[]).filter((span) => visit({ ...base, span, cache: new Map() })) as never[];
      else if (context === 'spanevent') for (const span of s.items as Span[]) span.events = span.events.filter((spanEvent) => visit({ ...base, span, spanEvent, cache: new Map() }));
      else if (context === 'log') s.items = (s.items as LogRecord[]).filter((log) => visit({ ...base, log, cache: new Map() })) as never[];
      else if (context === 'metric') s.items = (s.items as Metric[]).filter((metric) => visit({ ...base, metric, cache: new Map() })) as never[];
      else if (context === 'datapoint') {
        for (const metric of s.items as Metric[]) metric.dataPoints = metric.dataPoints.filter((dataPoint) => visit({ ...base, metric, dataPoint, cache: new Map() }));
        s.items = (s.items as Metric[]).filter((m) => m.dataPoints.length > 0) as never[];
      }
    }
    r.scopes = r.scopes.filter((s) => s.items.length > 0);
  }
  b.resources = b.resources.filter((r) => r.scopes.length > 0);
}
