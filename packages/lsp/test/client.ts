// A test client: the real `alloy-lsp` binary over stdio, spoken to with vscode-languageserver-protocol.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const BIN = fileURLToPath(new URL('../bin/alloy-lsp.js', import.meta.url));
export const CLI = fileURLToPath(new URL('../../cli/bin/alloy-lint.cjs', import.meta.url));

export interface Client {
  conn: ProtocolConnection;
  child: ChildProcess;
  init: InitializeResult;
  /** Every notification of these methods, in order of arrival. */
  received: { method: string; params: unknown }[];
  /** Resolves with the next diagnostics published for `uri` that satisfy `when`. */
  diagnostics(uri: string, when?: (p: PublishDiagnosticsParams) => boolean): Promise<Diagnostic[]>;
  /** Requests the client answers (workspace/configuration) come from here. */
  settings: Record<string, unknown>;
  stop(): Promise<void>;
}

/** Starts the server with `args` and completes the initialize handshake. */
export async function startClient(opts: { bin?: string; args?: string[]; rootUri?: string; initializationOptions?: unknown; settings?: Record<string, unknown>; pull?: boolean } = {}): Promise<Client> {
  const child = spawn(process.execPath, [opts.bin ?? BIN, ...(opts.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const received: Client['received'] = [];
  const waiters: { uri: string; when: (p: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const settings = opts.settings ?? {};
  conn.onNotification((method, params) => {
    received.push({ method, params });
    if (method !== PublishDiagnosticsNotification.method) return;
    const p = params as PublishDiagnosticsParams;
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.when(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
    p.items.map((i) => (i.scopeUri && settings[i.scopeUri] !== undefined ? settings[i.scopeUri] : settings['*'] ?? null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const died = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`alloy-lsp exited with ${code}: ${stderr}`))));
  const init = (await Promise.race([died, conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.rootUri ?? null,
    workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
    initializationOptions: opts.initializationOptions,
    capabilities: {
      workspace: { configuration: opts.pull !== false, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: { rename: { prepareSupport: true }, publishDiagnostics: { versionSupport: true } },
    },
  })])) as InitializeResult;
  died.catch(() => undefined);
  await conn.sendNotification('initialized', {});
  return {
    conn,
    child,
    init,
    received,
    settings,
    diagnostics: (uri, when = () => true) => new Promise((resolve) => waiters.push({ uri, when, resolve })),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        child.kill();
      }
      await exited;
      conn.dispose();
      if (process.env.ALLOY_LSP_DEBUG) console.error(stderr);
    },
  };
}
