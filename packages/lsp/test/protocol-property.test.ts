// Property: whatever a client sends (any text, incremental edits with ranges past the end or
// reversed, positions anywhere, surrogate halves), every request is answered, no feature fails,
// and a document edited incrementally gets the same answers as the same text opened fresh: all
// of them when the text parses, the ones read off the tree when it does not (while the text is
// broken, the type-driven features answer from the last analysis that parsed, by design).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { inProcessServer } from './in-process.js';
import { property } from '../../../test/support/property.js';

const SEED = readFileSync(new URL('../../../examples/k8s-logs.alloy', import.meta.url), 'utf8');
const FRAGMENTS = ['loki.write.loki.receiver', 'forward_to = [', '{', '}', '"', '\n', 'a.b.', 'string.format(', ')', 'ü', '𝔸', '\ud835', '\r\n', '\t', '// x', '/*', '`', '=', '0x'];
const EDITED = 'file:///ws/edited.alloy';
const FRESH = 'file:///ws/fresh.alloy';

const position = fc.record({ line: fc.nat({ max: 70 }), character: fc.nat({ max: 90 }) });
const text = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.fullUnicodeString({ maxLength: 3 }));
const change = fc.oneof(
  { weight: 6, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text: fc.oneof(fc.constant(SEED), fc.string({ maxLength: 30 })) }) },
);
const FORMAT = { tabSize: 2, insertSpaces: true };

describe('the server over the protocol, for any edits (property)', () => {
  it('answers every request, logs no failure, and an edited document answers as the same text opened fresh', async () => {
    const s = await inProcessServer({ diagnosticsDelayMs: 0 });
    let version = 1;
    let parsed = 0;
    /** The answers about `uri` (with its name written as EDITED's): those read off the tree, then the others. */
    const answers = async (uri: string, positions: { line: number; character: number }[]) => {
      const doc = { textDocument: { uri } };
      const tree: unknown[] = [
        await s.client.sendRequest('textDocument/documentSymbol', doc),
        await s.client.sendRequest('textDocument/foldingRange', doc),
        await s.client.sendRequest('textDocument/formatting', { ...doc, options: FORMAT }),
        await s.client.sendRequest('textDocument/selectionRange', { ...doc, positions }),
      ];
      const out: unknown[] = [
        await s.client.sendRequest('textDocument/semanticTokens/full', doc),
        await s.client.sendRequest('textDocument/codeAction', { ...doc, range: { start: positions[0], end: positions[0] }, context: { diagnostics: [] } }),
      ];
      for (const p of positions) {
        const at = { ...doc, position: p };
        out.push(
          await s.client.sendRequest('textDocument/completion', at),
          await s.client.sendRequest('textDocument/hover', at),
          await s.client.sendRequest('textDocument/signatureHelp', at),
          await s.client.sendRequest('textDocument/definition', at),
          await s.client.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } }),
          await s.client.sendRequest('textDocument/prepareRename', at),
          await s.client.sendRequest('textDocument/rangeFormatting', { ...doc, range: { start: p, end: { line: p.line + 2, character: 0 } }, options: FORMAT }),
        );
      }
      const named = (x: unknown[]) => JSON.parse(JSON.stringify(x).replaceAll(uri, EDITED).replaceAll(uri.slice(uri.lastIndexOf('/') + 1), 'edited.alloy'));
      return { tree: named(tree), all: named(out) };
    };
    /** The diagnostics published for `uri` at `v` (the server publishes each open document's version). */
    const diagnosticsAt = async (uri: string, v: number) => {
      for (;;) {
        const last = s.diagnostics.findLast((d) => d.uri === uri);
        if (last?.version === v) return last.diagnostics;
        await s.published();
      }
    };
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.array(position, { minLength: 1, maxLength: 3 }), async (batches, positions) => {
          version++;
          let model = TextDocument.create(EDITED, 'grafana-alloy', version, SEED);
          await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: EDITED, languageId: 'grafana-alloy', version, text: SEED } });
          for (const contentChanges of batches) {
            version++;
            model = TextDocument.update(model, contentChanges, version);
            await s.client.sendNotification('textDocument/didChange', { textDocument: { uri: EDITED, version }, contentChanges });
          }
          await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: FRESH, languageId: 'grafana-alloy', version, text: model.getText() } });
          const edited = await answers(EDITED, positions);
          const fresh = await answers(FRESH, positions);
          expect(fresh.tree).toEqual(edited.tree);
          const diagnostics = await diagnosticsAt(FRESH, version);
          if (!diagnostics.some((d) => d.code === 'syntax')) {
            parsed++;
            expect(fresh.all).toEqual(edited.all);
            expect(diagnostics).toEqual(await diagnosticsAt(EDITED, version));
          }
          expect(s.logs.filter((l) => l.includes(' failed: '))).toEqual([]);
          await s.client.sendNotification('textDocument/didClose', { textDocument: { uri: EDITED } });
          await s.client.sendNotification('textDocument/didClose', { textDocument: { uri: FRESH } });
        }),
        { ...property('packages/lsp/test/protocol-property.test.ts', 40), verbose: 1 },
      );
      console.log(`${parsed} of 40 runs ended with text that parses (all answers compared)`);
    } finally {
      s.dispose();
    }
  }, 120_000);
});
