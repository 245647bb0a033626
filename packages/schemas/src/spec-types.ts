// What a checker reads about a component or block: the generated schema of one release
// converted into specs, with the release's argument checks attached where they apply.

export type Stability = 'experimental' | 'public-preview' | 'generally-available';

export interface AttrSpec {
  kind: 'attr';
  name: string;
  /** Alloy type name: `string`, `number`, `list(string)`, `capsule(loki.LogsReceiver)`, ... */
  type: string;
  required: boolean;
  default?: unknown;
  /** Values the decoder accepts, when it checks them. */
  enum?: (string | number)[];
  /** Alloy's own check of a text value, with its message. */
  textRule?: TextRule;
  /** The value is compiled as an RE2 regular expression. */
  regex?: RegexRule;
  /** How Go decodes a `number`: a signed or unsigned integer, or a float. */
  number?: 'int' | 'uint' | 'float';
  /** A byte size (`units.Base2Bytes`): a number of bytes, or a string with a unit such as `1MiB`. */
  bytes?: boolean;
  /** Whether the type holds a capsule (set on first use). */
  capsule?: boolean;
}

/** A check Alloy runs on a block's decoded arguments (one entry of a release's rules.json). */
export interface ArgumentRule {
  kind: RuleKind;
  fields: string[];
  /** Alloy's message, a Go format string. */
  message: string;
  phase: 'decode' | 'build';
  /** Where the check is in that release's source: `path:line@version`. */
  upstream: string;
  values?: (string | number)[];
  min?: number | string;
  max?: number | string;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

export type RuleKind =
  | 'allowed_values' | 'range' | 'non_empty' | 'format' | 'custom' | 'requires' | 'mutually_exclusive'
  | 'at_least_one' | 'one_of_required' | 'url_parses' | 'regex_compiles' | 'unique';

export interface RegexRule {
  /** Compiled as `^(?s:…)$`, as relabel rules are. */
  anchored: boolean;
  /** Checked while decoding (so `alloy validate` reports it), not only when the component starts. */
  decode: boolean;
}

export interface TextRule {
  values: string[];
  /** Go format with one verb (`%s`, `%q`, `%v`) for the value. */
  message: string;
  caseInsensitive: boolean;
}

export interface BlockSpec {
  kind: 'block';
  /** Block name as written: `endpoint`, or `stage.json` for enum blocks. */
  name: string;
  required: boolean;
  /** `one`: at most once; `many`: repeatable; a number: exactly that many times. */
  count: 'one' | 'many' | number;
  body: BodySpec;
}

export interface BodySpec {
  /** `struct`: fields below; `map`: any attributes; `any`: anything goes. */
  kind: 'struct' | 'map' | 'any';
  /** Fields in declaration order (the order Alloy reports missing ones). */
  fields: (AttrSpec | BlockSpec)[];
  /** Fields by name, built on first use by the checker. */
  index?: Map<string, AttrSpec | BlockSpec>;
  /** The required fields, built on first use by the checker. */
  requiredFields?: (AttrSpec | BlockSpec)[];
  /** Alloy's load-time argument checks for blocks of this body. */
  argRules?: ArgumentRule[];
}

export interface ComponentSpec {
  name: string;
  stability: Stability;
  community: boolean;
  /** Argument body; undefined when the component takes no arguments. */
  args?: BodySpec;
  exports: AttrSpec[];
  docs?: string;
}

/** Looks up component definitions for one Alloy release (what the checker and runner need). */
export interface ComponentCatalog {
  version: string;
  component(name: string): ComponentSpec | undefined;
  /** Config and service blocks (`logging`, `http`, `import.file`, ...). */
  block(name: string): BodySpec | undefined;
  names(): string[];
}
