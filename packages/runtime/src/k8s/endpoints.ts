// The endpoints and endpointslice roles. Endpoints come from the samples, or are derived
// from services and the ready pods their selectors match, as Kubernetes' controller does.

import type { K8sEndpointAddress, K8sEndpoints, K8sPod, K8sService, Labels } from '../samples.js';
import { fakeUid, META, namespaceMeta, nodeMeta, objectMeta, podReady, sanitize, type World } from './objects.js';
import { joinHostPort, podLabels, serviceLabels, type RoleOptions } from './roles.js';

type Port = { name?: string; port: number; protocol?: string };

/** Endpoints objects: given, or one per service with a selector. */
export function endpointsObjects(w: World): K8sEndpoints[] {
  if (w.raw.endpoints) return w.raw.endpoints;
  const out: K8sEndpoints[] = [];
  for (const s of w.raw.services ?? []) {
    const sel = s.selector;
    if (!sel || Object.keys(sel).length === 0) continue;
    const ns = s.namespace ?? 'default';
    const subsets: K8sEndpoints['subsets'] = [];
    for (const p of w.pods) {
      if (p.namespace !== ns || !p.ip || !Object.entries(sel).every(([k, v]) => p.labels?.[k] === v)) continue;
      const ports = (s.ports ?? []).flatMap((sp): Port[] => {
        const target = sp.targetPort ?? sp.port;
        const num = typeof target === 'number' || /^\d+$/.test(String(target)) ? Number(target) : containerPort(p, String(target));
        return num === undefined ? [] : [{ name: sp.name, port: num, protocol: sp.protocol ?? 'TCP' }];
      });
      if (!ports.length) continue;
      const addr: K8sEndpointAddress = { ip: p.ip, nodeName: p.node, targetRef: { kind: 'Pod', name: p.name, namespace: ns } };
      subsets.push(podReady(p) === 'true' ? { addresses: [addr], ports } : { notReadyAddresses: [addr], ports });
    }
    out.push({ name: s.name, namespace: ns, labels: { ...(s.labels ?? {}) }, annotations: {}, subsets });
  }
  return out;
}

function containerPort(p: K8sPod, name: string): number | undefined {
  for (const c of [...p.containers, ...(p.initContainers ?? [])]) for (const cp of c.ports ?? []) if (cp.name === name) return cp.containerPort;
  return undefined;
}

function findPod(w: World, ref: K8sEndpointAddress['targetRef'], ns: string): K8sPod | undefined {
  if (!ref || ref.kind !== 'Pod') return undefined;
  return w.pods.find((p) => p.name === ref.name && p.namespace === (ref.namespace ?? ns));
}

function findService(w: World, ns: string, name: string): K8sService | undefined {
  return (w.raw.services ?? []).find((s) => (s.namespace ?? 'default') === ns && s.name === name);
}

/** Container port labels for the container exposing `port`, if any. */
function containerPortLabels(p: K8sPod, port: number, protocol: string): Labels | undefined {
  const all = [...p.containers, ...(p.initContainers ?? [])];
  for (let i = 0; i < all.length; i++) {
    const cp = all[i].ports?.find((x) => x.containerPort === port);
    if (cp)
      return {
        [`${META}pod_container_name`]: all[i].name,
        [`${META}pod_container_image`]: all[i].image ?? '',
        [`${META}pod_container_port_name`]: cp.name ?? '',
        [`${META}pod_container_port_number`]: String(port),
        [`${META}pod_container_port_protocol`]: protocol,
        [`${META}pod_container_init`]: String(i >= p.containers.length),
      };
  }
  return undefined;
}

/** Targets for container ports of seen pods that no endpoint port covered. */
function uncoveredPorts(seen: Map<string, { pod: K8sPod; ports: number[] }>): Labels[] {
  const out: Labels[] = [];
  for (const { pod, ports } of seen.values()) {
    if (!pod.ip) continue;
    const all = [...pod.containers, ...(pod.initContainers ?? [])];
    all.forEach((c, i) => {
      for (const cp of c.ports ?? []) {
        if (ports.includes(cp.containerPort)) continue;
        out.push({
          __address__: joinHostPort(pod.ip!, cp.containerPort),
          [`${META}pod_container_name`]: c.name,
          [`${META}pod_container_image`]: c.image ?? '',
          [`${META}pod_container_port_name`]: cp.name ?? '',
          [`${META}pod_container_port_number`]: String(cp.containerPort),
          [`${META}pod_container_port_protocol`]: cp.protocol ?? 'TCP',
          [`${META}pod_container_init`]: String(i >= pod.containers.length),
          ...podLabels(pod),
        });
      }
    });
  }
  return out;
}

export function endpointsTargets(w: World, eps: K8sEndpoints, o: RoleOptions): Labels[] {
  const ns = eps.namespace ?? 'default';
  let group: Labels = { [`${META}namespace`]: ns };
  const svc = findService(w, ns, eps.name);
  if (svc) group = { ...group, ...serviceLabels(svc) };
  objectMeta(group, eps, 'endpoints');
  if (o.attachNamespace) group = { ...group, ...namespaceMeta(w, ns) };
  const targets: Labels[] = [];
  const seen = new Map<string, { pod: K8sPod; ports: number[] }>();
  const add = (addr: K8sEndpointAddress, port: Port, ready: string) => {
    let t: Labels = {
      __address__: joinHostPort(addr.ip, port.port),
      [`${META}endpoint_port_name`]: port.name ?? '',
      [`${META}endpoint_port_protocol`]: port.protocol ?? 'TCP',
      [`${META}endpoint_ready`]: ready,
    };
    if (addr.targetRef) {
      t[`${META}endpoint_address_target_kind`] = addr.targetRef.kind;
      t[`${META}endpoint_address_target_name`] = addr.targetRef.name;
    }
    if (addr.nodeName !== undefined) t[`${META}endpoint_node_name`] = addr.nodeName;
    if (addr.hostname) t[`${META}endpoint_hostname`] = addr.hostname;
    if (o.attachNode) t = { ...t, ...nodeMeta(w, addr.nodeName ?? (addr.targetRef?.kind === 'Node' ? addr.targetRef.name : undefined)) };
    const pod = findPod(w, addr.targetRef, ns);
    if (pod) {
      const key = `${pod.namespace}/${pod.name}`;
      const s = seen.get(key) ?? { pod, ports: [] };
      seen.set(key, s);
      t = { ...t, ...podLabels(pod), ...(containerPortLabels(pod, port.port, port.protocol ?? 'TCP') ?? {}) };
      s.ports.push(port.port);
    }
    targets.push(t);
  };
  for (const ss of eps.subsets ?? []) {
    for (const port of ss.ports ?? []) {
      for (const a of ss.addresses ?? []) add(a, port, 'true');
      for (const a of ss.notReadyAddresses ?? []) add(a, port, 'false');
    }
  }
  for (const t of uncoveredPorts(seen)) targets.push(t);
  return targets.map((t) => ({ ...group, ...t }));
}

/** EndpointSlices as Kubernetes mirrors them from the endpoints (one per Endpoints object). */
export function endpointSliceTargets(w: World, eps: K8sEndpoints, o: RoleOptions): Labels[] {
  const ns = eps.namespace ?? 'default';
  const sliceName = `${eps.name}-${fakeUid('endpointslice', ns, eps.name).slice(0, 5)}`;
  const meta = { name: sliceName, labels: { ...(eps.labels ?? {}), 'kubernetes.io/service-name': eps.name }, annotations: {} };
  let group: Labels = { [`${META}namespace`]: ns, [`${META}endpointslice_address_type`]: 'IPv4' };
  objectMeta(group, meta, 'endpointslice');
  const svc = findService(w, ns, eps.name);
  if (svc) group = { ...group, ...serviceLabels(svc) };
  if (o.attachNamespace) group = { ...group, ...namespaceMeta(w, ns) };
  const targets: Labels[] = [];
  const seen = new Map<string, { pod: K8sPod; ports: number[] }>();
  for (const ss of eps.subsets ?? []) {
    const eps2 = [...(ss.addresses ?? []).map((a) => ({ a, ready: true })), ...(ss.notReadyAddresses ?? []).map((a) => ({ a, ready: false }))];
    for (const { a, ready } of eps2) {
      for (const port of ss.ports ?? []) {
        let t: Labels = {
          __address__: joinHostPort(a.ip, port.port),
          [`${META}endpointslice_port_name`]: port.name ?? '',
          [`${META}endpointslice_port_protocol`]: port.protocol ?? 'TCP',
          [`${META}endpointslice_port`]: String(port.port),
          [`${META}endpointslice_endpoint_conditions_ready`]: String(ready),
          [`${META}endpointslice_endpoint_conditions_serving`]: String(ready),
          [`${META}endpointslice_endpoint_conditions_terminating`]: 'false',
        };
        if (a.hostname) t[`${META}endpointslice_endpoint_hostname`] = a.hostname;
        if (a.targetRef) {
          t[`${META}endpointslice_address_target_kind`] = a.targetRef.kind;
          t[`${META}endpointslice_address_target_name`] = a.targetRef.name;
        }
        if (a.nodeName !== undefined) {
          t[`${META}endpointslice_endpoint_node_name`] = a.nodeName;
          const zone = w.nodes.get(a.nodeName)?.labels?.['topology.kubernetes.io/zone'];
          if (zone) t[sanitize(`${META}endpointslice_endpoint_zone`)] = zone;
        }
        if (o.attachNode) t = { ...t, ...nodeMeta(w, a.targetRef?.kind === 'Node' ? a.targetRef.name : a.nodeName) };
        const pod = findPod(w, a.targetRef, ns);
        if (pod) {
          const key = `${pod.namespace}/${pod.name}`;
          const s = seen.get(key) ?? { pod, ports: [] };
          seen.set(key, s);
          const cpl = containerPortLabels(pod, port.port, port.protocol ?? 'TCP');
          t = { ...t, ...podLabels(pod), ...(cpl ?? {}) };
          s.ports.push(port.port);
        }
        targets.push(t);
      }
    }
  }
  for (const t of uncoveredPorts(seen)) targets.push(t);
  return targets.map((t) => ({ ...group, ...t }));
}
