// What the `yaml` package must not be given: its composer recurses once per nesting level (and
// near the end of the stack V8 aborts the whole process while compiling a regular expression),
// and it slows down quadratically on a node with thousands of anchors or tags. One linear scan
// bounds both before the text reaches it.

import { MAX_DEPTH } from '@alloy-lint/parser';

/** Properties (`&anchor`, `!tag`) one node may carry before the text is refused. */
const MAX_PROPERTIES = 8;

/**
 * Why `text` is refused, or undefined. The nesting counted is an upper bound: open flow
 * brackets, block indentation levels, and compact `- ` / `? ` / `: ` indicators on a line.
 */
export function yamlRefusal(text: string, maxDepth = MAX_DEPTH): string | undefined {
  const indents: number[] = [];
  let flow = 0;
  let props = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // One line: its indentation, then its content.
    let col = 0;
    while (i < n && text[i] === ' ') (i++, col++);
    if (i >= n) break;
    if (text[i] === '\n' || text[i] === '#' || text[i] === '\r') {
      while (i < n && text[i] !== '\n') i++;
      i++;
      continue;
    }
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
    }
    let compact = 0;
    let atStart = true;
    for (; i < n && text[i] !== '\n'; i++) {
      const c = text[i];
      const next = i + 1 < n ? text[i + 1] : ' ';
      const spaced = next === ' ' || next === '\n' || next === '\r' || next === '\t';
      if (atStart && (c === '-' || c === '?' || c === ':') && spaced) {
        compact++;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      atStart = false;
      if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      }
      if (c === '"' || c === "'") {
        // A quoted scalar: skip it (it may span lines; then its lines count no indentation).
        for (i++; i < n && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++;
        props = 0;
        continue;
      }
      if (c === '&' || c === '!') {
        if (++props > MAX_PROPERTIES) return `yaml: a node with more than ${MAX_PROPERTIES} anchors or tags`;
        while (i + 1 < n && !' \t\n\r,[]{}'.includes(text[i + 1])) i++;
        continue;
      }
      props = 0;
      if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
      if (indents.length + compact + flow > maxDepth) return `yaml: exceeded max depth of ${maxDepth}`;
    }
    if (indents.length + compact + flow > maxDepth) return `yaml: exceeded max depth of ${maxDepth}`;
    i++;
  }
  return undefined;
}
