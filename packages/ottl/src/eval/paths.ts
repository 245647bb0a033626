// Path getters and setters over the plain data model, per context (contrib pkg/ottl/contexts).
import type * as A from '../ast.js';
import type { ContextName } from '../catalog/contexts.js';
import { splitPath } from '../resolve.js';
import { GoTime, isMap, METRIC_TYPE_NUMBER, type OMap, type OValue, type Telemetry } from './model.js';
import { asString, clone, hex, OttlRuntimeError, typeName } from './values.js';

export interface Accessor {
  get(): OValue;
  set(v: OValue): void;
}

type Obj = Record<string, unknown>;
interface Field {
  get(o: Obj): OValue;
  set?(o: Obj, v: OValue): void;
  /** Sub-segments (`status.code`, `trace_id.string`). */
  sub?: Record<string, Field>;
  /** Indexable (a map or a body). */
  keyed?: boolean;
}

const fail = (msg: string): never => {
  throw new OttlRuntimeError(msg);
};
const expect = <T>(v: OValue, kind: string, ok: (v: OValue) => v is OValue & T): T => (ok(v) ? (v as T) : fail(`expected ${kind} but got ${typeName(v)}`));
const isStr = (v: OValue): v is string => typeof v === 'string';
const isInt = (v: OValue): v is bigint => typeof v === 'bigint';
const isFloat = (v: OValue): v is number => typeof v === 'number';
const isBool = (v: OValue): v is boolean => typeof v === 'boolean';
const isTime = (v: OValue): v is GoTime => v instanceof GoTime;
const isBytes = (v: OValue): v is Uint8Array => v instanceof Uint8Array;

const str = (k: string): Field => ({ get: (o) => (o[k] as string) ?? '', set: (o, v) => (o[k] = expect(v, 'string', isStr)) });
const num = (k: string): Field => ({ get: (o) => BigInt((o[k] as number) ?? 0), set: (o, v) => (o[k] = Number(expect(v, 'int64', isInt))) });
const nanos = (k: string): Field => ({ get: (o) => (o[k] as bigint) ?? 0n, set: (o, v) => (o[k] = expect(v, 'int64', isInt)) });
const time = (k: string): Field => ({ get: (o) => new GoTime((o[k] as bigint) ?? 0n), set: (o, v) => (o[k] = expect(v, 'time', isTime).unixNano) });
const map = (k: string): Field => ({ keyed: true, get: (o) => ((o[k] as OMap) ??= new Map()), set: (o, v) => (o[k] = clone(expect(v, 'map', isMap))) });
const readOnly = (get: (o: Obj) => OValue): Field => ({ get });

const fromHex = (s: string | undefined, n: number) => {
  const out = new Uint8Array(n);
  if (s && s.length === 2 * n) for (let i = 0; i < n; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16) || 0;
  return out;
};
const id = (k: string, n: number): Field => ({
  get: (o) => fromHex(o[k] as string, n),
  set: (o, v) => {
    const b = expect(v, 'bytes', isBytes);
    if (b.length !== n) fail(`expected ${n} bytes`);
    o[k] = hex(b);
  },
  sub: {
    string: {
      get: (o) => hex(fromHex(o[k] as string, n)),
      set: (o, v) => {
        const s = expect(v, 'string', isStr);
        if (!new RegExp(`^[0-9a-fA-F]{${2 * n}}$`).test(s)) fail(`invalid id ${JSON.stringify(s)}`);
        o[k] = s.toLowerCase();
      },
    },
  },
});

const KIND_NAMES = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'];
const KIND_ENUMS = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'];
const named = (names: string[]): Field => ({
  get: (o) => names[(o.kind as number) ?? 0] ?? '',
  set: (o, v) => {
    const i = names.indexOf(expect(v, 'string', isStr));
    o.kind = i >= 0 ? i : fail(`unknown span kind ${JSON.stringify(v)}`);
  },
});

const status = (o: Obj) => ((o.status as Obj) ??= {});
const FIELDS: Record<ContextName, Record<string, Field>> = {
  resource: { attributes: map('attributes'), dropped_attributes_count: num('droppedAttributesCount'), schema_url: str('schemaUrl') },
  scope: { name: str('name'), version: str('version'), attributes: map('attributes'), dropped_attributes_count: num('droppedAttributesCount'), schema_url: str('schemaUrl') },
  span: {
    trace_id: id('traceId', 16),
    span_id: id('spanId', 8),
    parent_span_id: id('parentSpanId', 8),
    trace_state: { ...str('traceState'), keyed: true },
    name: str('name'),
    kind: { ...num('kind'), sub: { string: named(KIND_NAMES), deprecated_string: named(KIND_ENUMS) } },
    start_time_unix_nano: nanos('startTimeUnixNano'),
    end_time_unix_nano: nanos('endTimeUnixNano'),
    start_time: time('startTimeUnixNano'),
    end_time: time('endTimeUnixNano'),
    attributes: map('attributes'),
    dropped_attributes_count: num('droppedAttributesCount'),
    dropped_events_count: num('droppedEventsCount'),
    dropped_links_count: num('droppedLinksCount'),
    status: {
      get: () => fail('span.status as a whole is not simulated; use status.code or status.message'),
      sub: {
        code: { get: (o) => BigInt((status(o).code as number) ?? 0), set: (o, v) => (status(o).code = Number(expect(v, 'int64', isInt))) },
        message: { get: (o) => (status(o).message as string) ?? '', set: (o, v) => (status(o).message = expect(v, 'string', isStr)) },
      },
    },
  },
  spanevent: {
    name: str('name'),
    time_unix_nano: nanos('timeUnixNano'),
    time: time('timeUnixNano'),
    attributes: map('attributes'),
    dropped_attributes_count: num('droppedAttributesCount'),
  },
  log: {
    time_unix_nano: nanos('timeUnixNano'),
    observed_time_unix_nano: nanos('observedTimeUnixNano'),
    time: time('timeUnixNano'),
    observed_time: time('observedTimeUnixNano'),
    severity_number: num('severityNumber'),
    severity_text: str('severityText'),
    body: { keyed: true, get: (o) => (o.body as OValue) ?? null, set: (o, v) => (o.body = clone(v)), sub: { string: { get: (o) => asString((o.body as OValue) ?? null), set: (o, v) => (o.body = expect(v, 'string', isStr)) } } },
    attributes: map('attributes'),
    dropped_attributes_count: num('droppedAttributesCount'),
    flags: num('flags'),
    trace_id: id('traceId', 16),
    span_id: id('spanId', 8),
    event_name: str('eventName'),
  },
  metric: {
    name: str('name'),
    description: str('description'),
    unit: str('unit'),
    type: readOnly((o) => METRIC_TYPE_NUMBER[o.type as keyof typeof METRIC_TYPE_NUMBER] ?? 0n),
    aggregation_temporality: num('aggregationTemporality'),
    is_monotonic: { get: (o) => Boolean(o.isMonotonic), set: (o, v) => (o.isMonotonic = expect(v, 'bool', isBool)) },
    metadata: map('metadata'),
  },
  datapoint: {
    attributes: map('attributes'),
    start_time_unix_nano: nanos('startTimeUnixNano'),
    time_unix_nano: nanos('timeUnixNano'),
    start_time: time('startTimeUnixNano'),
    time: time('timeUnixNano'),
    value_double: { get: (o) => (typeof o.value === 'number' ? o.value : 0), set: (o, v) => (o.value = expect(v, 'float64', isFloat)) },
    value_int: { get: (o) => (typeof o.value === 'bigint' ? o.value : 0n), set: (o, v) => (o.value = expect(v, 'int64', isInt)) },
    flags: num('flags'),
    count: nanos('count'),
    sum: { get: (o) => (o.sum as number) ?? 0, set: (o, v) => (o.sum = expect(v, 'float64', isFloat)) },
    scale: num('scale'),
    zero_count: nanos('zeroCount'),
  },
};

const ITEM: Record<ContextName, keyof Telemetry> = { resource: 'resource', scope: 'scope', span: 'span', spanevent: 'spanEvent', log: 'log', metric: 'metric', datapoint: 'dataPoint' };

/** Getter and setter of a path in `data`; `key` evaluates one key to a string or an int. */
export function accessPath(p: A.PathExpr, main: ContextName, inferred: boolean, data: Telemetry, key: (k: A.Key) => OValue): Accessor {
  const split = splitPath(p, main, inferred);
  if ('message' in split) fail(split.message);
  const { context, fields } = split as Exclude<typeof split, { message: string }>;
  const [first, second] = fields;
  let item: Obj | undefined;
  let field: Field | undefined;
  if (first.name === 'cache' && context === main) {
    item = data as unknown as Obj;
    field = map('cache');
  } else {
    item = data[ITEM[context]] as Obj | undefined;
    if (!item) fail(`there is no ${context} here`);
    field = FIELDS[context][first.name];
  }
  if (!field) fail(`the path ${context}.${first.name} is not simulated`);
  if (second) {
    field = field!.sub?.[second.name];
    if (!field) fail(`the path ${context}.${first.name}.${second.name} is not simulated`);
  }
  const f = field!;
  const o = item!;
  const keys = (second ?? first).keys;
  const setter = (v: OValue) => (f.set ? f.set(o, v) : fail(`${context}.${first.name} cannot be set`));
  if (keys.length === 0) return { get: () => f.get(o), set: setter };
  if (context === 'span' && first.name === 'trace_state') return traceStateKey(o, key(keys[0]));
  return keyed(() => f.get(o), setter, keys.map(key));
}

/** Indexing into maps and lists: `attributes["a"][0]`. Setting creates missing maps on the way. */
function keyed(get: () => OValue, setRoot: (v: OValue) => void, keys: OValue[]): Accessor {
  const step = (cur: OValue, k: OValue): OValue => {
    if (typeof k === 'string') {
      if (isMap(cur)) return cur.get(k) ?? null;
      return cur === null ? null : fail(`type ${typeName(cur)} does not support string indexing`);
    }
    if (typeof k === 'bigint') {
      if (!Array.isArray(cur)) return cur === null ? null : fail(`type ${typeName(cur)} does not support int indexing`);
      if (k < 0n || k >= BigInt(cur.length)) fail(`index ${k} out of bounds`);
      return cur[Number(k)];
    }
    return fail(`a key must be a string or an int, not ${typeName(k)}`);
  };
  return {
    get: () => keys.reduce(step, get()),
    set: (v) => {
      let cur = get();
      if (cur === null && typeof keys[0] === 'string') {
        setRoot(new Map());
        cur = get();
      }
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const last = i === keys.length - 1;
        if (typeof k === 'string' && isMap(cur)) {
          const next = cur.get(k);
          if (last) cur.set(k, clone(v));
          else if (!isMap(next) && !Array.isArray(next)) cur.set(k, (cur = new Map()));
          else cur = next;
        } else if (typeof k === 'bigint' && Array.isArray(cur)) {
          if (k < 0n || k >= BigInt(cur.length)) fail(`index ${k} out of bounds`);
          if (last) cur[Number(k)] = clone(v);
          else cur = cur[Number(k)];
        } else fail(`cannot index ${typeName(cur)} with ${typeName(k)}`);
      }
    },
  };
}

function traceStateKey(o: Obj, k: OValue): Accessor {
  const name = typeof k === 'string' ? k : fail('trace_state indexing type must be a string');
  const entries = () => ((o.traceState as string) ?? '').split(',').map((e) => e.trim()).filter(Boolean).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] as [string, string]);
  return {
    get: () => entries().find(([key]) => key === name)?.[1] ?? '',
    set: (v) => {
      const value = expect(v, 'string', isStr);
      o.traceState = [[name, value], ...entries().filter(([key]) => key !== name)].map(([a, b]) => `${a}=${b}`).join(',');
    },
  };
}
