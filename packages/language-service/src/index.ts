/**
 * @alloy-lint/language-service: editor features for Alloy configuration files. Pure: text
 * in, LSP-shaped data out; files and schemas come through a Host. Runs in Node and in a
 * browser worker.
 */
export { createLanguageService } from './service.js';
export { DEFAULT_SETTINGS, TRIGGER_CHARACTERS, type Folder, type GraphFormat, type Host, type LanguageService, type ServiceParams, type Settings } from './types.js';
export { SWITCH_RELEASE_COMMAND } from './features/code-actions.js';
export { LEGEND as SEMANTIC_TOKENS_LEGEND } from './features/semantic-tokens.js';
