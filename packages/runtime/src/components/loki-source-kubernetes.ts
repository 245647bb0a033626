// loki.source.kubernetes: one tailer per target (namespace/pod:container), fed with the
// container's log lines from the samples. Labels as Alloy attaches them: the target's
// public labels, `job` defaulting to the component id and `instance` to ns/pod:container.

import type { K8sContainer, Labels, SampleEntry } from '../samples.js';
import { targetsOf } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';
import { makeEntry, publicLabels, send, targetEntries } from './loki-source-common.js';

const first = (l: Labels, ...names: string[]) => names.map((n) => l[n]).find((v) => v) ?? '';

/** The kubelet's `<RFC 3339 time> <line>` form, split; the line keeps its newline as the API stream does. */
function kubeLine(raw: string | SampleEntry): SampleEntry {
  if (typeof raw !== 'string') return { ...raw, line: raw.line.endsWith('\n') ? raw.line : raw.line + '\n' };
  const sp = raw.indexOf(' ');
  const ts = sp > 0 ? raw.slice(0, sp) : '';
  const line = (sp > 0 && !Number.isNaN(Date.parse(ts)) ? raw.slice(sp + 1) : raw).replace(/\n?$/, '\n');
  return sp > 0 && !Number.isNaN(Date.parse(ts)) ? { line, timestamp: ts } : { line };
}

export function lokiSourceKubernetes(ctx: SimContext): Simulator {
  const targets = targetsOf(ctx.required('targets'), 'targets');
  const to = ctx.flow.receiversOf(ctx.required('forward_to'));
  return {
    exports: {},
    emit() {
      const seen = new Set<string>();
      for (const t of targets) {
        const ns = first(t, '__pod_namespace__', '__meta_kubernetes_namespace');
        const pod = first(t, '__pod_name__', '__meta_kubernetes_pod_name');
        const container = first(t, '__pod_container_name__', '__meta_kubernetes_pod_container_name');
        const uid = first(t, '__pod_uid__', '__meta_kubernetes_pod_uid');
        const missing = !ns ? 'namespace' : !pod ? 'name' : !container ? 'container name' : !uid ? 'UID' : '';
        if (missing) {
          ctx.warn(`target ${JSON.stringify(publicLabels(t))} skipped: missing pod ${missing} label`);
          continue;
        }
        const labels = publicLabels(t);
        if (!('job' in t)) labels.job = ctx.id;
        if (!('instance' in t)) labels.instance = `${ns}/${pod}:${container}`;
        const key = JSON.stringify([ns, pod, container, labels]);
        if (seen.has(key)) continue; // the same container tailed once
        seen.add(key);
        let lines: (string | SampleEntry)[] | undefined = targetEntries(ctx, t);
        if (!lines) {
          const p = ctx.samples.kubernetes?.pods?.find((x) => x.name === pod && (x.namespace ?? 'default') === ns);
          const c = [...(p?.containers ?? []), ...(p?.initContainers ?? [])].find((x: K8sContainer) => x.name === container);
          lines = c?.logs;
        }
        if (!lines) {
          ctx.warn(`no log lines in the samples for ${ns}/${pod}:${container}`);
          continue;
        }
        for (const raw of lines) send(ctx, to, makeEntry(kubeLine(raw), { ...labels }, ctx.host.now()));
      }
    },
  };
}
