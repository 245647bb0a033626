// The span name OpenTelemetry semantic conventions 1.37.0 give a span (HTTP, RPC, database,
// messaging), as the transform processor's set_semconv_span_name derives it.
import type { OMap, OValue, Span } from './model.js';
import { asString } from './values.js';

/** The first of the attributes present. */
const attr = (a: OMap, ...names: string[]): OValue | undefined => {
  for (const n of names) if (a.has(n)) return a.get(n)!;
  return undefined;
};
const s = (v: OValue | undefined) => (v === undefined ? '' : asString(v));

function http(a: OMap, subject: string): string {
  const method = attr(a, 'http.request.method', 'http.method');
  if (method === undefined) return '';
  const sub = attr(a, subject);
  return sub === undefined ? s(method) : `${s(method)} ${s(sub)}`;
}

function rpc(a: OMap): string {
  const system = attr(a, 'rpc.system');
  if (system === undefined) return '';
  const method = attr(a, 'rpc.method', 'rpc.grpc.method');
  const service = attr(a, 'rpc.service', 'rpc.grpc.service');
  if (method !== undefined && service !== undefined) return `${s(service)}/${s(method)}`;
  if (method !== undefined) return s(method);
  if (service !== undefined) return `${s(service)}/*`;
  return s(system);
}

function address(a: OMap): string {
  const host = attr(a, 'server.address');
  if (host === undefined) return '';
  const port = attr(a, 'server.port');
  return port === undefined ? s(host) : `${s(host)}:${s(port)}`;
}

function db(a: OMap): string {
  const system = attr(a, 'db.system.name', 'db.system');
  if (system === undefined) return '';
  const summary = attr(a, 'db.query.summary');
  if (summary !== undefined) return s(summary);
  const op = s(attr(a, 'db.operation.name', 'db.operation'));
  const ns = s(attr(a, 'db.namespace', 'db.name'));
  const coll = attr(a, 'db.collection.name') ?? attr(a, 'db.stored_procedure.name');
  const target = coll !== undefined ? (ns ? `${ns}.${s(coll)}` : s(coll)) : ns || address(a);
  if (op && target) return `${op} ${target}`;
  return op || target || s(system);
}

function messaging(a: OMap): string {
  const system = attr(a, 'messaging.system');
  if (system === undefined) return '';
  const op = attr(a, 'messaging.operation.name', 'messaging.operation');
  let dest = '';
  if (attr(a, 'messaging.destination.temporary') === true) dest = '(temporary)';
  else if (attr(a, 'messaging.destination.anonymous') === true) dest = '(anonymous)';
  else dest = s(attr(a, 'messaging.destination.template') ?? attr(a, 'messaging.destination.name', 'messaging.destination')) || address(a);
  if (op !== undefined && dest) return `${s(op)} ${dest}`;
  return dest || (op !== undefined ? s(op) : s(system));
}

export function semconvSpanName(span: Span): string {
  const a = span.attributes;
  const first = (...names: (() => string)[]) => names.map((f) => f()).find((n) => n !== '') ?? span.name;
  switch (span.kind ?? 0) {
    case 2: return first(() => http(a, 'http.route'), () => rpc(a), () => messaging(a));
    case 5: return first(() => messaging(a));
    case 3: return first(() => http(a, 'url.template'), () => rpc(a), () => db(a), () => messaging(a));
    case 4: return first(() => messaging(a));
    default: return span.name;
  }
}
