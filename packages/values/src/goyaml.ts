// gopkg.in/yaml.v3 Unmarshal into interface{}: the `yaml` package parses, and
// scalars are resolved with yaml.v3's rules (ints stay ints, timestamps become
// time.Time, maps with non-string keys become opaque capsules).

import { Alias, isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { GoError, parseFloat64, parseInt64, parseUint64 as parseUint, quote } from '@alloy-lint/gostd';
import { MAX_DEPTH } from '@alloy-lint/parser';
import { NULL, array, bool, capsule, float64, number, object, string, type Value } from './value.js';
import { yamlRefusal } from './yaml-guard.js';

type Resolved = { tag: string; value: Value };

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

const SPECIAL: Record<string, Resolved> = {};
for (const s of ['true', 'True', 'TRUE']) SPECIAL[s] = { tag: '!!bool', value: bool(true) };
for (const s of ['false', 'False', 'FALSE']) SPECIAL[s] = { tag: '!!bool', value: bool(false) };
for (const s of ['', '~', 'null', 'Null', 'NULL']) SPECIAL[s] = { tag: '!!null', value: NULL };
for (const s of ['.nan', '.NaN', '.NAN']) SPECIAL[s] = { tag: '!!float', value: float64(NaN) };
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) SPECIAL[s] = { tag: '!!float', value: float64(Infinity) };
for (const s of ['-.inf', '-.Inf', '-.INF']) SPECIAL[s] = { tag: '!!float', value: float64(-Infinity) };
SPECIAL['<<'] = { tag: '!!merge', value: string('<<') };

function intValue(v: bigint): Value {
  return number('int', v);
}

function tryInt(plain: string, base: number, prefixLen: number, neg: boolean): Value | undefined {
  const digits = (neg ? '-' : '') + plain.slice(prefixLen + (neg ? 1 : 0));
  try {
    return intValue(parseInt64(digits, base));
  } catch {
    if (neg) return undefined;
    try {
      return number('uint64', parseUint(plain.slice(prefixLen), base));
    } catch {
      return undefined;
    }
  }
}

/** yaml.v3's resolve(): the tag and value of a scalar. */
export function resolveScalar(tag: string, input: string): Resolved {
  const short = shortTag(tag);
  const resolvable = short === '' || short === '!!str' || short === '!!bool' || short === '!!int' || short === '!!float' || short === '!!null' || short === '!!timestamp';
  if (!resolvable) return { tag: short, value: string(input) };
  const r = resolvePlain(short, input);
  if (short === '' || short === r.tag || short === '!!str') return r;
  if (short === '!!float' && r.tag === '!!int' && r.value.t === 'number') return { tag: '!!float', value: float64(Number(r.value.v)) };
  throw new GoError(`yaml: cannot decode ${r.tag} \`${input}\` as a ${short}`);
}

function hintOf(c: string | undefined): string {
  if (c === undefined) return 'N';
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

function resolvePlain(tag: string, input: string): Resolved {
  const hint = input === '' ? 'N' : hintOf(input[0]);
  if (hint !== '' && tag !== '!!str' && tag !== '!!binary') {
    const special = SPECIAL[input];
    if (special) return special;
    if (hint === '.') {
      try {
        return { tag: '!!float', value: float64(parseFloat64(input)) };
      } catch {
        // not a float
      }
    } else if (hint === 'D' || hint === 'S') {
      if (tag === '' || tag === '!!timestamp') {
        const t = parseTimestamp(input);
        if (t !== undefined) return { tag: '!!timestamp', value: { t: 'string', v: t, go: 'time.Time' } };
      }
      const plain = input.replace(/_/g, '');
      try {
        return { tag: '!!int', value: intValue(parseInt64(plain, 0)) };
      } catch {
        // next
      }
      try {
        return { tag: '!!int', value: number('uint64', parseUint(plain, 0)) };
      } catch {
        // next
      }
      if (YAML_FLOAT.test(plain)) {
        try {
          return { tag: '!!float', value: float64(parseFloat64(plain)) };
        } catch {
          // next
        }
      }
      let v: Value | undefined;
      if (plain.startsWith('0b')) v = tryInt(plain, 2, 2, false);
      else if (plain.startsWith('-0b')) v = tryInt(plain, 2, 2, true);
      else if (plain.startsWith('0o')) v = tryInt(plain, 8, 2, false);
      else if (plain.startsWith('-0o')) v = tryInt(plain, 8, 2, true);
      if (v) return { tag: '!!int', value: v };
    }
  }
  return { tag: '!!str', value: string(input) };
}

function shortTag(tag: string): string {
  if (tag === '!') return '';
  const long = 'tag:yaml.org,2002:';
  return tag.startsWith(long) ? '!!' + tag.slice(long.length) : tag;
}

const TS = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| +)(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?(?:\s*(Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

/** yaml.v3 timestamps, rendered as time.Time's MarshalText (RFC 3339 with nanoseconds). */
function parseTimestamp(s: string): string | undefined {
  const m = TS.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  // Go's layouts: "2006-1-2T15:4:5.999999999Z07:00" (zone required), "2006-1-2 15:4:5.999999999", "2006-1-2".
  if (h !== undefined) {
    const sepT = /\d[Tt]\d/.test(s);
    if (sepT && zone === undefined) return undefined;
    if (!sepT && (zone !== undefined || !/^\d{4}-\d{1,2}-\d{1,2} \d/.test(s))) return undefined;
    if (zone !== undefined && zone !== 'Z' && !/^[+-]\d{2}:\d{2}$/.test(zone)) return undefined;
    if (/\s/.test(s.slice(s.indexOf(sec)))) return undefined;
  }
  const pad = (x: string | undefined, n: number) => (x ?? '0').padStart(n, '0');
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(sec ?? 0) > 59) return undefined;
  let out = `${y}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}`;
  const f = (frac ?? '').slice(0, 9).replace(/0+$/, '');
  if (f) out += '.' + f;
  out += zone === undefined || zone === 'Z' || zone === '+00:00' ? 'Z' : zone;
  return out;
}

const MAX_KEY_ERRORS = 1000;

/** yaml.v3's allowedAliasRatio: how much of a document may come from expanding aliases. */
function allowedAliasRatio(decodes: number): number {
  if (decodes <= 400_000) return 0.99;
  if (decodes >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodes - 400_000) / 3_600_000);
}

/** Each alias's anchored node, found in one pass in document order (the `yaml` package searches the whole document per alias). */
function anchorTargets(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const out = new Map<Alias, Node>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) {
      const t = anchors.get(n.source);
      if (t) out.set(n, t);
      continue;
    }
    if (!isScalar(n) && !isSeq(n) && !isMap(n)) continue;
    if (n.anchor) anchors.set(n.anchor, n as Node);
    if (isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    else if (isMap(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) {
        const p = n.items[i] as Pair;
        stack.push(p.value, p.key);
      }
    }
  }
  return out;
}

class Decoder {
  readonly errors: string[] = [];
  private readonly targets: Map<Alias, Node>;
  /** Aliases being expanded (a cycle is an error), nodes decoded, and how many through an alias. */
  private readonly expanding = new Set<Alias>();
  private decodes = 0;
  private aliased = 0;
  private depth = 0;
  constructor(
    readonly doc: Document,
    readonly lines: LineCounter,
  ) {
    this.targets = anchorTargets(doc);
  }

  line(node: Node | Alias | null | undefined): number {
    const r = node?.range;
    return r ? this.lines.linePos(r[0]).line : 0;
  }

  node(n: unknown): Value {
    if (n === null || n === undefined) return NULL;
    this.decodes++;
    if (this.expanding.size > 0) this.aliased++;
    if (this.aliased > 100 && this.decodes > 1000 && this.aliased / this.decodes > allowedAliasRatio(this.decodes)) {
      throw new GoError('yaml: document contains excessive aliasing');
    }
    // Aliases nest documents inside documents: the depth is bounded here as the text's was before parsing.
    if (++this.depth > MAX_DEPTH) throw new GoError(`yaml: exceeded max depth of ${MAX_DEPTH}`);
    try {
      return this.decode(n);
    } finally {
      this.depth--;
    }
  }

  private decode(n: unknown): Value {
    if (isAlias(n)) {
      const target = this.targets.get(n);
      if (!target) throw new GoError(`yaml: unknown anchor '${n.source}' referenced`);
      if (this.expanding.has(n)) throw new GoError(`yaml: anchor '${n.source}' value contains itself`);
      this.expanding.add(n);
      try {
        return this.node(target);
      } finally {
        this.expanding.delete(n);
      }
    }
    if (isScalar(n)) {
      const quoted = n.type !== undefined && n.type !== 'PLAIN';
      const raw = typeof n.value === 'string' ? n.value : n.value === null ? '' : String(n.value);
      if (quoted && (!n.tag || n.tag === '!')) return string(raw);
      return resolveScalar(n.tag ?? '', raw).value;
    }
    if (isSeq(n)) return array(n.items.map((i) => this.node(i)), '[]interface {}');
    if (isMap(n)) return this.map(n.items as Pair[]);
    return NULL;
  }

  private keyTag(k: unknown): string {
    if (k === null || k === undefined) return '!!null';
    if (isAlias(k)) return this.keyTag(this.targets.get(k));
    if (isScalar(k)) {
      const quoted = k.type !== undefined && k.type !== 'PLAIN';
      if (shortTag(k.tag ?? '') === '!!str' || (quoted && (!k.tag || k.tag === '!'))) return '!!str';
      try {
        return resolveScalar(k.tag ?? '', String(k.value ?? '')).tag;
      } catch {
        return k.tag ?? '';
      }
    }
    if (isSeq(k)) return '!!seq';
    return '!!map';
  }

  private map(items: Pair[]): Value {
    // Duplicate keys (same raw text) are reported like yaml.v3 does.
    const before = this.errors.length;
    // yaml.v3 reports every pair of equal keys, in order; grouping the keys finds them in
    // linear time, and past MAX_KEY_ERRORS the report stops growing.
    const groups = new Map<string, Scalar[]>();
    const keys: (Scalar | undefined)[] = items.map((p) => {
      const k = p.key as Node | null;
      if (!isScalar(k)) return undefined;
      const text = String(k.value ?? '');
      const g = groups.get(text);
      if (g) g.push(k);
      else groups.set(text, [k]);
      return k;
    });
    const seenIn = new Map<Scalar[], number>();
    for (const ki of keys) {
      if (!ki) continue;
      const g = groups.get(String(ki.value ?? ''))!;
      const at = seenIn.get(g) ?? 0;
      seenIn.set(g, at + 1);
      for (let j = at + 1; j < g.length && this.errors.length - before < MAX_KEY_ERRORS; j++) {
        this.errors.push(`line ${this.line(g[j])}: mapping key ${quote(String(g[j].value ?? ''))} already defined at line ${this.line(ki)}`);
      }
    }
    if (this.errors.length > before) return NULL;
    const stringKeys = items.every((p) => {
      const t = this.keyTag(p.key);
      return t === '!!str' || t === '!!merge';
    });
    const out = new Map<string, Value>();
    let merge: unknown;
    for (const p of items) {
      if (isMergeKey(p.key)) {
        merge = p.value;
        continue;
      }
      const key = this.node(p.key);
      out.set(keyString(key), this.node(p.value));
    }
    if (merge !== undefined) {
      const sources = isSeq(merge) ? merge.items : [merge];
      for (const s of sources) {
        const m = this.node(s);
        if (m.t === 'object') for (const [k, v] of m.v) if (!out.has(k)) out.set(k, v);
      }
    }
    if (!stringKeys) return capsule('map[interface {}]interface {}', out);
    return object(out);
  }
}

/** yaml.v3's isMerge: a plain `<<` key without a tag (or with !!merge). */
function isMergeKey(k: unknown): boolean {
  if (!isScalar(k) || String(k.value) !== '<<') return false;
  const tag = k.tag ?? '';
  return (k.type === 'PLAIN' || k.type === undefined) && (tag === '' || tag === '!' || shortTag(tag) === '!!merge');
}

function keyString(k: Value): string {
  switch (k.t) {
    case 'string':
      return k.v;
    case 'null':
      return '<nil>';
    case 'number':
    case 'bool':
      return String(k.v);
    default:
      return JSON.stringify(k);
  }
}

function problemLine(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** yaml.v3-style parse error text for the first problem the `yaml` package found. */
function parseError(text: string, code: string, offset: number, message: string): string {
  const eofLine = problemLine(text, text.length) + (text.endsWith('\n') || text === '' ? 0 : 1);
  const at = problemLine(text, offset);
  const where = (line: number) => (line !== 0 ? `line ${line}: ` : '');
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: ${where(at === 0 ? 0 : at + 1)}mapping values are not allowed in this context`;
    case 'MISSING_CHAR': {
      if (/quote/.test(message)) return `yaml: ${where(eofLine)}found unexpected end of stream`;
      return `yaml: ${where(eofLine)}did not find expected node content`;
    }
    case 'BAD_INDENT':
      return `yaml: ${where(at)}did not find expected key`;
    case 'TAB_AS_INDENT':
      return `yaml: ${where(at === 0 ? 0 : at + 1)}found character that cannot start any token`;
    default:
      return `yaml: ${where(at)}${message.replace(/ at line \d+, column \d+:[\s\S]*$/, '')}`;
  }
}

/** yaml.v3's Unmarshal into interface{}; throws GoError with yaml.v3-style messages. */
export function yamlDecode(text: string): Value {
  const refused = yamlRefusal(text);
  if (refused) throw new GoError(refused);
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, lineCounter: lines, strict: false });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (!doc) return NULL;
  const err = doc.errors[0];
  if (err) throw new GoError(parseError(text, err.code, err.pos[0], err.message));
  const d = new Decoder(doc, lines);
  const v = d.node(doc.contents);
  if (d.errors.length) throw new GoError(`yaml: unmarshal errors:\n  ${d.errors.join('\n  ')}`);
  return v;
}
