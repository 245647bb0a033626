/**
 * Editor facts about Alloy's standard library: parameter names and a one-line summary per
 * function (our words). Which names exist, their deprecation and experimental status, and
 * their Go signatures come from the values package; parameter types are read from those
 * signatures.
 */
import { DEPRECATED_IDENTIFIERS, EXPERIMENTAL_IDENTIFIERS, stdlibLookup, STDLIB_IDENTIFIERS } from '@alloy-lint/values';

export interface StdlibFunction {
  /** Full name: `string.format`. */
  name: string;
  params: { name: string; type: string }[];
  variadic: boolean;
  returns: string;
  summary: string;
  deprecated: boolean;
  experimental: boolean;
  docs: string;
}

/** Parameter names (a trailing `...` marks a variadic one), types where the Go signature lacks them, summary. */
const DOCS: Record<string, [params: string, summary: string, rawTypes?: string]> = {
  'array.concat': ['arrays...', 'Joins arrays into one array.', 'list(any)... → list(any)'],
  'array.combine_maps': ['left, right, conditions, passthrough', 'Joins two lists of maps on keys that hold equal values (like a SQL inner join; with passthrough, a left join).', 'list(map(any)), list(map(any)), list(string), bool → list(map(any))'],
  'array.group_by': ['list, key, drop_missing', 'Groups a list of maps by the value of one key.', 'list(map(any)), string, bool → list(map(any))'],
  coalesce: ['values...', 'The first argument that is not null, zero or empty; else the last one.', 'any... → any'],
  'convert.nonsensitive': ['secret', 'Turns a secret into a plain string (the value then shows in the UI and logs).'],
  'encoding.from_base64': ['text', 'Decodes standard base64 text.'],
  'encoding.from_URLbase64': ['text', 'Decodes URL-safe base64 text.'],
  'encoding.from_json': ['text', 'Decodes a JSON document into an Alloy value.'],
  'encoding.from_yaml': ['text', 'Decodes a YAML document into an Alloy value.'],
  'encoding.to_base64': ['text', 'Encodes text as standard base64.'],
  'encoding.to_URLbase64': ['text', 'Encodes text as URL-safe base64.'],
  'encoding.to_json': ['value', 'Encodes a value as JSON text.'],
  'encoding.url_encode': ['text', 'Escapes text for use in a URL query.'],
  'encoding.url_decode': ['text', 'Reverses URL query escaping.'],
  'file.path_join': ['elements...', 'Joins path elements with the OS separator and cleans the result.'],
  json_path: ['json, path', 'Evaluates a JSONPath expression on a JSON document; returns a list of matches.'],
  'string.format': ['format, args...', 'Formats values with printf-style verbs (%s, %d, %q, %v, ...).'],
  'string.join': ['list, separator', 'Joins a list of strings with a separator.'],
  'string.replace': ['text, old, new', 'Replaces every occurrence of old with new.'],
  'string.split': ['text, separator', 'Splits text at every occurrence of the separator.'],
  'string.to_lower': ['text', 'Lower-cases text.'],
  'string.to_upper': ['text', 'Upper-cases text.'],
  'string.trim': ['text, cutset', 'Removes leading and trailing characters that are in cutset.'],
  'string.trim_prefix': ['text, prefix', 'Removes a leading prefix, if present.'],
  'string.trim_suffix': ['text, suffix', 'Removes a trailing suffix, if present.'],
  'string.trim_space': ['text', 'Removes leading and trailing white space.'],
  'sys.env': ['name', 'The value of an environment variable of the Alloy process ("" when unset).'],
};

const DOCS_BASE = 'https://grafana.com/docs/alloy/latest/reference/stdlib/';

const GO_TYPES: Record<string, string> = {
  string: 'string',
  'interface {}': 'any',
  '[]string': 'list(string)',
  'alloytypes.Secret': 'secret',
  '[]uint8': 'string',
  '[]interface {}': 'list(any)',
};

function goType(t: string): string {
  return GO_TYPES[t.trim().replace(/^\.\.\./, '')] ?? 'any';
}

/** `func(string, ...interface {}) (string, error)` → param and result types. */
function fromGoSig(sig: string): { params: string[]; returns: string } | undefined {
  const m = /^func\((.*?)\)\s*(.*)$/.exec(sig);
  if (!m) return undefined;
  const params = m[1] ? m[1].split(',').map(goType) : [];
  const res = m[2].replace(/^\((.*), error\)$/, '$1');
  return { params, returns: goType(res) };
}

function build(name: string): StdlibFunction | undefined {
  const canonical = canonicalName(name);
  const doc = DOCS[canonical];
  if (!doc) return undefined;
  const [paramText, summary, raw] = doc;
  const names = paramText.split(',').map((p) => p.trim());
  const variadic = names.at(-1)?.endsWith('...') ?? false;
  let types: string[] = [];
  let returns = 'any';
  const fn = lookup(name);
  const go = fn && fn.t === 'function' ? fromGoSig(fn.sig) : undefined;
  if (go) {
    types = go.params;
    returns = go.returns;
  } else if (raw) {
    const [p, r] = raw.split(' → ');
    types = p.split(',').map((x) => x.trim().replace(/\.\.\.$/, ''));
    returns = r;
  }
  const namespace = canonical.includes('.') ? canonical.split('.')[0] : canonical;
  return {
    name,
    params: names.map((n, i) => ({ name: n.replace(/\.\.\.$/, ''), type: types[i] ?? 'any' })),
    variadic,
    returns,
    summary,
    deprecated: DEPRECATED_IDENTIFIERS.has(name),
    experimental: EXPERIMENTAL_IDENTIFIERS.has(name),
    docs: `${DOCS_BASE}${namespace}/`,
  };
}

function lookup(name: string) {
  const [head, ...rest] = name.split('.');
  let v = stdlibLookup(head);
  for (const r of rest) v = v && v.t === 'object' ? v.v.get(r) : undefined;
  return v;
}

/** Deprecated top-level aliases resolve to the namespaced function of the same value. */
function canonicalName(name: string): string {
  if (DOCS[name]) return name;
  const v = lookup(name);
  if (!v) return name;
  for (const full of Object.keys(DOCS)) if (lookup(full) === v) return full;
  return name;
}

let all: StdlibFunction[] | undefined;

/** Every stdlib function, deprecated aliases included. */
export function stdlibFunctions(): StdlibFunction[] {
  if (!all) {
    const names: string[] = [];
    for (const top of STDLIB_IDENTIFIERS) {
      const v = stdlibLookup(top);
      if (v?.t === 'function') names.push(top);
      else if (v?.t === 'object' && top !== 'constants') for (const k of v.v.keys()) names.push(`${top}.${k}`);
    }
    all = names.map(build).filter((f): f is StdlibFunction => f !== undefined);
  }
  return all;
}

export function stdlibFunction(name: string): StdlibFunction | undefined {
  return stdlibFunctions().find((f) => f.name === name);
}

/** `string.format(format: string, args: any...) → string` */
export function signatureText(f: StdlibFunction): string {
  const ps = f.params.map((p, i) => `${p.name}: ${p.type}${f.variadic && i === f.params.length - 1 ? '...' : ''}`);
  return `${f.name}(${ps.join(', ')}) → ${f.returns}`;
}

/** Fields of `constants`. */
export const CONSTANTS = [
  { name: 'hostname', summary: 'Hostname of the machine Alloy runs on.' },
  { name: 'os', summary: 'Operating system Alloy runs on (Go GOOS).' },
  { name: 'arch', summary: 'Processor architecture Alloy runs on (Go GOARCH).' },
  { name: 'version', summary: 'Version of Alloy.' },
];
