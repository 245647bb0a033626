/** Top-level names of Alloy's standard library (v1.18.1), for scope checks. */
export const DEPRECATED_STDLIB = new Set([
  'env', 'nonsensitive', 'concat', 'json_decode', 'yaml_decode', 'base64_decode', 'format', 'join',
  'replace', 'split', 'to_lower', 'to_upper', 'trim', 'trim_prefix', 'trim_suffix', 'trim_space',
]);

export const STDLIB = new Set([
  'constants', 'coalesce', 'json_path', 'sys', 'convert', 'array', 'encoding', 'string', 'file',
  ...DEPRECATED_STDLIB,
]);

/** Functions gated at the experimental stability level. */
export const EXPERIMENTAL_STDLIB = new Set(['array.combine_maps', 'array.group_by']);
