// Schemas of the pipelinetest harness components, added to the catalog when running tests.

import type { ComponentCatalog, ComponentSpec } from '@alloy-lint/analyzer';

const RECEIVER = 'capsule(loki.LogsReceiver)';

const SPECS: ComponentSpec[] = [
  {
    name: 'pipelinetest.sink',
    stability: 'experimental',
    community: false,
    args: { kind: 'struct', fields: [] },
    exports: [
      { kind: 'attr', name: 'loki_push_url', type: 'string', required: false },
      { kind: 'attr', name: 'loki_receiver', type: RECEIVER, required: false },
    ],
  },
  {
    name: 'pipelinetest.source',
    stability: 'experimental',
    community: false,
    args: {
      kind: 'struct',
      fields: [
        {
          kind: 'block',
          name: 'forward_to',
          required: true,
          count: 'one',
          body: { kind: 'struct', fields: [{ kind: 'attr', name: 'logs', type: `list(${RECEIVER})`, required: true }] },
        },
      ],
    },
    exports: [],
  },
];

/** The catalog plus `pipelinetest.sink` and `pipelinetest.source`. */
export function withTestComponents(catalog: ComponentCatalog): ComponentCatalog {
  const extra = new Map(SPECS.map((s) => [s.name, s]));
  return {
    version: catalog.version,
    component: (name) => extra.get(name) ?? catalog.component(name),
    block: (name) => catalog.block(name),
    names: () => [...catalog.names(), ...extra.keys()],
  };
}
