// Entry of the bundled language server (dist/server.mjs): the schemas ship in the extension's data/.
import { startNodeServer } from '@alloy-lint/lsp/node';

/** The extension's version, written in by the bundler. */
declare const EXTENSION_VERSION: string;

startNodeServer({ schemasDir: new URL('../data/', import.meta.url), serverInfo: { name: 'alloy-lint', version: EXTENSION_VERSION } });
