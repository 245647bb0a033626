// A server in this test's process over a pipe pair (no child process): fast enough for property tests.
import { PassThrough } from 'node:stream';
import { createLanguageService, type LanguageService } from '@alloy-lint/language-service';
import { memoryHost } from '@alloy-lint/language-service/test-support';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createProtocolConnection, type ProtocolConnection, type PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { startServer } from '../src/index.js';

export interface InProcess {
  client: ProtocolConnection;
  /** window/logMessage lines (runSafe logs every failure there). */
  logs: string[];
  /** Every publishDiagnostics, in order. */
  diagnostics: PublishDiagnosticsParams[];
  /** Resolves at the next publishDiagnostics. */
  published(): Promise<void>;
  dispose(): void;
}

/** Starts a server whose language service has its `broken` verbs replaced by ones that throw. */
export async function inProcessServer(opts: { broken?: (keyof LanguageService)[]; diagnosticsDelayMs?: number } = {}): Promise<InProcess> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(ProposedFeatures.all, toServer, toClient);
  startServer(server, {
    host: memoryHost({}, { 'v1.18.1': loadSchemaCatalog('v1.18.1') }),
    diagnosticsDelayMs: opts.diagnosticsDelayMs,
    createService: (params) => {
      const ls = createLanguageService(params);
      for (const verb of opts.broken ?? []) {
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
