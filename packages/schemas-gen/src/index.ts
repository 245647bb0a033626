// Public API: the reading side (no file system, no parser). The generator lives in ./generate.js
// and ./cli.js and is not imported from here, so consumers do not load tree-sitter.
export * from './model.js';
export { JSON_SCHEMA_DRAFT, type AlloyKeyword } from './keywords.js';
