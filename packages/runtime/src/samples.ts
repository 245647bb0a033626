// The samples file: what the simulated world contains. Parsed YAML or JSON comes in
// as plain data; `readSamples` checks its shape and fills in defaults.

export type Labels = Record<string, string>;

/** One log entry as a sample gives it. */
export interface SampleEntry {
  line: string;
  /** RFC 3339 with optional fraction; absent means "when it was read" (the host clock). */
  timestamp?: string;
  labels?: Labels;
  structured_metadata?: Labels;
  /** Docker only: `stdout` (default) or `stderr`. */
  stream?: string;
}

/** Entries for the targets of a tailing source whose labels include `target`. */
export interface TargetLogs {
  target: Labels;
  entries: SampleEntry[];
}

export interface K8sMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Labels;
  annotations?: Labels;
}

export interface K8sContainer {
  name: string;
  image?: string;
  id?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  /** Lines as the Kubernetes API returns them (`<RFC 3339 time> <line>`) or entries. */
  logs?: (string | SampleEntry)[];
}

export interface K8sPod extends K8sMeta {
  node?: string;
  ip?: string;
  hostIP?: string;
  phase?: string;
  ready?: boolean | string;
  controller?: { kind: string; name: string };
  containers: K8sContainer[];
  initContainers?: K8sContainer[];
}

export interface K8sServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  nodePort?: number;
}

export interface K8sService extends K8sMeta {
  type?: string;
  clusterIP?: string;
  externalName?: string;
  loadBalancerIP?: string;
  selector?: Labels;
  ports?: K8sServicePort[];
}

export interface K8sEndpointAddress {
  ip: string;
  nodeName?: string;
  hostname?: string;
  targetRef?: { kind: string; name: string; namespace?: string };
}

export interface K8sEndpoints extends K8sMeta {
  subsets: { addresses?: K8sEndpointAddress[]; notReadyAddresses?: K8sEndpointAddress[]; ports?: { name?: string; port: number; protocol?: string }[] }[];
}

export interface K8sNode extends K8sMeta {
  providerID?: string;
  addresses?: { type: string; address: string }[];
  conditions?: { type: string; status: string }[];
  kubeletPort?: number;
}

export interface K8sIngress extends K8sMeta {
  ingressClassName?: string;
  tlsHosts?: string[];
  rules?: { host?: string; paths?: string[] }[];
}

export interface K8sSamples {
  namespaces?: K8sMeta[];
  nodes?: K8sNode[];
  pods?: K8sPod[];
  services?: K8sService[];
  /** When absent, derived from services and the pods their selectors match, as Kubernetes does. */
  endpoints?: K8sEndpoints[];
  ingresses?: K8sIngress[];
}

export interface Samples {
  env?: Record<string, string>;
  files?: Record<string, string>;
  kubernetes?: K8sSamples;
  /** Targets of discovery components other than discovery.kubernetes, keyed by component id or name. */
  targets?: Record<string, Labels[]>;
  /** Log entries per source component (id or name): entries, or per-target groups. */
  logs?: Record<string, (SampleEntry | TargetLogs)[]>;
}

export type SamplesResult = { samples: Samples } | { errors: string[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks parsed samples data against the shape documented in samples.schema.json.
 * Scalars are turned into strings where a label value is expected (YAML reads `8080` as a number).
 */
export function readSamples(data: unknown): SamplesResult {
  const errors: string[] = [];
  if (data === null || data === undefined) return { samples: {} };
  if (!isObj(data)) return { errors: ['samples: expected a mapping at the top level'] };
  const known = ['env', 'files', 'kubernetes', 'targets', 'logs', '$schema'];
  for (const k of Object.keys(data)) if (!known.includes(k)) errors.push(`samples: unknown key ${JSON.stringify(k)} (expected one of ${known.slice(0, 5).join(', ')})`);
  const out: Samples = {};
  if (data.env !== undefined) out.env = stringMap(data.env, 'env', errors);
  if (data.files !== undefined) out.files = stringMap(data.files, 'files', errors);
  if (data.kubernetes !== undefined) {
    if (!isObj(data.kubernetes)) errors.push('kubernetes: expected a mapping');
    else out.kubernetes = k8s(data.kubernetes, errors);
  }
  if (data.targets !== undefined) {
    if (!isObj(data.targets)) errors.push('targets: expected a mapping from component to a list of targets');
    else {
      out.targets = {};
      for (const [id, list] of Object.entries(data.targets)) {
        if (!Array.isArray(list)) errors.push(`targets.${id}: expected a list`);
        else out.targets[id] = list.map((t, i) => stringMap(t, `targets.${id}[${i}]`, errors));
      }
    }
  }
  if (data.logs !== undefined) {
    if (!isObj(data.logs)) errors.push('logs: expected a mapping from component to entries');
    else {
      out.logs = {};
      for (const [id, list] of Object.entries(data.logs)) {
        if (!Array.isArray(list)) {
          errors.push(`logs.${id}: expected a list`);
          continue;
        }
        out.logs[id] = list.map((e, i) => {
          const where = `logs.${id}[${i}]`;
          if (isObj(e) && 'target' in e) {
            const entries = Array.isArray(e.entries) ? e.entries.map((x, j) => entry(x, `${where}.entries[${j}]`, errors)) : [];
            if (!Array.isArray(e.entries)) errors.push(`${where}.entries: expected a list`);
            return { target: stringMap(e.target, `${where}.target`, errors), entries };
          }
          return entry(e, where, errors);
        });
      }
    }
  }
  return errors.length ? { errors } : { samples: out };
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function stringMap(v: unknown, where: string, errors: string[]): Record<string, string> {
  if (v === null || v === undefined) return {};
  if (!isObj(v)) {
    errors.push(`${where}: expected a mapping of strings`);
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    const s = scalar(x ?? '');
    if (s === undefined) errors.push(`${where}.${k}: expected a string`);
    else out[k] = s;
  }
  return out;
}

export function entry(v: unknown, where: string, errors: string[]): SampleEntry {
  if (typeof v === 'string') return { line: v };
  if (!isObj(v)) {
    errors.push(`${where}: expected an entry (a line, or a mapping with line, timestamp, labels, structured_metadata)`);
    return { line: '' };
  }
  const line = scalar(v.line);
  if (line === undefined) errors.push(`${where}.line: expected a string`);
  const e: SampleEntry = { line: line ?? '' };
  if (v.timestamp !== undefined) {
    const ts = v.timestamp instanceof Date ? v.timestamp.toISOString() : scalar(v.timestamp);
    if (ts === undefined || Number.isNaN(Date.parse(ts))) errors.push(`${where}.timestamp: expected an RFC 3339 time`);
    else e.timestamp = ts;
  }
  if (v.labels !== undefined) e.labels = stringMap(v.labels, `${where}.labels`, errors);
  if (v.structured_metadata !== undefined) e.structured_metadata = stringMap(v.structured_metadata, `${where}.structured_metadata`, errors);
  if (v.stream !== undefined) e.stream = scalar(v.stream);
  return e;
}

function list(v: unknown, where: string, errors: string[]): Record<string, unknown>[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    errors.push(`${where}: expected a list`);
    return [];
  }
  return v.filter((x, i) => {
    if (isObj(x) && typeof x.name === 'string') return true;
    errors.push(`${where}[${i}]: expected a mapping with a name`);
    return false;
  }) as Record<string, unknown>[];
}

/** Kubernetes objects keep their shape; label maps are coerced to strings. */
function k8s(v: Record<string, unknown>, errors: string[]): K8sSamples {
  const kinds = ['namespaces', 'nodes', 'pods', 'services', 'endpoints', 'ingresses'] as const;
  for (const k of Object.keys(v)) if (!(kinds as readonly string[]).includes(k)) errors.push(`kubernetes: unknown kind ${JSON.stringify(k)} (expected one of ${kinds.join(', ')})`);
  const out: K8sSamples = {};
  for (const kind of kinds) {
    if (v[kind] === undefined) continue;
    out[kind] = list(v[kind], `kubernetes.${kind}`, errors).map((o, i) => {
      const where = `kubernetes.${kind}[${i}]`;
      const meta = { ...o, labels: stringMap(o.labels, `${where}.labels`, errors), annotations: stringMap(o.annotations, `${where}.annotations`, errors) };
      if (kind === 'pods') {
        for (const key of ['containers', 'initContainers'] as const) {
          const cs = o[key];
          if (cs === undefined) continue;
          if (!Array.isArray(cs)) errors.push(`${where}.${key}: expected a list`);
          else
            (meta as Record<string, unknown>)[key] = cs.map((c, j) =>
              isObj(c) && Array.isArray(c.logs) ? { ...c, logs: c.logs.map((l, k) => (typeof l === 'string' ? l : entry(l, `${where}.${key}[${j}].logs[${k}]`, errors))) } : c,
            );
        }
        if (!Array.isArray(o.containers)) errors.push(`${where}.containers: expected a list`);
      }
      if (kind === 'services' && o.selector !== undefined) (meta as Record<string, unknown>).selector = stringMap(o.selector, `${where}.selector`, errors);
      return meta;
    }) as never;
  }
  return out;
}
