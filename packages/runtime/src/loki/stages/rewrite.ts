// Stages that rewrite the line or extracted values: template, replace, output,
// luhn, decolorize.

import type { Block } from '@alloy-lint/parser';
import { byteLength } from '@alloy-lint/gostd';
import { GoRegexp } from '@alloy-lint/gostd/regexp';
import type { BodySpec } from '@alloy-lint/schemas';
import { ConfigError, decodeBody } from '../decode.js';
import { compileTemplate } from '../template/index.js';
import type { BuildEnv, Entry, Stage } from '../types.js';
import { getString } from '../util.js';
import { regexOrThrow } from './extract.js';

/** The extracted map as template data: values that convert to strings, by name. */
function templateData(e: Entry): Map<string, unknown> {
  const td = new Map<string, unknown>();
  for (const [k, v] of e.extracted) {
    const s = getString(v);
    if (s !== undefined) td.set(k, s);
  }
  return td;
}

export function buildTemplate(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const source = v.source as string;
  let tmpl;
  try {
    tmpl = compileTemplate(v.template as string);
  } catch (e) {
    throw new ConfigError(`template: pipeline_template: ${(e as Error).message}`, true);
  }
  if (source === '') throw new ConfigError('template source value is required', true);
  return {
    name: 'template',
    process(e) {
      const td = templateData(e);
      if (td.has(source)) td.set('Value', td.get(source));
      td.set('Entry', e.line);
      let out: string;
      try {
        out = tmpl.execute(td);
      } catch {
        return e;
      }
      if (out === '') e.extracted.delete(source);
      else e.extracted.set(source, out);
      return e;
    },
  };
}

export function buildReplace(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const expression = v.expression as string;
  if (expression === '') throw new ConfigError('expression is required');
  const re = regexOrThrow(expression, 'could not compile regular expression');
  let tmpl;
  try {
    tmpl = compileTemplate((v.replace as string | undefined) ?? '');
  } catch (e) {
    throw new ConfigError(`failed to compile template: template: pipeline_template: ${(e as Error).message}`);
  }
  const source = (v.source as string | undefined) || undefined;
  const named: [number, string][] = [];
  re.subexpNames.forEach((n, i) => {
    if (i > 0 && n) named.push([i, n]);
  });
  return {
    name: 'replace',
    process(e) {
      let input = e.line;
      if (source !== undefined) {
        if (!e.extracted.has(source)) return e;
        const s = getString(e.extracted.get(source));
        if (s === undefined) return e;
        input = s;
      }
      const all = re.findAllSubmatchIndex(input);
      if (all.length === 0) return e;
      const first = re.findSubmatch(input)!;
      const td = templateData(e);
      let result = '';
      let prevEnd = 0;
      const captured = new Map<string, string>();
      try {
        for (const m of all) {
          for (let i = 2; i < m.length; i += 2) {
            if (m[i] === -1) continue;
            const cap = input.slice(m[i], m[i + 1]);
            td.set('Value', cap);
            const st = tmpl.execute(td);
            if (prevEnd === 0 || prevEnd <= m[i]) {
              result += input.slice(prevEnd, m[i]) + st;
              prevEnd = m[i + 1];
            }
            captured.set(cap, st);
          }
        }
      } catch {
        return e;
      }
      result += input.slice(prevEnd);
      if (source !== undefined) e.extracted.set(source, result);
      else e.line = result;
      for (const [i, name] of named) {
        const r = captured.get(first[i]);
        if (r !== undefined) e.extracted.set(name, r);
      }
      return e;
    },
  };
}

export function buildOutput(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const source = v.source as string;
  if (source === '') throw new ConfigError('output source value is required if output is specified');
  return {
    name: 'output',
    process(e) {
      if (!e.extracted.has(source)) return e;
      const s = getString(e.extracted.get(source));
      if (s !== undefined) e.line = s;
      return e;
    },
  };
}

function isLuhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

const INT64_MAX = 9223372036854775807n;

/** strconv.Atoi on a run of digits, then the Luhn check (non-ASCII digits and overflow fail Atoi). */
function luhnNumber(s: string): boolean {
  if (!/^[0-9]+$/.test(s)) return false;
  if (BigInt(s) > INT64_MAX) return false;
  return isLuhn(BigInt(s).toString());
}

const DIGIT = /^\p{Nd}$/u;

export function luhnReplace(input: string, replacement: string, minLength: number, delimiters: string): string {
  let out = '';
  let num = '';
  let raw = '';
  let trailing = '';
  const flush = () => {
    // Go compares the byte length of the digit run.
    const len = byteLength(num);
    if (len >= minLength && luhnNumber(num)) out += replacement + (delimiters ? trailing : '');
    else if (len > 0) out += delimiters ? raw : num;
    num = raw = trailing = '';
  };
  for (const ch of input) {
    if (DIGIT.test(ch)) {
      num += ch;
      raw += ch;
      trailing = '';
    } else if (delimiters && delimiters.includes(ch) && num.length > 0) {
      raw += ch;
      trailing = ch;
    } else {
      flush();
      out += ch;
    }
  }
  flush();
  return out;
}

export function buildLuhn(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  const { v } = decodeBody(block, spec, env);
  const replacement = (v.replacement as string | undefined) || '**REDACTED**';
  let minLength = (v.min_length as number | undefined) ?? 0;
  if (minLength < 1) minLength = 13;
  const source = v.source as string | undefined;
  if (source === '') throw new ConfigError('empty source');
  const delimiters = (v.delimiters as string | undefined) ?? '';
  return {
    name: 'luhn',
    process(e) {
      let input = e.line;
      if (source !== undefined) {
        const val = e.extracted.get(source);
        if (typeof val !== 'string') return e;
        input = val;
      }
      e.line = luhnReplace(input, replacement, minLength, delimiters);
      return e;
    },
  };
}

// ANSI escape sequences: an ESC or CSI introducer, optional intermediate
// characters, then either an OSC-style run ending in BEL or a CSI parameter
// list ending in a final byte.
const ANSI_INTRO = '[\u001B\u009B]';
const ANSI_INTERMEDIATE = '[[\\]()#;?]*';
const ANSI_OSC = '(?:(?:[a-zA-Z\\d]*(?:;[a-zA-Z\\d]*)*)?\u0007)';
const ANSI_CSI = '(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PRZcf-ntqry=><~])';
const ANSI = GoRegexp.mustCompile(`${ANSI_INTRO}${ANSI_INTERMEDIATE}(?:${ANSI_OSC}|${ANSI_CSI})`);

export function buildDecolorize(block: Block, env: BuildEnv, spec: BodySpec): Stage {
  decodeBody(block, spec, env);
  return {
    name: 'decolorize',
    process(e) {
      if (e.line.includes('\u001b') || e.line.includes('\u009b')) e.line = ANSI.replaceAllLiteral(e.line, '');
      return e;
    },
  };
}
