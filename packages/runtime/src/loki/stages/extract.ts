// Parsing stages that fill the extracted map: json, regex, logfmt, pattern.

import { type Block, MAX_DEPTH } from '@alloy-lint/parser';
import { compile as compileJmes, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import { decodeLogfmt } from '@alloy-lint/gostd';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import type { BodySpec } from '@alloy-lint/schemas';
import { ConfigError, decodeBody } from '../decode.js';
import { compilePattern } from '../pattern.js';
import type { BuildEnv, Entry, Stage } from '../types.js';
import { getString, goJsonMarshal, validLabelName, validLabelValue } from '../util.js';


/** The text a stage parses: the line, or the extracted value named by `source` (undefined: skip). */
export function inputOf(e: Entry, source: string | undefined): string | undefined {
  if (source === undefined) return e.line;
  if (!e.extracted.has(source)) return undefined;
  return getString(e.extracted.get(source));
}

/** Compiles a user regex with Go's rules, throwing `prefix: <Go error>`. */
export function regexOrThrow(src: string, prefix?: string): GoRegexp {
  const r = GoRegexp.compile(src);
  if (r instanceof GoRegexp) return r;
  throw new ConfigError(prefix ? `${prefix}: ${r.error}` : r.error);
}

/**
 * Operators of a JMESPath expression outside its literals. The library's parser and
 * interpreter recurse once per operator, so this bounds their depth.
 */
function jmesOperators(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if ('.|&[({!'.includes(c)) n++;
  }
  return n;
}

/** Field names when the expression is a plain `a.b.c` chain (evaluated without the interpreter). */
function fieldPath(node: ReturnType<typeof compileJmes>): string[] | undefined {
  const n = node as { type: string; name?: string; left?: unknown; right?: unknown };
  if (n.type === 'Field') return [n.name!];
  if (n.type === 'Subexpression') {
    const l = fieldPath(n.left as ReturnType<typeof compileJmes>);
    const r = fieldPath(n.right as ReturnType<typeof compileJmes>);
    return l && r ? [...l, ...r] : undefined;
  }
  return undefined;
}

/** JMESPath field access: a missing field, or a field of a non-object, is null. */
function lookupPath(data: unknown, path: string[]): unknown {
  let v = data;
  for (const f of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, f)) return null;
    v = (v as Record<string, unknown>)[f];
  }
  return v;
}

/** The json stage keeps numbers, strings, bools and null; anything else becomes its JSON text. */
function simplify(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'number' || t === 'string' || t === 'boolean') return v;
  return goJsonMarshal(v);
}

export function buildJson(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const expressions = (v.expressions ?? {}) as Record<string, string | null>;
  const regexText = (v.regex as string | undefined) ?? '';
  const names = Object.keys(expressions);
  if (names.length === 0 && regexText === '') throw new ConfigError('JMES expressions or regex is required');
  const source = v.source as string | undefined;
  if (source === '') throw new ConfigError('empty source');
  const compiled = names.map((name) => {
    const text = expressions[name] || name;
    if (jmesOperators(text) > MAX_DEPTH) throw new ConfigError(`could not compile JMES expression: more than ${MAX_DEPTH} operators (the nesting limit)`);
    try {
      const node = compileJmes(text);
      return { name, node, path: fieldPath(node) };
    } catch (err) {
      throw new ConfigError(`could not compile JMES expression: ${(err as Error).message}`);
    }
  });
  const regex = regexText ? regexOrThrow(regexText) : undefined;
  const dropMalformed = v.drop_malformed === true;
  return {
    name: 'json',
    process(e, ctx) {
      const input = inputOf(e, source);
      if (input === undefined) return e;
      let data: unknown;
      try {
        data = JSON.parse(input);
      } catch {
        data = undefined;
      }
      if (data === undefined || (data !== null && (typeof data !== 'object' || Array.isArray(data)))) {
        if (!dropMalformed) return e;
        ctx.dropped = 'malformed json';
        return null;
      }
      for (const { name, node, path } of compiled) {
        let r: unknown;
        if (path) r = lookupPath(data, path);
        else {
          try {
            r = TreeInterpreter.search(node, data as JSONValue);
          } catch {
            continue;
          }
        }
        e.extracted.set(name, simplify(r));
      }
      if (regex && data) {
        for (const key of Object.keys(data)) if (regex.test(key)) e.extracted.set(key, simplify((data as Record<string, unknown>)[key]));
      }
      return e;
    },
  };
}

/** Named groups go to the extracted map (and labels with labels_from_groups). */
export function buildRegex(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const expression = v.expression as string;
  if (expression === '') throw new ConfigError('expression is required');
  const source = v.source as string | undefined;
  if (source === '') throw new ConfigError('empty source');
  const re = regexOrThrow(expression, 'could not compile regular expression');
  const labelsFromGroups = v.labels_from_groups === true;
  const groups: [number, string][] = [];
  re.subexpNames.forEach((n, i) => {
    if (i > 0 && n !== '') groups.push([i, n]);
  });
  return {
    name: 'regex',
    process(e) {
      const input = inputOf(e, source);
      if (input === undefined) return e;
      const m = re.findSubmatchIndex(input);
      if (!m) return e;
      for (const [i, name] of groups) {
        const val = m[2 * i] < 0 ? '' : input.slice(m[2 * i], m[2 * i + 1]);
        e.extracted.set(name, val);
        if (labelsFromGroups && validLabelName(name) && validLabelValue(val)) e.labels.set(name, val);
      }
      return e;
    },
  };
}

export function buildLogfmt(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const mapping = (v.mapping ?? {}) as Record<string, string | null>;
  const regexText = (v.regex as string | undefined) ?? '';
  if (Object.keys(mapping).length === 0 && regexText === '') throw new ConfigError('logfmt mapping or regex is required');
  const inverse = new Map<string, string>();
  for (const k of Object.keys(mapping)) inverse.set(mapping[k] || k, k);
  const regex = regexText ? regexOrThrow(regexText) : undefined;
  const source = (v.source as string | undefined) || undefined;
  return {
    name: 'logfmt',
    process(e) {
      const input = inputOf(e, source);
      if (input === undefined) return e;
      decodeLogfmt(input, (key, value) => {
        const to = inverse.get(key);
        if (to !== undefined) e.extracted.set(to, value);
        if (regex && regex.test(key)) e.extracted.set(key, value);
      });
      return e;
    },
  };
}

export function buildPattern(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const pattern = v.pattern as string;
  if (pattern === '') throw new ConfigError('pattern is required');
  const source = v.source as string | undefined;
  if (source === '') throw new ConfigError('empty source');
  const m = compilePattern(pattern);
  if ('error' in m) throw new ConfigError(`failed to parse pattern: ${m.error}`);
  const labelsFromGroups = v.labels_from_groups === true;
  return {
    name: 'pattern',
    process(e) {
      const input = inputOf(e, source);
      if (input === undefined) return e;
      const caps = m.match(input);
      if (!caps) return e;
      for (let i = 0; i < caps.length; i++) {
        e.extracted.set(m.names[i], caps[i]);
        if (labelsFromGroups && validLabelValue(caps[i])) e.labels.set(m.names[i], caps[i]);
      }
      return e;
    },
  };
}
