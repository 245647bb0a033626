import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, Scanner, SourceFile, Tok } from '../src/index.js';

export interface Expected {
  offset: number;
  pattern: string;
}

/**
 * Reads `/* ERROR "rx" *\/` markers from a file's comments. A marker points at
 * the start of the last token before it; `ERROR HERE` points just after it.
 */
export function expectedErrors(text: string): Expected[] {
  const src = new SourceFile(text);
  const { ast } = parse(src);
  const tokens: { pos: number; end: number }[] = [];
  const sc = new Scanner(src.bytes, undefined, { comments: true, terminators: false });
  for (let t = sc.scan(); t !== Tok.EOF; t = sc.scan()) if (t !== Tok.COMMENT) tokens.push({ pos: sc.pos, end: sc.end });
  const out: Expected[] = [];
  for (const c of ast.comments.flat()) {
    const m = /^\/\* ERROR (HERE )?"((?:[^"\\]|\\.)*)" \*\/$/.exec(c.text);
    if (!m) continue;
    const before = tokens.filter((t) => t.end <= c.start).at(-1);
    if (!before) throw new Error(`marker at ${c.start} has no token before it`);
    out.push({ offset: m[1] ? before.end : before.pos, pattern: m[2].replace(/\\"/g, '"') });
  }
  return out;
}

export function testdataFiles(kind: 'valid' | 'invalid'): { name: string; text: string }[] {
  const dir = new URL(`../testdata/${kind}/`, import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.alloy'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
