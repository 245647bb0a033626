// otelcol.processor.groupbyattrs: each span, log record and metric data point whose
// attributes hold some of `keys` has them moved up to its resource (the resource's attributes
// plus those, which win); records then gather under one resource per distinct attribute set,
// in order of first appearance, and under one scope per scope name and version. Records with
// none of the keys stay with a copy of their resource (so identical resources merge: with no
// keys the processor only compacts). Data points gather into one metric per name and type in
// a scope. The new resources and scopes carry no schema URL, as upstream builds them anew.

import { attrsIdentity, cloneAttrs, type Attrs, type Batch, type DataPoint, type Item, type Metric, type ResourceItems, type Scope, type ScopeItems } from '../../otel/pdata.js';
import { stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { processor } from './common.js';

interface Groups<T extends Item> {
  resources: ResourceItems<T>[];
  ids: string[];
}

/** Takes the grouping keys out of `attrs`; the moved attributes in key order, or null when none. */
function extract(keys: string[], attrs: Attrs): Attrs | null {
  const moved: Attrs = new Map();
  for (const k of keys) if (attrs.has(k)) moved.set(k, attrs.get(k)!);
  if (!moved.size) return null;
  for (const k of moved.keys()) attrs.delete(k);
  return moved;
}

function resourceFor<T extends Item>(g: Groups<T>, origin: Attrs, moved: Attrs | null): ResourceItems<T> {
  const attributes = cloneAttrs(origin);
  if (moved) for (const [k, v] of moved) attributes.set(k, v);
  const id = attrsIdentity(attributes);
  const at = g.ids.indexOf(id);
  if (at >= 0) return g.resources[at];
  const r: ResourceItems<T> = { resource: { attributes }, schemaUrl: '', scopes: [] };
  g.resources.push(r);
  g.ids.push(id);
  return r;
}

function scopeFor<T extends Item>(r: ResourceItems<T>, scope: Scope): ScopeItems<T> {
  const found = r.scopes.find((s) => s.scope.name === scope.name && s.scope.version === scope.version);
  if (found) return found;
  const s: ScopeItems<T> = { scope: { ...scope, attributes: cloneAttrs(scope.attributes) }, schemaUrl: '', items: [] };
  r.scopes.push(s);
  return s;
}

export function groupByAttrs(ctx: SimContext): Simulator {
  const kv = ctx.attr('keys');
  const keys = kv && kv.t !== 'null' ? stringList(kv, 'keys') : [];
  const note = (moved: Attrs | null) => (moved ? `grouped by ${[...moved.keys()].join(', ')}` : 'none of the keys: stays with its resource');
  const input = processor(ctx, (b: Batch) => {
    ctx.flow.otel.step(ctx.id, b, () => {
      const notes = new Map<Item, string>();
      const g: Groups<Item> = { resources: [], ids: [] };
      for (const r of b.resources)
        for (const s of r.scopes)
          for (const it of s.items) {
            if (b.signal === 'metrics') {
              groupMetric(ctx, keys, g as Groups<Metric>, r.resource.attributes, s.scope, it as Metric, notes);
              continue;
            }
            const moved = extract(keys, (it as { attributes: Attrs }).attributes);
            scopeFor(resourceFor(g, r.resource.attributes, moved), s.scope).items.push(it);
            notes.set(it, note(moved));
          }
      b.resources = g.resources;
      return notes;
    });
  });
  return { exports: { input } };

  /** Spreads one metric's points over the grouped resources: one metric per name and type in a scope. */
  function groupMetric(ctx: SimContext, keys: string[], g: Groups<Metric>, origin: Attrs, scope: Scope, m: Metric, notes: Map<Item, string>): void {
    const points = m.dataPoints;
    let reused = false;
    const targets = new Set<string>();
    for (const p of points) {
      const moved = extract(keys, p.attributes);
      if (moved) targets.add([...moved.keys()].join(', '));
      const sc = scopeFor(resourceFor(g, origin, moved), scope);
      let target = sc.items.find((x) => x.name === m.name && x.type === m.type);
      if (!target) {
        if (!reused) {
          reused = true;
          target = m;
        } else target = { ...m, _j: m._j && { ...m._j, steps: [...m._j.steps] } };
        target.dataPoints = [];
        sc.items.push(target);
      }
      target.dataPoints.push(p as DataPoint);
    }
    if (!reused) {
      if (points.length) ctx.flow.otel.end(m, 'converted', ctx.id, `its points joined the metric ${m.name} already grouped under the same resource`);
      else notes.set(m, 'no data points: dropped (upstream copies points only)');
    } else notes.set(m, targets.size ? `points grouped by ${[...targets].join(' / ')}` : 'none of the keys: stays with its resource');
  }
}
