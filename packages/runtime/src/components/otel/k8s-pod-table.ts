// The pod table of otelcol.processor.k8sattributes, built from the samples' Kubernetes
// objects as the contrib processor builds it from its informers: the attributes each pod
// yields under the extraction rules, its containers, and the identifiers it is found by.

import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { fakeUid, type World } from '../../k8s/objects.js';
import type { K8sContainer, K8sPod, Labels } from '../../samples.js';

export interface FieldRule {
  tagName: string;
  key: string;
  keyRegex?: GoRegexp;
  from: string;
}

export interface Rules {
  metadata: Set<string>;
  labels: FieldRule[];
  annotations: FieldRule[];
  deploymentNameFromReplicaSet: boolean;
}

export interface AssocSource {
  from: 'connection' | 'resource_attribute';
  name: string;
}

export interface Container {
  name: string;
  imageName: string;
  imageTag: string;
  serviceInstanceId: string;
  serviceVersion: string;
  containerId: string;
}

export interface PodEntry {
  pod: K8sPod;
  ignore: boolean;
  attributes: Map<string, string>;
  byName: Map<string, Container>;
  byId: Map<string, Container>;
}

/** One position of a pod identifier: its source and value. */
export const idPart = (from: string, name: string, value: string) => `${from}\u0001${name}\u0001${value}`;
export const idKey = (parts: string[]) => parts.join('\u0002');
const conn = (v: string) => idKey([idPart('connection', '', v)]);
const resAttr = (name: string, v: string) => idKey([idPart('resource_attribute', name, v)]);

const CONTAINER_RULES = ['container.image.name', 'k8s.container.name', 'container.image.tag', 'container.image.tags', 'container.image.repo_digests', 'container.id', 'service.version', 'service.instance.id'];

export function needContainers(r: Rules): boolean {
  return CONTAINER_RULES.some((k) => r.metadata.has(k));
}

/** Repository and tag of an image reference (tag "latest" when absent). */
export function parseImage(image: string): { repository: string; tag: string } | undefined {
  if (!image) return undefined;
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  if (colon > slash) return { repository: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) };
  return { repository: noDigest, tag: image.includes('@') ? '' : 'latest' };
}

export function extractField(rule: FieldRule, meta: Labels, tags: Map<string, string>, formatter: string): void {
  if (rule.keyRegex) {
    for (const [k, v] of Object.entries(meta)) {
      if (!rule.keyRegex.test(k) || v === '') continue;
      const name = rule.keyRegex.numSubexp > 0 ? rule.keyRegex.expand(rule.tagName, k, rule.keyRegex.findSubmatchIndex(k)!) : formatter.replace('%s', k);
      tags.set(name, v);
    }
  } else if (Object.prototype.hasOwnProperty.call(meta, rule.key)) tags.set(rule.tagName, meta[rule.key]);
}

const DEPLOY_HASH = /^[a-z0-9]{10}$/;

function deploymentFromReplicaSet(rs: string): string {
  const parts = rs.split('-');
  if (parts.length < 2 || !DEPLOY_HASH.test(parts[parts.length - 1])) return '';
  return parts.slice(0, -1).join('-');
}

function podAttributes(p: K8sPod, r: Rules, w: World): Map<string, string> {
  const m = r.metadata;
  const t = new Map<string, string>();
  const ns = p.namespace ?? 'default';
  if (m.has('k8s.pod.name')) t.set('k8s.pod.name', p.name);
  if (m.has('service.name')) t.set('service.name', p.name);
  if (m.has('k8s.pod.hostname')) t.set('k8s.pod.hostname', '');
  if (m.has('k8s.pod.ip')) t.set('k8s.pod.ip', p.ip ?? '');
  if (m.has('k8s.namespace.name')) t.set('k8s.namespace.name', ns);
  if (m.has('service.namespace')) t.set('service.namespace', ns);
  if (m.has('k8s.pod.uid')) t.set('k8s.pod.uid', p.uid ?? '');
  const ref = p.controller;
  if (ref) {
    const uid = fakeUid(ref.kind.toLowerCase(), ns, ref.name);
    const kind = ref.kind;
    if (kind === 'ReplicaSet') {
      if (m.has('k8s.replicaset.uid')) t.set('k8s.replicaset.uid', uid);
      if (m.has('k8s.replicaset.name')) t.set('k8s.replicaset.name', ref.name);
      if (m.has('service.name')) t.set('service.name', ref.name);
      if ((m.has('k8s.deployment.name') || m.has('service.name')) && r.deploymentNameFromReplicaSet) {
        const d = deploymentFromReplicaSet(ref.name);
        if (d) {
          if (m.has('k8s.deployment.name')) t.set('k8s.deployment.name', d);
          if (m.has('service.name')) t.set('service.name', d);
        }
      }
    } else if (kind === 'DaemonSet' || kind === 'StatefulSet' || kind === 'Job') {
      const k = kind.toLowerCase();
      if (m.has(`k8s.${k}.uid`)) t.set(`k8s.${k}.uid`, uid);
      if (m.has(`k8s.${k}.name`)) t.set(`k8s.${k}.name`, ref.name);
      if (m.has('service.name')) t.set('service.name', ref.name);
      if (kind === 'Job' && (m.has('k8s.cronjob.name') || m.has('service.name'))) {
        const cj = /^(.*)-\d+$/.exec(ref.name);
        if (cj) {
          if (m.has('k8s.cronjob.name')) t.set('k8s.cronjob.name', cj[1]);
          if (m.has('service.name')) t.set('service.name', cj[1]);
        }
      }
    }
  }
  if (m.has('k8s.node.name')) t.set('k8s.node.name', p.node ?? '');
  if (m.has('k8s.cluster.uid')) {
    const ks = w.namespaces.get('kube-system');
    if (ks) t.set('k8s.cluster.uid', ks.uid ?? fakeUid('namespace', '', 'kube-system'));
  }
  for (const rule of r.labels) if (rule.from === 'pod') extractField(rule, p.labels ?? {}, t, 'k8s.pod.labels.%s');
  for (const rule of r.annotations) if (rule.from === 'pod') extractField(rule, p.annotations ?? {}, t, 'k8s.pod.annotations.%s');
  const labels = p.labels ?? {};
  if (m.has('service.name')) {
    if (labels['app.kubernetes.io/name'] !== undefined) t.set('service.name', labels['app.kubernetes.io/name']);
    if (labels['app.kubernetes.io/instance'] !== undefined) t.set('service.name', labels['app.kubernetes.io/instance']);
  }
  if (m.has('service.version') && labels['app.kubernetes.io/version'] !== undefined) t.set('service.version', labels['app.kubernetes.io/version']);
  return t;
}

function containers(p: K8sPod, r: Rules): { byName: Map<string, Container>; byId: Map<string, Container> } {
  const m = r.metadata;
  const byName = new Map<string, Container>();
  const byId = new Map<string, Container>();
  const specs: K8sContainer[] = [...p.containers, ...(p.initContainers ?? [])];
  const blank = (): Container => ({ name: '', imageName: '', imageTag: '', serviceInstanceId: '', serviceVersion: '', containerId: '' });
  if (['container.image.name', 'container.image.tag', 'container.image.tags', 'service.version', 'service.instance.id'].some((k) => m.has(k))) {
    for (const s of specs) {
      const c = blank();
      const img = parseImage(s.image ?? '');
      if (img) {
        if (m.has('container.image.name')) c.imageName = img.repository;
        if (m.has('container.image.tag')) c.imageTag = img.tag;
        if (m.has('service.version') && img.tag) c.serviceVersion = img.tag;
      }
      byName.set(s.name, c);
    }
  }
  // Every sample container stands for a status (running, restart count 0).
  for (const s of specs) {
    let c = byName.get(s.name);
    if (!c) byName.set(s.name, (c = blank()));
    if (m.has('k8s.container.name')) c.name = s.name;
    if (m.has('service.instance.id')) c.serviceInstanceId = `${p.namespace ?? 'default'}.${p.name}.${s.name}`;
    const parts = (s.id ?? '').split('://');
    const id = parts.length === 2 ? parts[1] : (s.id ?? '');
    byId.set(id, c);
    if (m.has('container.id')) c.containerId = id;
  }
  return { byName, byId };
}

/** The identifiers a pod is found by: one per association rule it satisfies, then the built-in ones. */
function identifiers(e: PodEntry, assocs: AssocSource[][]): string[] {
  const p = e.pod;
  const ids: string[] = [];
  for (const sources of assocs) {
    const parts: string[] = [];
    let containerAt = -1;
    let skip = false;
    sources.forEach((s, i) => {
      if (skip) return;
      if (s.from === 'connection') {
        if (!p.ip) skip = true;
        else parts[i] = idPart('connection', '', p.ip);
        return;
      }
      let v = '';
      if (s.name === 'k8s.namespace.name') v = p.namespace ?? 'default';
      else if (s.name === 'k8s.pod.name') v = p.name;
      else if (s.name === 'k8s.pod.uid') v = p.uid ?? '';
      else if (s.name === 'host.name' || s.name === 'k8s.pod.ip') v = p.ip ?? '';
      else if (s.name === 'container.id') containerAt = i;
      else v = e.attributes.get(s.name) ?? '';
      if (v === '' && containerAt === -1) skip = true;
      else parts[i] = idPart('resource_attribute', s.name, v);
    });
    if (skip) continue;
    if (containerAt >= 0) {
      for (const cid of e.byId.keys()) {
        const copy = [...parts];
        copy[containerAt] = idPart('resource_attribute', 'container.id', cid);
        ids.push(idKey(copy));
      }
    } else ids.push(idKey(parts));
  }
  if (p.uid) ids.push(resAttr('k8s.pod.uid', p.uid));
  if (p.ip) ids.push(conn(p.ip), resAttr('k8s.pod.ip', p.ip));
  return ids;
}

export interface PodFilter {
  namespace?: string;
  node?: string;
  test?: (p: K8sPod) => boolean;
}

export class PodTable {
  private readonly byId = new Map<string, PodEntry>();
  readonly watched: PodEntry[] = [];

  constructor(w: World, rules: Rules, assocs: AssocSource[][], exclude: GoRegexp[], filter: PodFilter) {
    for (const pod of w.pods) {
      if (filter.namespace && (pod.namespace ?? 'default') !== filter.namespace) continue;
      if (filter.node && pod.node !== filter.node) continue;
      if (filter.test && !filter.test(pod)) continue;
      const ignore = (pod.annotations?.['opentelemetry.io/k8s-processor-ignore'] ?? '').trim().toLowerCase() === 'true' || exclude.some((re) => re.test(pod.name));
      const entry: PodEntry = { pod, ignore, attributes: new Map(), byName: new Map(), byId: new Map() };
      if (!ignore) {
        entry.attributes = podAttributes(pod, rules, w);
        if (needContainers(rules)) Object.assign(entry, containers(pod, rules));
      }
      this.watched.push(entry);
      for (const id of identifiers(entry, assocs)) this.byId.set(id, entry);
    }
  }

  get(id: string): PodEntry | undefined {
    const e = this.byId.get(id);
    return e && !e.ignore ? e : undefined;
  }

  /** The pod an identifier names even when it is excluded (for explanations). */
  raw(id: string): PodEntry | undefined {
    return this.byId.get(id);
  }
}
