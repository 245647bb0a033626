import { readFileSync } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { type ServerOptions, startServer } from '../server.js';
import { nodeHost, type NodeHostOptions } from './host.js';

export { nodeHost, type NodeHostOptions } from './host.js';

const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)/;

/**
 * Starts the language server in Node. The transport comes from the arguments as
 * vscode-languageserver reads them (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=P`);
 * without one, stdio. Stdout then carries only the protocol: logs go to the client.
 */
export function startNodeServer(options: NodeHostOptions & Partial<ServerOptions> & { argv?: string[] } = {}): void {
  const argv = options.argv ?? process.argv.slice(2);
  const connection = argv.some((a) => TRANSPORTS.test(a))
    ? createConnection(ProposedFeatures.all)
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

function ownVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
