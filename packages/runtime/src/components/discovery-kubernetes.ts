// discovery.kubernetes: targets from the samples' Kubernetes objects, role by role.

import { trimSpace } from '@alloy-lint/gostd';
import type { Block } from '@alloy-lint/parser';
import { endpointSliceTargets, endpointsObjects, endpointsTargets } from '../k8s/endpoints.js';
import { world, type World } from '../k8s/objects.js';
import { ingressTargets, nodeTargets, podTargets, serviceTargets, type RoleOptions } from '../k8s/roles.js';
import { matches, parseSelector } from '../k8s/selectors.js';
import type { K8sMeta, K8sPod, Labels } from '../samples.js';
import { bool, SimError, stringList, targetsValue, text } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';

const ROLES = ['pod', 'service', 'endpoints', 'endpointslice', 'node', 'ingress'];
const OWN_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

interface Filter {
  role: string;
  label?: ReturnType<typeof parseSelector>;
  field?: ReturnType<typeof parseSelector>;
}

function fields(kind: string, o: K8sMeta): Labels {
  const f: Labels = { 'metadata.name': o.name, 'metadata.namespace': o.namespace ?? (kind === 'node' ? '' : 'default') };
  if (kind === 'pod') {
    const p = o as K8sPod;
    f['spec.nodeName'] = p.node ?? '';
    f['status.phase'] = p.phase ?? '';
    f['status.podIP'] = p.ip ?? '';
  }
  return f;
}

export function discoveryKubernetes(ctx: SimContext): Simulator {
  const role = text(ctx.required('role'), 'role');
  if (!ROLES.includes(role)) throw new SimError(`unknown Kubernetes SD role "${role}"`);
  let names: string[] | undefined;
  for (const b of ctx.blocks('namespaces')) {
    const own = ctx.attr('own_namespace', b.body);
    names = ctx.attr('names', b.body) ? stringList(ctx.attr('names', b.body)!, 'namespaces.names') : [];
    if (own && bool(own, 'own_namespace')) {
      const ns = ctx.host.readFile(OWN_NAMESPACE_FILE);
      if (ns === undefined) throw new SimError(`own_namespace needs ${OWN_NAMESPACE_FILE} (add it to the samples' files)`);
      names.push(trimSpace(ns));
    }
    if (names.length === 0) names = undefined;
  }
  const filters: Filter[] = ctx.blocks('selectors').map((b: Block) => {
    const r = text(ctx.required('role', b.body), 'selectors.role');
    const l = ctx.attr('label', b.body);
    const f = ctx.attr('field', b.body);
    const out: Filter = { role: r };
    if (l) out.label = parseSelector(text(l, 'selectors.label'));
    if (f) out.field = parseSelector(text(f, 'selectors.field'));
    for (const s of [out.label, out.field]) if (typeof s === 'string') throw new SimError(`selectors: ${s}`);
    return out;
  });
  const opts: RoleOptions = { attachNode: false, attachNamespace: false };
  for (const b of ctx.blocks('attach_metadata')) {
    const n = ctx.attr('node', b.body);
    const ns = ctx.attr('namespace', b.body);
    opts.attachNode = n ? bool(n, 'attach_metadata.node') : false;
    opts.attachNamespace = ns ? bool(ns, 'attach_metadata.namespace') : false;
  }
  if (!ctx.samples.kubernetes) ctx.warn('the samples have no kubernetes objects: no targets');

  const keep = (kind: string, o: K8sMeta) => {
    if (kind !== 'node' && names && !names.includes(o.namespace ?? 'default')) return false;
    return filters
      .filter((f) => f.role === kind)
      .every((f) => (!f.label || matches(f.label as never, o.labels ?? {})) && (!f.field || matches(f.field as never, fields(kind, o))));
  };
  const w = world(ctx.samples.kubernetes);
  const fw: World = {
    ...w,
    pods: w.pods.filter((p) => keep('pod', p)),
    raw: {
      ...w.raw,
      services: (w.raw.services ?? []).filter((s) => keep('service', s)),
      ingresses: (w.raw.ingresses ?? []).filter((s) => keep('ingress', s)),
    },
  };
  let targets: Labels[];
  switch (role) {
    case 'pod':
      targets = fw.pods.flatMap((p) => podTargets(w, p, opts));
      break;
    case 'node':
      targets = [...w.nodes.values()].filter((n) => keep('node', n)).flatMap(nodeTargets);
      break;
    case 'service':
      targets = (fw.raw.services ?? []).flatMap((s) => serviceTargets(w, s, opts));
      break;
    case 'ingress':
      targets = (fw.raw.ingresses ?? []).flatMap((s) => ingressTargets(w, s, opts));
      break;
    default: {
      const eps = endpointsObjects(w).filter((e) => keep(role === 'endpoints' ? 'endpoints' : 'endpointslice', e));
      const build = role === 'endpoints' ? endpointsTargets : endpointSliceTargets;
      targets = eps.flatMap((e) => build(fw, e, opts));
    }
  }
  return {
    exports: { targets: targetsValue(targets) },
    targets: () => ({ component: ctx.id, targets }),
  };
}
