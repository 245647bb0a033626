// Go regexp and glob matching for OTTL functions, in linear time (RE2 semantics through re2js).
// The one place this package touches re2js; to be replaced by @alloy-lint/gostd's Go regexp
// once that package is on main.
import { RE2JS } from 're2js';
import { OttlRuntimeError } from './values.js';

const cache = new Map<string, RE2JS>();

/** Compiles a Go regular expression (cached); a bad pattern is a statement error. */
export function goRegex(pattern: string): RE2JS {
  let re = cache.get(pattern);
  if (!re) {
    try {
      re = RE2JS.compile(pattern);
    } catch (e) {
      throw new OttlRuntimeError(`invalid regex ${JSON.stringify(pattern)}: ${(e as Error).message}`);
    }
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** Go's Regexp.ReplaceAllString: `$1`, `${name}` and `$$` in the replacement. */
export function replaceAllGo(re: RE2JS, s: string, template: string): string {
  const m = re.matcher(s);
  const names = re.namedGroups() as Record<string, number>;
  let out = '';
  let last = 0;
  let from = 0;
  let prevEnd = -1;
  while (from <= s.length && m.find(from)) {
    const start = m.start(0);
    const end = m.end(0);
    // An empty match right after the previous match is not replaced (Go's rule).
    if (!(end === start && start === prevEnd)) {
      out += s.slice(last, start) + expand(template, (g) => (typeof g === 'number' ? m.group(g) : names[g] !== undefined ? m.group(names[g]) : '') ?? '', re.groupCount());
      last = end;
    }
    prevEnd = end;
    from = end > start ? end : end + 1;
  }
  return out + s.slice(last);
}

function expand(t: string, group: (g: number | string) => string, groups: number): string {
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '$') {
      out += t[i];
      continue;
    }
    if (t[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    const braced = t[i + 1] === '{';
    const m = /^[\p{L}\p{Nd}_]+/u.exec(t.slice(i + (braced ? 2 : 1)));
    if (!m || (braced && t[i + 2 + m[0].length] !== '}')) {
      out += '$';
      continue;
    }
    const name = m[0];
    const num = /^[0-9]+$/.test(name) ? Number(name) : undefined;
    if (num !== undefined) out += num <= groups ? group(num) : '';
    else out += group(name);
    i += name.length + (braced ? 2 : 0);
  }
  return out;
}

/** A glob (`*`, `?`, `[a-z]`, `[!a]`, `{a,b}`, `\` escapes) as a whole-string RE2 pattern. */
export function globRegex(glob: string): RE2JS {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) re += quote(glob[++i]);
    else if (c === '*') re += '(?s:.*)';
    else if (c === '?') re += '(?s:.)';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) throw new OttlRuntimeError(`invalid glob ${JSON.stringify(glob)}`);
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else re += quote(c);
  }
  if (depth) throw new OttlRuntimeError(`invalid glob ${JSON.stringify(glob)}`);
  return goRegex(`^(?:${re})$`);
}

const quote = (c: string) => (/[\\.+*?()|[\]{}^$]/.test(c) ? '\\' + c : c);
