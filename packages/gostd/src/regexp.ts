// regexp on top of re2js (RE2 semantics: linear time): Go's syntax (several groups may
// share a name), compile errors worded as Go words them, submatch indexes, Expand, and the
// Find/ReplaceAll families with Go's rules for empty matches. Indexes are UTF-16 offsets.

import { RE2JS, type Matcher } from 're2js';
import { GoError } from './errors.js';
import { expandTemplate, renameDuplicateGroups } from './regexp-syntax.js';
import { quote } from './strconv-quote.js';
import { charWidth } from './utf8.js';

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

  /** regexp.MustCompile: throws GoError(`regexp: Compile("…"): error parsing regexp: …`). */
  static mustCompile(src: string): GoRegexp {
    const r = GoRegexp.compile(src);
    if (r instanceof GoRegexp) return r;
    throw new GoError(`regexp: Compile(${quote(src)}): ${r.error}`);
  }

  /** SubexpIndex: the index of the first group named `name`, or -1. */
  subexpIndex(name: string): number {
    return name === '' ? -1 : this.subexpNames.indexOf(name);
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

  /** `FindAllStringSubmatchIndex(s, n)`: successive non-overlapping matches, at most `n` (all when n < 0). */
  findAllSubmatchIndex(s: string, n = -1): number[][] {
    const out: number[][] = [];
    if (n === 0) return out;
    this.eachMatch(s, (a) => {
      out.push(a);
      return n < 0 || out.length < n;
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

  /** `Expand`: `template` with `$n`, `${name}` and `$$` resolved against `match` in `src`. */
  expand(template: string, src: string, match: number[]): string {
    return expandTemplate(template, src, match, this.subexpNames);
  }

  /** `FindString`: the leftmost match, '' when none. */
  findString(s: string): string {
    const m = this.findSubmatchIndex(s);
    return m ? s.slice(m[0], m[1]) : '';
  }

  /** `FindAllString(s, n)`: at most `n` matches (all when n < 0). */
  findAllString(s: string, n = -1): string[] {
    return this.findAllSubmatchIndex(s, n).map((m) => s.slice(m[0], m[1]));
  }

  /** `FindAllStringSubmatch(s, n)`: each match with its groups ('' for groups that did not take part). */
  findAllSubmatch(s: string, n = -1): string[][] {
    return this.findAllSubmatchIndex(s, n).map((m) => {
      const out: string[] = [];
      for (let i = 0; i < m.length; i += 2) out.push(m[i] < 0 ? '' : s.slice(m[i], m[i + 1]));
      return out;
    });
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
  private eachMatch(s: string, fn: (a: number[]) => boolean): void {
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
      if (accept && !fn(a)) return;
    }
  }
}

/** `regexp.QuoteMeta`. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
