// The samples file: what the simulated world contains. Parsed YAML or JSON comes in
// as plain data; `readSamples` checks it against samples.schema.json and converts it.

import { decodeOtlp } from './otel/otlp-json.js';
import { checkSamples } from './samples-check.js';

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

export interface K8sSecret {
  name: string;
  namespace?: string;
  /** Base64-encoded values, as in a manifest. */
  data?: Record<string, string>;
  /** Plain-text values (they win over `data`). */
  stringData?: Record<string, string>;
}

export interface K8sConfigMap {
  name: string;
  namespace?: string;
  data?: Record<string, string>;
}

export interface K8sSamples {
  namespaces?: K8sMeta[];
  nodes?: K8sNode[];
  pods?: K8sPod[];
  services?: K8sService[];
  /** When absent, derived from services and the pods their selectors match, as Kubernetes does. */
  endpoints?: K8sEndpoints[];
  ingresses?: K8sIngress[];
  /** What remote.kubernetes.secret / configmap read. */
  secrets?: K8sSecret[];
  configmaps?: K8sConfigMap[];
}

export interface Samples {
  env?: Record<string, string>;
  files?: Record<string, string>;
  kubernetes?: K8sSamples;
  /** Targets of discovery components other than discovery.kubernetes, keyed by component id or name. */
  targets?: Record<string, Labels[]>;
  /** Log entries per source component (id or name): entries, or per-target groups. */
  logs?: Record<string, (SampleEntry | TargetLogs)[]>;
  /** What each otelcol.receiver.* receives (id or name): OTLP/JSON requests. */
  otlp?: Record<string, OtlpRequest[]>;
  /** Exposition text per scrape target (__address__ or URL) or prometheus.exporter.* (id or name). */
  scrape?: Record<string, string>;
}

/** One request an OTLP receiver gets: OTLP/JSON bodies, and who sent it. */
export interface OtlpRequest {
  /** The sending peer's address (`ip:port` or `ip`). */
  peer?: string;
  protocol?: 'grpc' | 'http';
  metadata?: Record<string, string[]>;
  traces?: unknown;
  logs?: unknown;
  metrics?: unknown;
}

export type SamplesResult = { samples: Samples } | { errors: string[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks parsed samples data against samples.schema.json (ajv) and converts it: scalars become
 * strings where a label value is expected (YAML reads `8080` as a number), lines become entries.
 */
export function readSamples(data: unknown): SamplesResult {
  if (data === null || data === undefined) return { samples: {} };
  const errors = checkSamples(data);
  if (errors.length) return { errors };
  const d = data as Record<string, unknown>;
  const out: Samples = {};
  const none: string[] = []; // the data fits the schema: the converters find nothing to report
  if (d.env !== undefined) out.env = d.env as Record<string, string>;
  if (d.files !== undefined) out.files = d.files as Record<string, string>;
  if (d.kubernetes !== undefined) out.kubernetes = k8s(d.kubernetes as Record<string, unknown>, none);
  if (d.targets !== undefined) {
    out.targets = {};
    for (const [id, list] of Object.entries(d.targets as Record<string, unknown[]>)) out.targets[id] = list.map((t) => stringMap(t, '', none));
  }
  if (d.logs !== undefined) {
    out.logs = {};
    for (const [id, list] of Object.entries(d.logs as Record<string, unknown[]>)) {
      out.logs[id] = list.map((e) =>
        isObj(e) && 'target' in e ? { target: stringMap(e.target, '', none), entries: (e.entries as unknown[]).map((x) => entry(x, '', none)) } : entry(e, '', none),
      );
    }
  }
  if (d.scrape !== undefined) out.scrape = d.scrape as Record<string, string>;
  if (d.otlp !== undefined) {
    const otlp = readOtlp(d.otlp as Record<string, Record<string, unknown>[]>);
    if ('errors' in otlp) return { errors: otlp.errors };
    out.otlp = otlp.requests;
  }
  return { samples: out };
}

const SIGNALS = ['traces', 'logs', 'metrics'] as const;

/** OTLP requests per receiver (their shape is the schema's); each body is decoded once here so that what the schema cannot say (bucket counts, nesting) shows before the run. */
function readOtlp(v: Record<string, Record<string, unknown>[]>): { requests: Record<string, OtlpRequest[]> } | { errors: string[] } {
  const requests: Record<string, OtlpRequest[]> = {};
  const errors: string[] = [];
  for (const [id, list] of Object.entries(v)) {
    requests[id] = list.map((r, i) => {
      const req: OtlpRequest = {};
      if (r.peer !== undefined) req.peer = String(r.peer);
      if (r.protocol !== undefined) req.protocol = r.protocol as OtlpRequest['protocol'];
      if (r.metadata !== undefined) {
        req.metadata = {};
        for (const [k, x] of Object.entries(r.metadata as Record<string, unknown>)) req.metadata[k.toLowerCase()] = Array.isArray(x) ? x.map(String) : [String(x)];
      }
      for (const s of SIGNALS) {
        if (r[s] === undefined) continue;
        errors.push(...decodeOtlp(s, r[s], `otlp.${id}[${i}].${s}`).errors.slice(0, 20));
        req[s] = r[s];
      }
      return req;
    });
  }
  return errors.length ? { errors } : { requests };
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

/** Kubernetes objects keep their shape; label maps are coerced to strings. */
function k8s(v: Record<string, unknown>, errors: string[]): K8sSamples {
  const kinds = ['namespaces', 'nodes', 'pods', 'services', 'endpoints', 'ingresses'] as const;
  const out: K8sSamples = {};
  for (const kind of kinds) {
    if (v[kind] === undefined) continue;
    out[kind] = (v[kind] as Record<string, unknown>[]).map((o) => {
      const meta = { ...o, labels: stringMap(o.labels, '', errors), annotations: stringMap(o.annotations, '', errors) };
      if (kind === 'pods') {
        for (const key of ['containers', 'initContainers'] as const) {
          const cs = o[key] as Record<string, unknown>[] | undefined;
          if (cs) (meta as Record<string, unknown>)[key] = cs.map((c) => (Array.isArray(c.logs) ? { ...c, logs: c.logs.map((l) => (typeof l === 'string' ? l : entry(l, '', errors))) } : c));
        }
      }
      if (kind === 'services' && o.selector !== undefined) (meta as Record<string, unknown>).selector = stringMap(o.selector, '', errors);
      return meta;
    }) as never;
  }
  if (v.secrets !== undefined) out.secrets = v.secrets as K8sSecret[];
  if (v.configmaps !== undefined) out.configmaps = v.configmaps as K8sConfigMap[];
  return out;
}
