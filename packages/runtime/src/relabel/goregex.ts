// Go `regexp` semantics on top of re2js: compile errors worded as Go words them,
// submatch indexes, `Expand`, and the `ReplaceAll*` family with Go's rules for
// empty matches. Indexes are UTF-16 offsets into the JS string.

import { RE2JS, type Matcher } from 're2js';

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

export class GoRegexp {
  /** The pattern exactly as compiled. */
  readonly source: string;
  /** Capture group names by index; index 0 and unnamed groups are ''. */
  readonly subexpNames: string[];
  readonly numSubexp: number;
  private readonly re: RE2JS;
  private readonly m: Matcher;
  /** re2js' RE2 object: one pass with captures from position 0. */
  private readonly direct: { findSubmatchIndex(s: string): number[] | null };

  private constructor(source: string, re: RE2JS, renamed?: Map<string, string>) {
    this.source = source;
    this.re = re;
    this.m = re.matcher('');
    this.direct = re.re2() as unknown as { findSubmatchIndex(s: string): number[] | null };
    this.numSubexp = re.groupCount();
    this.subexpNames = new Array<string>(this.numSubexp + 1).fill('');
    const named = re.namedGroups() as Record<string, number>;
    for (const name of Object.keys(named)) this.subexpNames[named[name]] = renamed?.get(name) ?? name;
  }

  /** Compiles `src`; the error text is Go's (`error parsing regexp: …`). */
  static compile(src: string): GoRegexp | { error: string } {
    try {
      return new GoRegexp(src, RE2JS.compile(src));
    } catch (e) {
      const msg = String((e as Error)?.message ?? e);
      // Go accepts several groups with the same name; re2js does not, so rename the repeats.
      if (msg.includes('duplicate capture group name')) {
        const renamed = new Map<string, string>();
        try {
          return new GoRegexp(src, RE2JS.compile(renameDuplicateGroups(src, renamed)), renamed);
        } catch {
          /* fall through to the original error */
        }
      }
      return { error: msg };
    }
  }

  /** Like `compile`, but throws the Go error text. */
  static mustCompile(src: string): GoRegexp {
    const r = GoRegexp.compile(src);
    if (r instanceof GoRegexp) return r;
    throw new Error(r.error);
  }

  /** `MatchString`: is there a match anywhere in `s`. */
  test(s: string): boolean {
    return this.re.test(s);
  }

  /** `FindStringSubmatchIndex` from `from`: pairs of [start, end], -1 for groups that did not take part. */
  findSubmatchIndex(s: string, from = 0): number[] | null {
    if (from === 0) return this.direct.findSubmatchIndex(s);
    const m = this.m;
    m.resetMatcherInput(s);
    if (!m.find(from)) return null;
    const n = this.numSubexp;
    const out = new Array<number>(2 * n + 2);
    out[0] = m.start(0);
    out[1] = m.end(0);
    for (let i = 1; i <= n; i++) {
      out[2 * i] = m.start(i);
      out[2 * i + 1] = m.end(i);
    }
    return out;
  }

  /** `FindStringSubmatch`: the matched texts, '' for groups that did not take part; null without a match. */
  findSubmatch(s: string): string[] | null {
    const idx = this.findSubmatchIndex(s);
    if (!idx) return null;
    const out: string[] = [];
    for (let i = 0; i < idx.length; i += 2) out.push(idx[i] < 0 ? '' : s.slice(idx[i], idx[i + 1]));
    return out;
  }

  /** `FindAllStringSubmatchIndex(s, -1)`: every successive non-overlapping match. */
  findAllSubmatchIndex(s: string): number[][] {
    const out: number[][] = [];
    this.eachMatch(s, (a) => {
      out.push(a);
    });
    return out;
  }

  /** `ReplaceAllString`: `$` references in `repl` are expanded. */
  replaceAll(s: string, repl: string): string {
    return this.replace(s, (a) => this.expand(repl, s, a));
  }

  /** `ReplaceAllLiteralString`. */
  replaceAllLiteral(s: string, repl: string): string {
    return this.replace(s, () => repl);
  }

  /** `Expand`: appends `template` with `$n`, `${name}` and `$$` resolved against `match` in `src`. */
  expand(template: string, src: string, match: number[]): string {
    let out = '';
    let i = 0;
    for (;;) {
      const d = template.indexOf('$', i);
      if (d < 0) break;
      out += template.slice(i, d);
      i = d + 1;
      if (template.charCodeAt(i) === 36 /* $ */) {
        out += '$';
        i++;
        continue;
      }
      const ref = extractRef(template, i);
      if (!ref) {
        out += '$';
        continue;
      }
      i = ref.end;
      if (ref.num >= 0) {
        const g = ref.num;
        if (2 * g + 1 < match.length && match[2 * g] >= 0) out += src.slice(match[2 * g], match[2 * g + 1]);
      } else {
        const names = this.subexpNames;
        for (let g = 1; g < names.length; g++) {
          if (names[g] === ref.name && 2 * g + 1 < match.length && match[2 * g] >= 0) {
            out += src.slice(match[2 * g], match[2 * g + 1]);
            break;
          }
        }
      }
    }
    return out + template.slice(i);
  }

  /** Go's `replaceAll`: an empty match right after a previous match is not replaced. */
  private replace(s: string, repl: (a: number[]) => string): string {
    let out = '';
    let last = 0;
    let pos = 0;
    while (pos <= s.length) {
      const a = this.findSubmatchIndex(s, pos);
      if (!a) break;
      out += s.slice(last, a[0]);
      if (a[1] > last || a[0] === 0) out += repl(a);
      last = a[1];
      const width = pos < s.length ? charWidth(s, pos) : 1;
      if (pos + width > a[1]) pos += width;
      else if (pos + 1 > a[1]) pos++;
      else pos = a[1];
    }
    return out + s.slice(last);
  }

  /** Go's `allMatches`: successive matches; an empty match right after a match is skipped. */
  private eachMatch(s: string, fn: (a: number[]) => void): void {
    let pos = 0;
    let prevEnd = -1;
    while (pos <= s.length) {
      const a = this.findSubmatchIndex(s, pos);
      if (!a) break;
      let accept = true;
      if (a[1] === pos) {
        if (a[0] === prevEnd) accept = false;
        pos += pos < s.length ? charWidth(s, pos) : 1;
      } else pos = a[1];
      prevEnd = a[1];
      if (accept) fn(a);
    }
  }
}

function charWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Parses a `$` reference starting at `i` (just past the `$`): `name` or `{name}`; num is -1 for names. */
function extractRef(t: string, i: number): { name: string; num: number; end: number } | undefined {
  let brace = false;
  if (t.charCodeAt(i) === 123 /* { */) {
    brace = true;
    i++;
  }
  let j = i;
  while (j < t.length) {
    const cp = t.codePointAt(j)!;
    const ch = String.fromCodePoint(cp);
    if (!NAME_CHAR.test(ch)) break;
    j += ch.length;
  }
  if (j === i) return undefined;
  const name = t.slice(i, j);
  if (brace) {
    if (t.charCodeAt(j) !== 125 /* } */) return undefined;
    j++;
  }
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 48 || c > 57 || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (c - 48);
  }
  if (name.charCodeAt(0) === 48 && name.length > 1) num = -1;
  return { name, num, end: j };
}

/** Gives the second and later groups of a repeated name a fresh name, remembered in `renamed`. */
function renameDuplicateGroups(src: string, renamed: Map<string, string>): string {
  const seen = new Set<string>();
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      out += src.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i];
      if (src[i + 1] === ']') out += src[++i];
      continue;
    }
    const m = /^\(\?P?<([^>]*)>/.exec(src.slice(i, i + 300));
    if (m) {
      let name = m[1];
      if (seen.has(name)) {
        const fresh = `dup${renamed.size}_${name}`;
        renamed.set(fresh, name);
        name = fresh;
      }
      seen.add(m[1]);
      out += m[0].slice(0, m[0].length - m[1].length - 1) + name + '>';
      i += m[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** `regexp.QuoteMeta`. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
