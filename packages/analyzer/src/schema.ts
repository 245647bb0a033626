/** What the checker knows about a component or block: read from the generated schemas. */

export type Stability = 'experimental' | 'public-preview' | 'generally-available';

export type Severity = 'error' | 'warning' | 'info';

export const STABILITY_RANK: Record<Stability, number> = {
  experimental: 1,
  'public-preview': 2,
  'generally-available': 3,
};

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
  /** Whether the type holds a capsule (set on first use). */
  capsule?: boolean;
}

/** A check Alloy runs on a block's decoded arguments (from the project's notes of Alloy's rules). */
export interface ArgumentRule {
  kind: 'mutually_exclusive' | 'at_least_one' | 'one_of_required' | 'requires' | 'non_empty' | 'range' | 'allowed_values';
  fields: string[];
  /** Alloy's message, a Go format string. */
  message: string;
  phase: 'decode' | 'build';
  upstream: string;
  values?: (string | number)[];
  min?: number | string;
  max?: number | string;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

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
  /** Fields by name, built on first use. */
  index?: Map<string, AttrSpec | BlockSpec>;
  /** The required fields, built on first use. */
  requiredFields?: (AttrSpec | BlockSpec)[];
  /** Alloy's load-time argument checks for blocks of this body (argument-check rule). */
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

/** Looks up component definitions for one Alloy release. */
export interface ComponentCatalog {
  version: string;
  component(name: string): ComponentSpec | undefined;
  /** Config and service blocks (`logging`, `http`, `import.file`, ...). */
  block(name: string): BodySpec | undefined;
  names(): string[];
}

export const ANY_BODY: BodySpec = { kind: 'any', fields: [] };

/** The fields of a body by name (built once per body, kept on it). */
export function fieldsOf(spec: BodySpec): Map<string, AttrSpec | BlockSpec> {
  return (spec.index ??= new Map(spec.fields.map((f) => [f.name, f])));
}

/** The required fields of a body, in declaration order (built once per body). */
export function requiredOf(spec: BodySpec): (AttrSpec | BlockSpec)[] {
  return (spec.requiredFields ??= spec.fields.filter((f) => f.required));
}
