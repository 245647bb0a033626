/**
 * `yamlPaths` patterns: dot-separated keys naming where Alloy text lives, e.g.
 * `alloy.configMap.content`, `data."*.alloy"`, `**.extraConfig`, `pipelines[*].config`.
 * A segment is a key, a `"quoted key"` (may hold dots), `*` (any one key or index),
 * `**` (any depth, including none), `[n]` / `[*]` (sequence items); `*` inside a
 * segment is a wildcard. Matching is linear in the key's length (no regexes).
 */

export type PathSegment = string | number;
type Seg = { any: true } | { deep: true } | { glob: string } | { index: number };

export interface YamlPathPattern {
  text: string;
  segs: Seg[];
}

/** Parses a pattern; throws an Error with a message naming the problem. */
export function parseYamlPath(text: string): YamlPathPattern {
  const segs: Seg[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`yamlPaths: ${JSON.stringify(text)}: ${why}`);
  };
  while (i < text.length) {
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close === -1) fail('missing "]"');
      const inner = text.slice(i + 1, close);
      if (inner === '' || inner === '*') segs.push({ any: true });
      else if (/^\d+$/.test(inner)) segs.push({ index: Number(inner) });
      else fail(`expected [n] or [*], got [${inner}]`);
      i = close + 1;
    } else if (text[i] === '"') {
      let s = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        s += text[i++];
      }
      if (text[i] !== '"') fail('unclosed quote');
      i++;
      segs.push({ glob: s });
    } else {
      let j = i;
      while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
      const s = text.slice(i, j);
      if (s === '') fail('empty key');
      segs.push(s === '**' ? { deep: true } : s === '*' ? { any: true } : { glob: s });
      i = j;
    }
    if (text[i] === '.') {
      i++;
      if (i === text.length) fail('ends with "."');
    } else if (i < text.length && text[i] !== '[') fail(`unexpected ${JSON.stringify(text[i])}`);
  }
  if (segs.length === 0) fail('empty pattern');
  return { text, segs };
}

/** Glob with `*` only, greedy with backtracking to the last star: linear for one star, O(n·k) worst. */
export function globMatch(pattern: string, s: string): boolean {
  let p = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === s[i]) {
      p++;
      i++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = i;
    } else if (star !== -1) {
      p = star + 1;
      i = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

function segMatches(seg: Seg, key: PathSegment): boolean {
  if ('any' in seg) return true;
  if ('index' in seg) return key === seg.index;
  if ('glob' in seg) return typeof key === 'string' && globMatch(seg.glob, key);
  return false;
}

/** True when `path` matches the whole pattern. */
export function matchYamlPath(pattern: YamlPathPattern, path: PathSegment[]): boolean {
  const segs = pattern.segs;
  // reach[j]: the first j segments match the path read so far.
  let reach = new Array<boolean>(segs.length + 1).fill(false);
  reach[0] = true;
  for (let j = 0; j < segs.length && 'deep' in segs[j] && reach[j]; j++) reach[j + 1] = true;
  for (const key of path) {
    const next = new Array<boolean>(segs.length + 1).fill(false);
    for (let j = 0; j < segs.length; j++) {
      if (!reach[j]) continue;
      if ('deep' in segs[j]) next[j] = true;
      else if (segMatches(segs[j], key)) next[j + 1] = true;
    }
    for (let j = 0; j < segs.length; j++) if (next[j] && 'deep' in segs[j]) next[j + 1] = true;
    reach = next;
  }
  return reach[segs.length];
}

/** A path as text: `alloy.configMap.content`, `data."config.alloy"`, `items[0].content`. */
export function pathText(path: PathSegment[]): string {
  let s = '';
  for (const k of path) {
    if (typeof k === 'number') s += `[${k}]`;
    else s += (s ? '.' : '') + (/^[\w-]+$/.test(k) ? k : JSON.stringify(k));
  }
  return s;
}
