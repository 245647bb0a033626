// The parts of Go's regexp that re2js does not provide: `$` templates (Expand) and
// patterns that repeat a group name, which Go accepts and re2js rejects.

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/**
 * regexp.Expand: `template` with `$1`, `$name`, `${name}` and `$$` resolved against
 * `match` (index pairs into `src`); a name refers to the first group of that name that
 * took part in the match; an unknown group expands to nothing, a malformed `$` stays.
 */
export function expandTemplate(template: string, src: string, match: readonly number[], names: readonly string[]): string {
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
      continue;
    }
    // The first group of that name that took part in the match.
    for (let g = 1; g < names.length; g++) {
      if (names[g] === ref.name && 2 * g + 1 < match.length && match[2 * g] >= 0) {
        out += src.slice(match[2 * g], match[2 * g + 1]);
        break;
      }
    }
  }
  return out + template.slice(i);
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
export function renameDuplicateGroups(src: string, renamed: Map<string, string>): string {
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

