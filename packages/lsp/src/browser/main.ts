import type { Host } from '@alloy-lint/language-service';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { type ServerOptions, startServer } from '../server.js';

/** The worker's global scope, as far as the connection needs it. */
type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];

/**
 * Starts the language server inside a Web Worker: messages travel by `postMessage`. The host
 * supplies the schemas (and any files) since a worker has no disk; the playground builds one
 * from data it fetched or bundled.
 */
export function startWorkerServer(host: Host, options: Partial<Omit<ServerOptions, 'host'>> = {}, scope: WorkerScope = self as unknown as WorkerScope): void {
  const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
  startServer(connection, { ...options, host });
  connection.listen();
}
