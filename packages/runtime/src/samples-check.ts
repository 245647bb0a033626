// Checks parsed samples data (samples.schema.json) and pipeline test files
// (pipeline-test.schema.json) with ajv, and words ajv's errors as `path: message`
// (`logs.loki.source.file.app[0].timestamp: expected an RFC 3339 time`).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import testSchema from '../pipeline-test.schema.json' with { type: 'json' };
import schema from '../samples.schema.json' with { type: 'json' };

const SCHEMAS = [schema, testSchema];

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => void;

let ajv: Ajv2020 | undefined;
function compiler(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date-time']);
    for (const s of SCHEMAS) ajv.addSchema(s);
  }
  return ajv;
}

let byObject: Map<object, string> | undefined;
/** The `$id#pointer` of every object and array of the schemas (ajv's errors carry the objects). */
function pointers(): Map<object, string> {
  if (!byObject) {
    byObject = new Map();
    const walk = (v: unknown, at: string) => {
      if (typeof v !== 'object' || v === null) return;
      byObject!.set(v, at);
      for (const [k, x] of Object.entries(v)) walk(x, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    };
    for (const s of SCHEMAS) walk(s, `${s.$id}#`);
  }
  return byObject;
}

/** The validator of the schema at `ref` (`<$id>#/$defs/entry`). */
function validatorAt(ref: string): ValidateFunction {
  const v = compiler().getSchema(ref);
  if (!v) throw new Error(`no schema at ${ref}`);
  return v;
}

/** `/logs/loki.source.file.app/0/timestamp` → `logs.loki.source.file.app[0].timestamp`. */
function where(pointer: string, top: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return path || top;
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v);
const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean' };
const typeNames = (t: unknown): string[] => (Array.isArray(t) ? t : [t]).map((x) => TYPE_NAMES[String(x)] ?? String(x));
const orList = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}` : xs[0]);

function message(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties': {
      const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
      return `unknown key ${JSON.stringify(e.params.additionalProperty)}${known.length ? ` (expected one of ${known.join(', ')})` : ''}`;
    }
    case 'required':
      return `missing ${JSON.stringify(e.params.missingProperty)}`;
    case 'type':
      return `expected ${orList(typeNames(e.params.type))}, got ${kind(e.data)}`;
    case 'enum':
      return `expected one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(e.data)}`;
    case 'pattern': {
      const d = (e.parentSchema as { description?: string } | undefined)?.description;
      return d ? `expected ${d}, got ${JSON.stringify(e.data)}` : `expected text matching /${e.params.pattern}/, got ${JSON.stringify(e.data)}`;
    }
    case 'format':
      return e.params.format === 'date-time' ? `expected an RFC 3339 time, got ${JSON.stringify(e.data)}` : `expected ${e.params.format}`;
    default:
      return e.message ?? e.keyword;
  }
}

/**
 * The errors to show for `data` against the schema at `pointer`. Where the schema offers
 * alternatives (`anyOf`, `oneOf`: an entry is a line or a mapping), ajv reports every branch's
 * errors; the branch whose type fits the data and that it misses least is explained instead, or,
 * when no branch's type fits, one error names the types that would.
 */
function explain(data: unknown, pointer: string, base: string): ErrorObject[] {
  const validate = validatorAt(pointer);
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).map((e) => ({ ...e, instancePath: base + e.instancePath }));
  // Outermost first: shallower data, then (ajv reports an alternative after what failed inside it) later errors.
  const alternatives = errors
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.e.instancePath.length - b.e.instancePath.length || b.i - a.i)
    .map(({ e }) => e);
  let out = errors;
  const done: string[] = [];
  for (const alt of alternatives) {
    const at = alt.instancePath;
    if (done.some((d) => at === d || at.startsWith(`${d}/`))) continue;
    done.push(at);
    const under = (e: ErrorObject) => e.instancePath === at || e.instancePath.startsWith(`${at}/`);
    const path = pointers().get(alt.schema as object);
    if (path === undefined) continue;
    const branches = (alt.schema as unknown[]).map((_, i) => explain(alt.data, `${path}/${i}`, at));
    if (branches.some((b) => b.length === 0)) continue; // several branches fit (oneOf): ajv's message stands
    const fits = branches.filter((b) => !b.some((e) => e.keyword === 'type' && e.instancePath === at));
    const best = fits.sort((a, b) => a.length - b.length)[0];
    const types = branches.flatMap((b) => b.filter((e) => e.keyword === 'type' && e.instancePath === at).flatMap((e) => [e.params.type].flat()));
    out = [...out.filter((e) => !under(e)), ...(best ?? [{ ...alt, keyword: 'type', params: { type: [...new Set(types)] } }])];
  }
  return out;
}

/** The problems of `data` against a schema, each `path: message`; empty when it fits. */
function check(data: unknown, id: string, top: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const errors = explain(data, `${id}#`, '').sort((a, b) => a.instancePath.localeCompare(b.instancePath, 'en', { numeric: true }));
  for (const e of errors) {
    const line = `${where(e.instancePath, top)}: ${message(e)}`;
    if (!seen.has(line)) out.push(line);
    seen.add(line);
  }
  return out;
}

/** The problems of parsed samples data, each `path: message`; empty when it fits the schema. */
export const checkSamples = (data: unknown): string[] => check(data, schema.$id as string, 'samples');

/** The problems of a parsed pipeline test file (unknown keys, wrong types), each `path: message`. */
export const checkPipelineTestShape = (data: unknown): string[] => check(data, testSchema.$id as string, 'test');
