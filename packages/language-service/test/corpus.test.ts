import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '@alloy-lint/analyzer';
import { createLanguageService } from '@alloy-lint/language-service';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './helpers.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url).pathname;
const present = existsSync(corpus);
if (!present && !process.env.CI) console.warn('skipping the corpus run: ../shared/corpus is absent');

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files(p, out);
    else if (e.endsWith('.alloy')) out.push(p);
  }
  return out;
}

describe.runIf(present || process.env.CI)('the corpus through the language service', () => {
  it('reports what check reports for every corpus file, and every verb answers', () => {
    const all = files(corpus);
    expect(all.length).toBeGreaterThan(1000);
    const ls = createLanguageService({ host: { catalog: (v) => CATALOGS[v] }, folders: [{ uri: pathToFileURL(corpus).href }] });
    let compared = 0;
    for (const path of all) {
      const text = readFileSync(path, 'utf8');
      const uri = pathToFileURL(path).href;
      ls.openDocument(uri, 1, text);
      const got = ls.diagnostics(uri).map((d) => `${d.code} ${d.range.start.line}:${d.message.split('\n')[0]}`);
      const name = path.split('/').pop()!;
      const a = analyze([{ name, text }], { catalog: CATALOGS['v1.18.1'] });
      const want = a.diagnostics
        .filter((d) => d.file === name && d.code !== 'import-failed' && d.code !== 'import-not-checked')
        .map((d) => `${d.code} ${a.sources.get(name)!.position(d.start).line - 1}:${d.message}`);
      // Imports are followed through the host here (none is given), the CLI reads them from disk.
      expect(got.filter((g) => !g.startsWith('import-'))).toEqual(want);
      compared++;
      const lines = text.split('\n');
      const mid = { line: Math.floor(lines.length / 2), character: 4 };
      ls.complete(uri, mid);
      ls.hover(uri, mid);
      ls.definition(uri, mid);
      ls.documentSymbols(uri);
      ls.semanticTokens(uri);
      ls.foldingRanges(uri);
      ls.format(uri);
      ls.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, { diagnostics: [] });
      ls.closeDocument(uri);
    }
    expect(compared).toBe(all.length);
  }, 600_000);
});
