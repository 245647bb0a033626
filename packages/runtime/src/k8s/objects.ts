// Kubernetes sample objects with the defaults the API server or kubelet would fill in,
// and the meta labels every role shares (Prometheus' kubernetes SD naming).

import type { K8sMeta, K8sNode, K8sPod, K8sSamples, Labels } from '../samples.js';

export const META = '__meta_kubernetes_';

/** Label names as Prometheus sanitizes them: anything but [a-zA-Z0-9_] becomes `_`. */
export function sanitize(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

/** `_label_`, `_labelpresent_`, `_annotation_`, `_annotationpresent_` labels of one object. */
export function labelsAndAnnotations(out: Labels, meta: K8sMeta, resource: string): void {
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    out[`${META}${resource}_label_${sanitize(k)}`] = v;
    out[`${META}${resource}_labelpresent_${sanitize(k)}`] = 'true';
  }
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    out[`${META}${resource}_annotation_${sanitize(k)}`] = v;
    out[`${META}${resource}_annotationpresent_${sanitize(k)}`] = 'true';
  }
}

export function objectMeta(out: Labels, meta: K8sMeta, role: string): void {
  out[`${META}${role}_name`] = meta.name;
  labelsAndAnnotations(out, meta, role);
}

/** FNV-1a over the text: stable made-up identifiers for samples that leave them out. */
function fnv(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const hex = (n: number, w: number) => n.toString(16).padStart(8, '0').slice(0, w);

export function fakeUid(kind: string, ns: string, name: string): string {
  const k = `${kind}/${ns}/${name}`;
  const a = fnv(k);
  const b = fnv(k, a);
  const c = fnv(k, b);
  const d = fnv(k, c);
  return `${hex(a, 8)}-${hex(b, 4)}-4${hex(b >>> 16, 3)}-8${hex(c, 3)}-${hex(c >>> 12, 4)}${hex(d, 8)}`;
}

export function fakeIp(prefix: string, key: string): string {
  const h = fnv(key);
  return `${prefix}.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`;
}

export interface World {
  pods: K8sPod[];
  nodes: Map<string, K8sNode>;
  namespaces: Map<string, K8sMeta>;
  raw: K8sSamples;
}

/** Fills in namespace, uid, phase, readiness, IPs and host IP. */
export function world(raw: K8sSamples = {}): World {
  const nodes = new Map((raw.nodes ?? []).map((n) => [n.name, n]));
  const namespaces = new Map((raw.namespaces ?? []).map((n) => [n.name, n]));
  const pods = (raw.pods ?? []).map((p): K8sPod => {
    const namespace = p.namespace ?? 'default';
    const node = p.node ? nodes.get(p.node) : undefined;
    const hostIP = p.hostIP ?? node?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? (p.node ? fakeIp('192.168', p.node) : '');
    return {
      ...p,
      namespace,
      uid: p.uid ?? fakeUid('pod', namespace, p.name),
      phase: p.phase ?? 'Running',
      ip: p.ip ?? fakeIp('10.0', `${namespace}/${p.name}`),
      hostIP,
      containers: p.containers ?? [],
      initContainers: p.initContainers ?? [],
    };
  });
  return { pods, nodes, namespaces, raw };
}

export function podReady(p: K8sPod): string {
  if (p.ready === undefined) return p.phase === 'Running' ? 'true' : 'false';
  return String(p.ready).toLowerCase();
}

/** Labels of the node a target runs on (attach_metadata { node = true }). */
export function nodeMeta(w: World, nodeName: string | undefined): Labels {
  const out: Labels = {};
  const n = nodeName ? w.nodes.get(nodeName) : undefined;
  if (n) objectMeta(out, n, 'node');
  return out;
}

/** Labels of a namespace (attach_metadata { namespace = true }). */
export function namespaceMeta(w: World, ns: string): Labels {
  const out: Labels = {};
  const n = w.namespaces.get(ns);
  if (n) labelsAndAnnotations(out, n, 'namespace');
  return out;
}
