import type { LanguageService } from '@alloy-lint/language-service';
import { describe, expect, it } from 'vitest';
import { inProcessServer } from './in-process.js';

const URI = 'file:///ws/a.alloy';
const TEXT = 'loki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';
const serverWith = (broken: (keyof LanguageService)[]) => inProcessServer({ broken });

describe('every handler guarded', () => {
  it('a feature that throws answers empty, logs, and the other features keep working', async () => {
    const s = await serverWith(['hover', 'complete']);
    try {
      const first = s.published();
      await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'grafana-alloy', version: 1, text: TEXT } });
      await first;
      const at = { textDocument: { uri: URI }, position: { line: 2, character: 5 } };
      expect(await s.client.sendRequest('textDocument/hover', at)).toBeNull();
      expect(await s.client.sendRequest('textDocument/completion', at)).toEqual({ isIncomplete: false, items: [] });
      expect(s.logs.some((l) => l.startsWith('hover failed: Error: hover broke'))).toBe(true);
      expect(s.logs.some((l) => l.startsWith('completion failed: Error: complete broke'))).toBe(true);
      const symbols = (await s.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as { name: string }[];
      expect(symbols.map((x) => x.name)).toEqual(['loki.write "w"']);
    } finally {
      s.dispose();
    }
  });

  it('a check that throws publishes one error saying so, not a clean result', async () => {
    const s = await serverWith(['diagnostics']);
    try {
      const first = s.published();
      await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'grafana-alloy', version: 1, text: TEXT } });
      await first;
      expect(s.diagnostics[0].diagnostics.map((d) => [d.code, d.severity])).toEqual([['internal-error', 1]]);
      expect(s.logs.some((l) => l.includes('diagnostics broke'))).toBe(true);
      // The document notifications still work: formatting sees the edit.
      await s.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: 'logging {\n level = "info"\n}\n' }] });
      const edits = (await s.client.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })) as { newText: string }[];
      expect(edits.map((e) => e.newText).join('')).toContain('\tlevel = "info"');
    } finally {
      s.dispose();
    }
  });

  it('a notification that throws is logged and the server answers the next request', async () => {
    const s = await serverWith(['openDocument']);
    try {
      await s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'grafana-alloy', version: 1, text: TEXT } });
      expect(await s.client.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })).toEqual([]);
      expect(s.logs.some((l) => l.startsWith('didOpen failed: Error: openDocument broke'))).toBe(true);
    } finally {
      s.dispose();
    }
  });
});
