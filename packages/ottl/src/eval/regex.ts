// Go regexp (RE2 semantics, linear time, through @alloy-lint/gostd) and glob matching for OTTL functions.
import { quote } from '@alloy-lint/gostd';
import { GoRegexp, quoteMeta } from '@alloy-lint/gostd/regexp';
import { OttlRuntimeError } from './values.js';

const cache = new Map<string, GoRegexp>();

/** Compiles a Go regular expression (cached); a bad pattern is a statement error. */
export function goRegex(pattern: string): GoRegexp {
  let re = cache.get(pattern);
  if (!re) {
    const r = GoRegexp.compile(pattern);
    if (!(r instanceof GoRegexp)) throw new OttlRuntimeError(`invalid regex ${quote(pattern)}: ${r.error}`);
    re = r;
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

/** Go's Regexp.ReplaceAllString: `$1`, `${name}` and `$$` in the replacement. */
export function replaceAllGo(re: GoRegexp, s: string, template: string): string {
  return re.replaceAll(s, template);
}

/** A glob (`*`, `?`, `[a-z]`, `[!a]`, `{a,b}`, `\` escapes) as a whole-string RE2 pattern. */
export function globRegex(glob: string): GoRegexp {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) re += quoteMeta(glob[++i]);
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
    else re += quoteMeta(c);
  }
  if (depth) throw new OttlRuntimeError(`invalid glob ${JSON.stringify(glob)}`);
  return goRegex(`^(?:${re})$`);
}

