import { readdirSync, readFileSync } from 'node:fs';
import { format as alloyFormat } from '@alloy-lint/formatter';
import { applyEdits as applyTextEdits } from '@alloy-lint/language-service/test-support';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../test/support/mutate.js';
import { fixture } from './helpers.js';
import { property } from '../../../test/support/property.js';

const dirs = [new URL('../../../examples/', import.meta.url), new URL('../../../test/fixtures/valid/', import.meta.url)];
const valid = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.alloy')).map((f) => readFileSync(new URL(f, d))));
const FRAGMENTS = ['loki.write.x.receiver', 'forward_to = [', '{', '}', '"', 'declare "d" {', 'argument "a" {}', 'import.file "m" {', 'foreach "f" {', 'template {', '[', ']', '=', '\n', 'a.b.', 'string.format(', ')', 'rule {', 'ü', '𝔸', '1', 'true', '//'];

describe('every verb answers for any text (property)', () => {
  it('never throws on mutated configs, at any position, before and after incremental edits', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })) });
    const pos = fc.record({ line: fc.nat({ max: 80 }), character: fc.nat({ max: 60 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: valid.length - 1 }), fc.array(edit, { minLength: 0, maxLength: 4 }), fc.array(pos, { minLength: 1, maxLength: 3 }), fc.string({ maxLength: 3 }), (i, edits, positions, typed) => {
        const text = new TextDecoder().decode(applyEdits(valid[i], edits));
        const f = fixture(text, { raw: true, settings: { inlayHints: { defaults: true } } });
        const all = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };
        const lines = text.split('\n').length;
        for (let round = 0; round < 2; round++) {
          for (const d of f.ls.diagnostics(f.uri)) {
            expect(d.range.start.line).toBeLessThan(lines);
            expect(d.range.end.line).toBeLessThan(lines);
          }
          for (const p of positions) {
            f.ls.complete(f.uri, p);
            f.ls.hover(f.uri, p);
            f.ls.signatureHelp(f.uri, p);
            f.ls.definition(f.uri, p);
            f.ls.references(f.uri, p, true);
            if (f.ls.prepareRename(f.uri, p)) expect(f.ls.rename(f.uri, p, 'renamed')).not.toBeNull();
          }
          f.ls.documentSymbols(f.uri);
          f.ls.workspaceSymbols('a');
          f.ls.documentLinks(f.uri);
          f.ls.foldingRanges(f.uri);
          f.ls.selectionRanges(f.uri, positions);
          f.ls.semanticTokens(f.uri);
          f.ls.codeActions(f.uri, all, { diagnostics: [] });
          f.ls.inlayHints(f.uri, all);
          const current = f.ls.getText(f.uri)!;
          const formatted = alloyFormat(current).text;
          const edits = f.ls.format(f.uri);
          if (formatted !== undefined) expect(applyTextEdits(current, edits)).toBe(formatted);
          else expect(edits).toEqual([]);
          f.ls.changeDocument(f.uri, 2 + round, [{ range: { start: positions[0], end: positions[0] }, text: typed }]);
        }
      }),
      property('packages/language-service/test/property.test.ts', 300),
    );
  });
});
