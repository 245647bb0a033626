// otelcol.processor.k8sattributes: finds the pod each resource comes from (by default the
// connection's IP against pod IPs; `pod_association` rules in order, first rule whose
// every source resolves wins) and adds the pod's metadata to the resource, as the contrib
// processor does. Container attributes only when the resource names the container
// (k8s.container.name, container.id) or the pod has a single container.

import { GoRegexp } from '@alloy-lint/gostd/regexp';
import { matches, parseSelector } from '../../k8s/selectors.js';
import { world } from '../../k8s/objects.js';
import { strAttr, type Attrs, type Batch, type Item } from '../../otel/pdata.js';
import type { ClientInfo } from '../../otel/telemetry.js';
import { SimError, stringList, text } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { optBool, optString, peerIp, processor } from './common.js';
import { extractField, idKey, idPart, needContainers, PodTable, type AssocSource, type FieldRule, type PodEntry, type Rules } from './k8s-pod-table.js';

const DEFAULT_METADATA = ['container.image.name', 'container.image.tag', 'k8s.container.name', 'k8s.deployment.name', 'k8s.namespace.name', 'k8s.node.name', 'k8s.pod.name', 'k8s.pod.start_time', 'k8s.pod.uid'];
const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));

function fieldRules(ctx: SimContext, kind: 'label' | 'annotation', body: Parameters<SimContext['blocks']>[1]): FieldRule[] {
  return ctx.blocks(kind, body).map((b) => {
    const from = optString(ctx, 'from', b.body) || 'pod';
    const key = optString(ctx, 'key', b.body) ?? '';
    const keyRegexSrc = optString(ctx, 'key_regex', b.body) ?? '';
    let tagName = optString(ctx, 'tag_name', b.body) ?? '';
    if (!tagName && key) tagName = `k8s.${from}.${kind}s.${key}`;
    let keyRegex: GoRegexp | undefined;
    if (keyRegexSrc) {
      const re = GoRegexp.compile(`^(?:${keyRegexSrc})$`);
      if (!(re instanceof GoRegexp)) throw new SimError(`extract.${kind}.key_regex: ${re.error}`);
      keyRegex = re;
    }
    return { tagName, key, keyRegex, from };
  });
}

function setAttr(a: Attrs, key: string, val: string): void {
  const cur = a.get(key);
  if (cur === undefined || cur === null || cur === '') a.set(key, val);
}

/** The pod identifier of a resource, as extractPodID computes it; '' when none resolves. */
function podIdentifier(attrs: Attrs, assocs: AssocSource[][], connIp: string): { key: string; how: string } {
  if (assocs.length === 0) {
    for (const [what, v] of [
      ['resource attribute k8s.pod.ip', strAttr(attrs, 'k8s.pod.ip')],
      ['resource attribute ip', strAttr(attrs, 'ip')],
      ['the connection', connIp],
    ] as const)
      if (v) return { key: idKey([idPart('connection', '', v)]), how: `${what} ${v}` };
    const host = strAttr(attrs, 'host.name');
    if (isIp(host)) return { key: idKey([idPart('connection', '', host)]), how: `resource attribute host.name ${host}` };
    return { key: '', how: '' };
  }
  for (const [n, sources] of assocs.entries()) {
    const parts: string[] = [];
    const how: string[] = [];
    const ok = sources.every((s, i) => {
      if (s.from === 'connection') {
        if (!connIp) return false;
        parts[i] = idPart('connection', '', connIp);
        how.push(`connection ${connIp}`);
        return true;
      }
      const v = strAttr(attrs, s.name);
      if (!v || (s.name === 'host.name' && !isIp(v))) return false;
      parts[i] = idPart('resource_attribute', s.name, v);
      how.push(`${s.name}=${v}`);
      return true;
    });
    if (ok) return { key: idKey(parts), how: `pod_association ${n + 1} (${how.join(', ')})` };
  }
  return { key: '', how: '' };
}

function addContainer(attrs: Attrs, e: PodEntry): string {
  const name = strAttr(attrs, 'k8s.container.name');
  const id = strAttr(attrs, 'container.id');
  let c;
  if (name) c = e.byName.get(name);
  else if (id) c = e.byId.get(id);
  else if (e.byId.size === 1) c = [...e.byId.values()][0];
  else if (e.byName.size === 1) c = [...e.byName.values()][0];
  else return `; no container attributes: the resource has neither k8s.container.name nor container.id and the pod has ${e.byName.size} containers`;
  if (!c) return `; no container ${name || id} in the pod`;
  if (c.name) setAttr(attrs, 'k8s.container.name', c.name);
  if (c.imageName) setAttr(attrs, 'container.image.name', c.imageName);
  if (c.imageTag) setAttr(attrs, 'container.image.tag', c.imageTag);
  if (c.serviceInstanceId) setAttr(attrs, 'service.instance.id', c.serviceInstanceId);
  if (c.serviceVersion) setAttr(attrs, 'service.version', c.serviceVersion);
  if (c.containerId && !attrs.has('container.id')) attrs.set('container.id', c.containerId);
  return '';
}

export function k8sattributes(ctx: SimContext): Simulator {
  const passthrough = optBool(ctx, 'passthrough', false);
  const extract = ctx.blocks('extract')[0];
  const md = extract ? ctx.attr('metadata', extract.body) : undefined;
  const metadata = md && md.t !== 'null' ? stringList(md, 'extract.metadata') : [];
  const rules: Rules = {
    metadata: new Set(metadata.length ? metadata : DEFAULT_METADATA),
    labels: extract ? fieldRules(ctx, 'label', extract.body) : [],
    annotations: extract ? fieldRules(ctx, 'annotation', extract.body) : [],
    deploymentNameFromReplicaSet: extract ? optBool(ctx, 'deployment_name_from_replicaset', true, extract.body) : true,
  };
  if (extract && optBool(ctx, 'otel_annotations', false, extract.body)) ctx.warn('otel_annotations is not simulated');
  const assocs: AssocSource[][] = ctx.blocks('pod_association').map((pa) =>
    ctx.blocks('source', pa.body).map((s) => {
      const from = text(ctx.required('from', s.body), 'source.from');
      if (from !== 'connection' && from !== 'resource_attribute') throw new SimError(`pod_association.source.from: expected "connection" or "resource_attribute", got ${JSON.stringify(from)}`);
      return { from, name: from === 'connection' ? '' : (optString(ctx, 'name', s.body) ?? '') };
    }),
  );
  const excludeBlocks = ctx.blocks('exclude')[0];
  const excludeNames = excludeBlocks ? ctx.blocks('pod', excludeBlocks.body).map((b) => text(ctx.required('name', b.body), 'exclude.pod.name')) : [];
  const exclude = (excludeNames.length ? excludeNames : ['jaeger-agent', 'jaeger-collector']).map((n) => {
    const re = GoRegexp.compile(n);
    if (!(re instanceof GoRegexp)) throw new SimError(`exclude.pod.name: ${re.error}`);
    return re;
  });
  const filterBlock = ctx.blocks('filter')[0];
  const labelReqs = filterBlock
    ? ctx.blocks('label', filterBlock.body).map((b) => {
        const key = text(ctx.required('key', b.body), 'filter.label.key');
        const value = optString(ctx, 'value', b.body) ?? '';
        const op = optString(ctx, 'op', b.body) ?? 'equals';
        const sel = op === 'exists' ? key : op === 'does-not-exist' ? `!${key}` : `${key}${op === 'not-equals' ? '!=' : '='}${value}`;
        const r = parseSelector(sel);
        if (typeof r === 'string') throw new SimError(`filter.label: ${r}`);
        return r;
      })
    : [];
  const w = world(ctx.samples.kubernetes);
  const table = passthrough
    ? undefined
    : new PodTable(w, rules, assocs, exclude, {
        namespace: filterBlock ? optString(ctx, 'namespace', filterBlock.body) : undefined,
        node: filterBlock ? optString(ctx, 'node', filterBlock.body) : undefined,
        test: labelReqs.length ? (p) => labelReqs.every((r) => matches(r, p.labels ?? {})) : undefined,
      });
  if (table && table.watched.length === 0) ctx.warn('no pods in the samples (kubernetes.pods): no resource can be associated with a pod');

  const processResource = (attrs: Attrs, info: ClientInfo): string => {
    const connIp = peerIp(info.addr);
    const id = podIdentifier(attrs, assocs, connIp);
    if (id.key && id.how.includes('connection') && (passthrough || rules.metadata.has('k8s.pod.ip'))) setAttr(attrs, 'k8s.pod.ip', connIp);
    if (passthrough) return connIp ? `passthrough: k8s.pod.ip from the connection ${connIp}` : 'passthrough: no connection address';
    let note: string;
    const entry = id.key ? table!.get(id.key) : undefined;
    if (!id.key) note = `no pod identifier: ${assocs.length ? 'no pod_association rule has all its sources' : 'no k8s.pod.ip, ip or host.name attribute and no connection address'}${info.addr === undefined && !assocs.length ? ' (a batch processor before this one drops the sender\'s address)' : ''}`;
    else if (!entry) {
      const raw = table!.raw(id.key);
      note = raw ? `pod ${raw.pod.namespace}/${raw.pod.name} is excluded` : `no pod matches ${id.how}`;
    } else {
      for (const [k, v] of entry.attributes) setAttr(attrs, k, v);
      note = `pod ${entry.pod.namespace}/${entry.pod.name} found by ${id.how}` + (needContainers(rules) ? addContainer(attrs, entry) : '');
    }
    const ns = entry?.pod.namespace || strAttr(attrs, 'k8s.namespace.name');
    const nsObj = ns ? w.namespaces.get(ns) : undefined;
    if (nsObj) {
      for (const r of rules.labels) if (r.from === 'namespace') fieldInto(r, nsObj.labels ?? {}, attrs, 'k8s.namespace.labels.%s');
      for (const r of rules.annotations) if (r.from === 'namespace') fieldInto(r, nsObj.annotations ?? {}, attrs, 'k8s.namespace.annotations.%s');
    }
    const nodeName = entry?.pod.node || strAttr(attrs, 'k8s.node.name');
    const node = nodeName ? w.nodes.get(nodeName) : undefined;
    if (node) {
      for (const r of rules.labels) if (r.from === 'node') fieldInto(r, node.labels ?? {}, attrs, 'k8s.node.labels.%s');
      for (const r of rules.annotations) if (r.from === 'node') fieldInto(r, node.annotations ?? {}, attrs, 'k8s.node.annotations.%s');
      if (rules.metadata.has('k8s.node.uid') && node.uid) setAttr(attrs, 'k8s.node.uid', node.uid);
    }
    return note;
  };

  const input = processor(ctx, (b: Batch, info: ClientInfo) => {
    ctx.flow.otel.step(ctx.id, b, () => {
      const notes = new Map<Item, string>();
      for (const r of b.resources) {
        const note = processResource(r.resource.attributes, info);
        for (const s of r.scopes) for (const it of s.items) notes.set(it, note);
      }
      return notes;
    });
  });
  return { exports: { input } };
}

function fieldInto(rule: FieldRule, meta: Record<string, string>, attrs: Attrs, formatter: string): void {
  const t = new Map<string, string>();
  extractField(rule, meta, t, formatter);
  for (const [k, v] of t) setAttr(attrs, k, v);
}
