/** What the checker knows about a component or block: the specs @alloy-lint/schemas reads. */
import type { AttrSpec, BlockSpec, BodySpec, Stability } from '@alloy-lint/schemas';

export type {
  ArgumentRule, AttrSpec, BlockSpec, BodySpec, ComponentCatalog, ComponentSpec, RegexRule, Stability, TextRule,
} from '@alloy-lint/schemas';

export type Severity = 'error' | 'warning' | 'info';

export const STABILITY_RANK: Record<Stability, number> = {
  experimental: 1,
  'public-preview': 2,
  'generally-available': 3,
};

export const ANY_BODY: BodySpec = { kind: 'any', fields: [] };

/** The fields of a body by name (built once per body, kept on it). */
export function fieldsOf(spec: BodySpec): Map<string, AttrSpec | BlockSpec> {
  return (spec.index ??= new Map(spec.fields.map((f) => [f.name, f])));
}

/** The required fields of a body, in declaration order (built once per body). */
export function requiredOf(spec: BodySpec): (AttrSpec | BlockSpec)[] {
  return (spec.requiredFields ??= spec.fields.filter((f) => f.required));
}

/** The required fields a block does not write (the `missing-required` findings, for editors' fixes). */
export function requiredFieldsMissing(b: { body: ({ kind: 'Attribute'; name: { name: string } } | { kind: 'Block'; fullName: string })[] }, spec: BodySpec): (AttrSpec | BlockSpec)[] {
  if (spec.kind !== 'struct') return [];
  const written = new Set(b.body.map((s) => (s.kind === 'Attribute' ? `a:${s.name.name}` : `b:${s.fullName}`)));
  return requiredOf(spec).filter((f) => !written.has(`${f.kind === 'attr' ? 'a' : 'b'}:${f.name}`));
}
