// printer and corpus-fmt families: the formatter against Alloy's printer tests and `alloy fmt` over the corpus.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@alloy-lint/parser';
import { format, printFile } from '@alloy-lint/formatter';
import { loadJson, tally } from './util.js';
import { corpusResults } from './10-syntax.js';

/** First differing line between two texts, for failure messages. */
function firstDiff(got, want) {
  const g = got.split('\n');
  const w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) return `line ${i + 1}: got ${JSON.stringify(g[i])}, want ${JSON.stringify(w[i])}`;
  }
  return 'lengths differ';
}

const printer = {
  name: 'printer',
  run(dir) {
    const recs = loadJson(dir, 'printer/printer.json');
    if (!recs) return undefined;
    const t = tally();
    for (const rec of recs) {
      const { ast, source, diagnostics } = parse(rec.input);
      if (rec.expected === null) {
        const ok = diagnostics.some((d) => d.message.includes(rec.expected_error_contains));
        t.check(ok, `${rec.name}: want an error containing ${JSON.stringify(rec.expected_error_contains)}, got ${JSON.stringify(diagnostics.map((d) => d.message))}`);
        continue;
      }
      if (diagnostics.length > 0) {
        t.check(false, `${rec.name}: parse failed: ${diagnostics[0].message}`);
        continue;
      }
      const got = printFile(ast, source);
      t.check(got === rec.expected, `${rec.name}: ${firstDiff(got, rec.expected)}`);
    }
    return t;
  },
};

const corpusFmt = {
  name: 'corpus-fmt',
  run(dir) {
    const results = corpusResults(dir);
    if (!results) return undefined;
    const t = tally();
    let changed = 0;
    for (const r of results) {
      if (!r.parses) continue;
      const input = readFileSync(join(dir, 'corpus', r.path));
      const expPath = join(dir, 'conformance', 'fmt', 'expected', r.path);
      const want = existsSync(expPath) ? readFileSync(expPath) : input;
      const res = format(input, r.path);
      if (res.text === undefined) {
        t.check(false, `${r.path}: refused: ${res.diagnostics[0]?.message}`);
        continue;
      }
      const got = Buffer.from(res.text, 'utf8');
      if (!got.equals(input)) changed++;
      t.check(got.equals(want), `${r.path}: ${firstDiff(got.toString('utf8'), want.toString('utf8'))}`);
    }
    t.note = `${changed} changed by formatting`;
    return t;
  },
};

export const families = [printer, corpusFmt];
