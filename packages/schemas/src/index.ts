// Public API (pure: no file system). The Node entry that reads data/ is `@alloy-lint/schemas/node`.
export { loadCatalog, type SchemaReader } from './catalog.js';
export { blockBody, componentInfo, isBlock, resolveBody } from './info.js';
export { describe, describeJson, describeText, type DescribeJson } from './describe.js';
export { diffCatalogs, formatDiff, type CatalogDiff, type DiffChange } from './diff.js';
export { ALLOY_KEYWORDS, JSON_SCHEMA_DRAFT, type AlloyKeyword } from './keywords.js';
export { indexRules, ruleKey, type RuleIndex } from './rules.js';
export type * from './schema-types.js';
export type * from './spec-types.js';
export type * from './rule-types.js';

/** The Alloy release whose schemas are used when none is named. */
export const DEFAULT_ALLOY_VERSION = 'v1.18.1';
