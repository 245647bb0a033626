/**
 * @alloy-lint/lsp: the language service over the Language Server Protocol. `startServer`
 * wires any connection; `@alloy-lint/lsp/node` starts one on stdio or IPC, and
 * `@alloy-lint/lsp/browser` one inside a Web Worker.
 */
export { GraphRequest, type ServerOptions, startServer } from './server.js';
export { type ClientSettings, CONFIG_FILE, resolveSettings } from './settings.js';
export { SECTION } from './settings-source.js';
export { DEFAULT_DELAY_MS } from './diagnostics.js';
