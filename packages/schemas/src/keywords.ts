// The `x-alloy-*` annotation keywords used by the generated schemas. Declare them to ajv with
// `for (const k of ALLOY_KEYWORDS) ajv.addKeyword(k)` so that strict mode accepts the schemas.

export const ALLOY_KEYWORDS = [
  'x-alloy-kind', // "component" | "config-block" | "attribute" | "block"
  'x-alloy-name', // component or config block name
  'x-alloy-version', // Alloy release the schema was generated from
  'x-alloy-stability', // "generally-available" | "public-preview" | "experimental" | "undefined"
  'x-alloy-community', // community component (no stability level)
  'x-alloy-docs', // link to the docs page
  'x-alloy-go-type', // Go type the schema was generated from
  'x-alloy-type', // Alloy type name: string, number, bool, duration, secret, list(T), capsule(X), ...
  'x-alloy-repeatable', // block may appear more than once
  'x-alloy-labelled', // block (or component) needs a label
  'x-alloy-enum', // enum block family: `stage` for `stage.json`
  'x-alloy-exports', // exported fields: name -> attribute schema
  'x-alloy-unresolved', // type could not be resolved from the tree (typed as any)
  'x-alloy-free-form', // body accepts arbitrary statements (declare, foreach template)
  'x-alloy-format', // "bytes": a byte size (a number, or a string with a unit such as "1MiB")
] as const;

export type AlloyKeyword = (typeof ALLOY_KEYWORDS)[number];

export const JSON_SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';
