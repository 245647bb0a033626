// Globs as Alloy's local.file_match and loki.source.file read them (bmatcuk/doublestar v4),
// compiled in one pass to one RE2 expression: matching is linear in the path whatever the
// pattern, and compiling is linear in the pattern (no recursion, however deep the braces).
//
//   *      any run of characters but `/`        ?    one character but `/`
//   /**/   zero or more whole directories       **   alone, or ending the pattern: anything
//   [a-z]  a class; [!…] or [^…] negates it     {a,b} alternatives (nested)   \c  c itself
//
// `**` that is not a whole path segment is `*`. `a/**` and `a/**/` also match `a` itself
// (it may be a directory). Like doublestar, an alternative starts a segment afresh.

import { GoRegexp } from '@alloy-lint/gostd/regexp';

export interface Glob {
  readonly pattern: string;
  test(path: string): boolean;
}

/** Deeper `{…}` nesting than this is refused (RE2 refuses nesting past 1,000). */
export const MAX_GLOB_NESTING = 500;

const BAD = 'syntax error in pattern';
const cache = new Map<string, Glob | { error: string }>();

/** The pattern as a matcher, or the reason it is not a valid glob. */
export function compileGlob(pattern: string): Glob | { error: string } {
  let g = cache.get(pattern);
  if (g) return g;
  const src = globSource(pattern);
  if (typeof src !== 'string') g = src;
  else {
    // Go's regexp front end (RE2): `.` spans newlines too, as doublestar's `**` does.
    const re = GoRegexp.compile(`(?s)${src}`);
    g = re instanceof GoRegexp ? { pattern, test: (path: string) => re.test(path) } : { error: re.error };
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, g);
  return g;
}

/** Whether `path` matches the glob; an invalid pattern matches nothing. */
export function globMatch(pattern: string, path: string): boolean {
  const g = compileGlob(pattern);
  return 'test' in g && g.test(path);
}

/** The leading directories of a pattern that hold no glob syntax (where a file walk starts). */
export function globBase(pattern: string): string {
  let slash = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' || c === '?' || c === '[' || c === '{' || c === '\\') break;
    if (c === '/') slash = i;
  }
  if (slash < 0) return '';
  return slash === 0 ? '/' : pattern.slice(0, slash);
}

const lit = (cp: number) => `\\x{${cp.toString(16)}}`;

/** The RE2 source of a pattern (anchored at both ends), or why it is invalid. */
export function globSource(pattern: string): string | { error: string } {
  const cps = Array.from(pattern, (c) => c.codePointAt(0)!);
  const n = cps.length;
  const ch = (i: number) => (i < n ? String.fromCodePoint(cps[i]) : '');
  const out: string[] = ['^'];
  let startOfSegment = true;
  let braces = 0;
  for (let i = 0; i < n; ) {
    const c = ch(i);
    if (c === '*') {
      if (ch(i + 1) === '*' && startOfSegment && i + 2 === n) {
        out.push('.*');
        i += 2;
      } else if (ch(i + 1) === '*' && startOfSegment && ch(i + 2) === '/') {
        out.push('(?:[^/]*/)*');
        i += 3;
      } else {
        out.push('[^/]*');
        i += ch(i + 1) === '*' ? 2 : 1;
        startOfSegment = false;
      }
    } else if (c === '?') {
      out.push('[^/]');
      i++;
      startOfSegment = false;
    } else if (c === '[') {
      const cls = charClass(cps, i + 1);
      if ('error' in cls) return cls;
      out.push(cls.source);
      i = cls.next;
      startOfSegment = false;
    } else if (c === '{') {
      if (++braces > MAX_GLOB_NESTING) return { error: `alternatives nested deeper than ${MAX_GLOB_NESTING} levels` };
      out.push('(?:');
      i++;
      startOfSegment = true;
    } else if (c === ',' && braces > 0) {
      out.push('|');
      i++;
      startOfSegment = true;
    } else if (c === '}' && braces > 0) {
      braces--;
      out.push(')');
      i++;
      startOfSegment = false;
    } else if (c === '/' && braces === 0 && (tailIs(cps, i, '/**') || tailIs(cps, i, '/**/'))) {
      // `a/**` and `a/**/` match `a` as well.
      out.push(i + 3 === n ? '(?:/.*)?' : '(?:/(?:[^/]*/)*)?');
      i = n;
    } else {
      let cp = cps[i];
      if (c === '\\') {
        if (i + 1 >= n) return { error: BAD };
        cp = cps[++i];
      }
      out.push(lit(cp));
      startOfSegment = cp === 0x2f;
      i++;
    }
  }
  if (braces > 0) return { error: BAD };
  out.push('$');
  return out.join('');
}

function tailIs(cps: number[], i: number, tail: string): boolean {
  if (cps.length - i !== tail.length) return false;
  for (let k = 0; k < tail.length; k++) if (cps[i + k] !== tail.charCodeAt(k)) return false;
  return true;
}

/** `[…]` starting after the `[`: doublestar's ranges, escapes and negation. */
function charClass(cps: number[], i: number): { source: string; next: number } | { error: string } {
  const n = cps.length;
  if (i >= n) return { error: BAD };
  const negate = cps[i] === 0x21 || cps[i] === 0x5e;
  if (negate) i++;
  if (i >= n || cps[i] === 0x5d) return { error: BAD };
  const items: string[] = [];
  let last = -1;
  for (; i < n && cps[i] !== 0x5d; ) {
    let cp = cps[i++];
    if (last >= 0 && cp === 0x2d && i < n && cps[i] !== 0x5d) {
      if (cps[i] === 0x5c) i++;
      if (i >= n) return { error: BAD };
      const hi = cps[i++];
      if (last <= hi) items.push(`${lit(last)}-${lit(hi)}`);
      last = -1;
      continue;
    }
    if (cp === 0x5c) {
      if (i >= n) return { error: BAD };
      cp = cps[i++];
    }
    // A literal waits one step: it may open a range.
    if (last >= 0) items.push(lit(last));
    last = cp;
  }
  if (i >= n) return { error: BAD };
  if (last >= 0) items.push(lit(last));
  let source: string;
  if (items.length > 0) source = `[${negate ? '^' : ''}${items.join('')}]`;
  else source = negate ? '(?s:.)' : '[^\\x{0}-\\x{10ffff}]';
  return { source, next: i + 1 };
}
