import type { BodySpec, ComponentCatalog, ComponentSpec } from '../src/index.js';

const attr = (name: string, type: string, required = false) => ({ kind: 'attr' as const, name, type, required });

/** A tiny hand-written catalog for unit tests (not generated). */
const COMPONENTS: ComponentSpec[] = [
  {
    name: 'test.source',
    stability: 'generally-available',
    community: false,
    args: { kind: 'struct', fields: [attr('forward_to', 'list(capsule(test.Receiver))', true), attr('interval', 'duration')] },
    exports: [],
  },
  {
    name: 'test.sink',
    stability: 'generally-available',
    community: false,
    args: {
      kind: 'struct',
      fields: [
        attr('forward_to', 'list(capsule(test.Receiver))'),
        { kind: 'block', name: 'endpoint', required: true, count: 'many', body: { kind: 'struct', fields: [attr('url', 'string', true)] } },
      ],
    },
    exports: [attr('receiver', 'capsule(test.Receiver)')],
  },
  { name: 'test.beta', stability: 'public-preview', community: false, args: { kind: 'struct', fields: [] }, exports: [] },
  { name: 'test.community', stability: 'experimental', community: true, args: { kind: 'struct', fields: [] }, exports: [] },
];

const BLOCKS: Record<string, BodySpec> = {
  logging: { kind: 'struct', fields: [attr('level', 'string'), attr('format', 'string')] },
  argument: { kind: 'struct', fields: [attr('optional', 'bool'), attr('default', 'any'), attr('comment', 'string')] },
  export: { kind: 'struct', fields: [attr('value', 'any', true)] },
  'import.file': { kind: 'struct', fields: [attr('filename', 'string', true)] },
  foreach: { kind: 'struct', fields: [attr('collection', 'list(any)', true), attr('var', 'string', true)] },
};

export const testCatalog: ComponentCatalog = {
  version: 'test',
  component: (name) => COMPONENTS.find((c) => c.name === name),
  block: (name) => BLOCKS[name],
  names: () => COMPONENTS.map((c) => c.name),
};
