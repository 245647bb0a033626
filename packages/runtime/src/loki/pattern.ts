// Loki's pattern expressions: literal text and `<name>` captures (`<_>` skips).
// A capture takes everything up to the next literal; when that literal is
// missing, the capture takes the rest of the line.

type Node = { capture: string } | { literal: string };

export interface PatternMatcher {
  /** Names of the named captures, in order. */
  names: string[];
  /** The named captures' values, or null when the line does not match. */
  match(line: string): string[] | null;
}

const CAPTURE = /^<([A-Za-z_][A-Za-z0-9_]*)>/;

export function compilePattern(text: string): PatternMatcher | { error: string } {
  const nodes: Node[] = [];
  for (let i = 0; i < text.length; ) {
    const m = CAPTURE.exec(text.slice(i, i + 256));
    if (m) {
      nodes.push({ capture: m[1] });
      i += m[0].length;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const last = nodes[nodes.length - 1];
    if (last && 'literal' in last) last.literal += ch;
    else nodes.push({ literal: ch });
    i += ch.length;
  }
  const names = nodes.flatMap((n) => ('capture' in n && n.capture !== '_' ? [n.capture] : []));
  if (names.length === 0) return { error: 'at least one capture is required' };
  for (let i = 0; i + 1 < nodes.length; i += 2) {
    if ('capture' in nodes[i] && 'capture' in nodes[i + 1]) return { error: 'found consecutive capture: invalid expression' };
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) return { error: `duplicate capture name (${n}): invalid expression` };
    seen.add(n);
  }
  return {
    names,
    match(line: string): string[] | null {
      if (line.length === 0 || nodes.length === 0) return null;
      const caps: string[] = [];
      let k = 0;
      let rest = line;
      const first = nodes[0];
      if ('literal' in first) {
        if (!rest.startsWith(first.literal)) return null;
        rest = rest.slice(first.literal.length);
        k = 1;
      }
      if (k >= nodes.length) return null;
      while (k < nodes.length) {
        const cap = (nodes[k] as { capture: string }).capture;
        if (k === nodes.length - 1) {
          if (cap !== '_') caps.push(rest);
          return caps;
        }
        const lit = (nodes[k + 1] as { literal: string }).literal;
        k += 2;
        const i = rest.indexOf(lit);
        if (i < 0) {
          if (cap !== '_') caps.push(rest);
          return caps;
        }
        if (cap !== '_') caps.push(rest.slice(0, i));
        rest = rest.slice(i + lit.length);
      }
      return caps;
    },
  };
}
