// Targets of the pod, node, service and ingress roles, with the labels Prometheus'
// kubernetes SD (which discovery.kubernetes embeds) gives them.

import type { K8sIngress, K8sNode, K8sPod, K8sService, Labels } from '../samples.js';
import { META, namespaceMeta, nodeMeta, objectMeta, podReady, sanitize, type World } from './objects.js';

export interface RoleOptions {
  attachNode: boolean;
  attachNamespace: boolean;
}

/** Go's net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The pod-level labels shared by the pod, endpoints and endpointslice roles. */
export function podLabels(p: K8sPod): Labels {
  const out: Labels = {
    [`${META}pod_ip`]: p.ip ?? '',
    [`${META}pod_ready`]: podReady(p),
    [`${META}pod_phase`]: p.phase ?? '',
    [`${META}pod_node_name`]: p.node ?? '',
    [`${META}pod_host_ip`]: p.hostIP ?? '',
    [`${META}pod_uid`]: p.uid ?? '',
  };
  objectMeta(out, p, 'pod');
  if (p.controller?.kind) out[`${META}pod_controller_kind`] = p.controller.kind;
  if (p.controller?.name) out[`${META}pod_controller_name`] = p.controller.name;
  return out;
}

export function podTargets(w: World, p: K8sPod, o: RoleOptions): Labels[] {
  if (!p.ip) return [];
  if (o.attachNode && !(p.node && w.nodes.has(p.node))) return [];
  let group: Labels = { ...podLabels(p), [`${META}namespace`]: p.namespace ?? 'default' };
  if (o.attachNode) group = { ...group, ...nodeMeta(w, p.node) };
  if (o.attachNamespace) group = { ...group, ...namespaceMeta(w, p.namespace ?? 'default') };
  const out: Labels[] = [];
  const all = [...p.containers, ...(p.initContainers ?? [])];
  all.forEach((c, i) => {
    const common: Labels = {
      [`${META}pod_container_name`]: c.name,
      [`${META}pod_container_id`]: c.id ?? '',
      [`${META}pod_container_image`]: c.image ?? '',
      [`${META}pod_container_init`]: String(i >= p.containers.length),
    };
    if (!c.ports?.length) {
      out.push({ ...group, __address__: p.ip!, ...common });
      return;
    }
    for (const port of c.ports) {
      out.push({
        ...group,
        __address__: joinHostPort(p.ip!, port.containerPort),
        ...common,
        [`${META}pod_container_port_number`]: String(port.containerPort),
        [`${META}pod_container_port_name`]: port.name ?? '',
        [`${META}pod_container_port_protocol`]: port.protocol ?? 'TCP',
      });
    }
  });
  return out;
}

const ADDRESS_PREFERENCE = ['InternalIP', 'InternalDNS', 'ExternalIP', 'ExternalDNS', 'LegacyHostIP', 'Hostname'];

export function nodeTargets(n: K8sNode): Labels[] {
  const group: Labels = { [`${META}node_provider_id`]: n.providerID ?? '' };
  for (const c of n.conditions ?? []) group[`${META}node_condition_${sanitize(c.type.toLowerCase())}`] = c.status.toLowerCase();
  objectMeta(group, n, 'node');
  const byType = new Map<string, string[]>();
  for (const a of n.addresses ?? []) byType.set(a.type, [...(byType.get(a.type) ?? []), a.address]);
  const type = ADDRESS_PREFERENCE.find((t) => byType.has(t));
  if (!type) return [];
  const t: Labels = { ...group, __address__: joinHostPort(byType.get(type)![0], n.kubeletPort ?? 10250), instance: n.name };
  for (const [ty, addrs] of byType) t[sanitize(`${META}node_address_${ty}`)] = addrs[0];
  return [t];
}

export function serviceLabels(s: K8sService): Labels {
  const out: Labels = { [`${META}namespace`]: s.namespace ?? 'default' };
  objectMeta(out, s, 'service');
  return out;
}

export function serviceTargets(w: World, s: K8sService, o: RoleOptions): Labels[] {
  const ns = s.namespace ?? 'default';
  let group = serviceLabels(s);
  if (o.attachNamespace) group = { ...group, ...namespaceMeta(w, ns) };
  const type = s.type ?? 'ClusterIP';
  return (s.ports ?? []).map((p) => {
    const t: Labels = {
      ...group,
      __address__: joinHostPort(`${s.name}.${ns}.svc`, p.port),
      [`${META}service_port_name`]: p.name ?? '',
      [`${META}service_port_number`]: String(p.port),
      [`${META}service_port_protocol`]: p.protocol ?? 'TCP',
      [`${META}service_type`]: type,
    };
    if (type === 'ExternalName') t[`${META}service_external_name`] = s.externalName ?? '';
    else t[`${META}service_cluster_ip`] = s.clusterIP ?? '';
    if (type === 'LoadBalancer') t[`${META}service_loadbalancer_ip`] = s.loadBalancerIP ?? '';
    return t;
  });
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    const rest = host.indexOf('.');
    return rest > 0 && host.slice(rest) === pattern.slice(1);
  }
  return pattern === host;
}

export function ingressTargets(w: World, ing: K8sIngress, o: RoleOptions): Labels[] {
  const ns = ing.namespace ?? 'default';
  let group: Labels = { [`${META}namespace`]: ns };
  if (ing.ingressClassName !== undefined) group[`${META}ingress_class_name`] = ing.ingressClassName;
  objectMeta(group, ing, 'ingress');
  if (o.attachNamespace) group = { ...group, ...namespaceMeta(w, ns) };
  const out: Labels[] = [];
  for (const rule of ing.rules ?? []) {
    const host = rule.host ?? '';
    const scheme = (ing.tlsHosts ?? []).some((p) => hostMatches(p, host)) ? 'https' : 'http';
    const paths = rule.paths === undefined ? ['/'] : rule.paths.map((p) => p || '/');
    for (const path of paths) {
      out.push({ ...group, __address__: host, [`${META}ingress_scheme`]: scheme, [`${META}ingress_host`]: host, [`${META}ingress_path`]: path });
    }
  }
  return out;
}
