import { readFileSync } from 'node:fs';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { type ServerOptions, startServer } from '../server.js';
import { nodeHost, type NodeHostOptions } from './host.js';

export { nodeHost, type NodeHostOptions } from './host.js';

/**
 * Starts the language server in Node: over a Node IPC channel when the arguments hold
 * `--node-ipc` (VS Code's language client), else over stdin and stdout, which then carry only
 * the protocol (logs go to the client). `--clientProcessId=N` ends the server with its client.
 */
export function startNodeServer(options: NodeHostOptions & Partial<ServerOptions> & { argv?: string[] } = {}): void {
  const argv = options.argv ?? process.argv.slice(2);
  const connection = argv.includes('--node-ipc')
    ? createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process))
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, {
    host: options.host ?? nodeHost(options),
    diagnosticsDelayMs: options.diagnosticsDelayMs,
    createService: options.createService,
    serverInfo: options.serverInfo ?? { name: 'alloy-lint', version: ownVersion() },
  });
  // Last line of defence: a stray rejection or exception is logged, and the server stays up.
  const report = (what: string) => (e: unknown) => connection.console.error(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.on('unhandledRejection', report('unhandled rejection'));
  process.on('uncaughtException', report('uncaught exception'));
  connection.listen();
}

/** This package's version when it runs unbundled (bundles pass `serverInfo`). */
function ownVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
    return pkg.name === '@alloy-lint/lsp' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}
