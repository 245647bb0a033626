// Entry of the bundled language server (dist/server.mjs). The schemas are found by resolving
// @alloy-lint/schemas from here: the extension ships it in node_modules/, beside the CLI.
import { startNodeServer } from '@alloy-lint/lsp/node';

/** The extension's version, written in by the bundler. */
declare const EXTENSION_VERSION: string;

startNodeServer({ serverInfo: { name: 'alloy-lint', version: EXTENSION_VERSION } });
