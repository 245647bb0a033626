import { PassThrough } from 'node:stream';
import { createLanguageService, type LanguageService } from '@alloy-lint/language-service';
import { memoryHost } from '@alloy-lint/language-service/test-support';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createProtocolConnection, type PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';

const URI = 'file:///ws/a.alloy';
const TEXT = 'loki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';

/** A server in this process over a pipe pair, with a service whose `broken` verbs throw. */
async function serverWith(broken: (keyof LanguageService)[]) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(ProposedFeatures.all, toServer, toClient);
  startServer(server, {
    host: memoryHost({}, { 'v1.18.1': loadSchemaCatalog('v1.18.1') }),
    createService: (params) => {
      const ls = createLanguageService(params);
      for (const verb of broken) {
        (ls as unknown as Record<string, unknown>)[verb] = () => {
          throw new Error(`${verb} broke`);
        };
      }
      return ls;
    },
  });
  server.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  const diagnostics: PublishDiagnosticsParams[] = [];
  let onDiag = () => {};
  client.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.push(p);
    onDiag();
  });
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await client.sendNotification('initialized', {});
  const published = () => new Promise<void>((r) => (onDiag = r));
  return { client, logs, diagnostics, published, dispose: () => (client.dispose(), server.dispose()) };
}

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
