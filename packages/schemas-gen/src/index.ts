// The generator of packages/schemas/data/<version>/ (development only: tree-sitter, Node).
// The reading API over the generated data is @alloy-lint/schemas.
export { CONFIG_BLOCKS, generate, type ConfigBlockDef, type GenerateOptions, type GenerateResult } from './generate.js';
