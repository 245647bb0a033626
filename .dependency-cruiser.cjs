// Allowed import directions between packages (see ARCHITECTURE.md). `npm run lint` enforces them.
const core = ['gostd', 'parser', 'values', 'ottl', 'formatter', 'schemas', 'analyzer', 'runtime', 'graph', 'language-service', 'yaml-embed'];
const allowed = {
  gostd: [],
  parser: ['gostd'],
  values: ['parser', 'gostd'],
  ottl: ['values', 'parser', 'gostd'],
  formatter: ['parser', 'gostd'],
  schemas: ['gostd'],
  'schemas-gen': ['schemas', 'gostd'],
  'yaml-embed': ['parser', 'gostd'],
  analyzer: ['parser', 'values', 'ottl', 'schemas', 'gostd'],
  runtime: ['analyzer', 'ottl', 'values', 'parser', 'schemas', 'gostd'],
  graph: ['analyzer', 'parser', 'schemas', 'gostd'],
  'language-service': ['graph', 'runtime', 'analyzer', 'ottl', 'values', 'formatter', 'parser', 'schemas', 'yaml-embed', 'gostd'],
  lsp: ['language-service', 'schemas', 'gostd'],
  cli: ['lsp', 'language-service', 'runtime', 'graph', 'formatter', 'analyzer', 'ottl', 'values', 'parser', 'schemas', 'yaml-embed', 'gostd', 'playground'],
  playground: ['language-service', 'runtime', 'graph', 'formatter', 'analyzer', 'schemas', 'gostd'],
  'prettier-plugin-alloy': ['formatter', 'parser', 'gostd'],
  'vscode-ext': ['lsp', 'cli', 'gostd'],
};
const all = Object.keys(allowed);
const pkgPath = (p) => `^(packages/${p}/|node_modules/@alloy-lint/${p}/)`;

module.exports = {
  forbidden: [
    ...all.map((from) => ({
      name: `${from}-imports`,
      comment: `${from} may import only: ${allowed[from].join(', ') || 'no other package'}`,
      severity: 'error',
      from: { path: `^packages/${from}/src/` },
      to: {
        path: `^(packages|node_modules/@alloy-lint)/(${all.filter((p) => p !== from && !allowed[from].includes(p)).join('|')})/`,
      },
    })),
    {
      name: 'pure-core-no-io',
      comment: 'The core packages do no I/O: files, processes and network come through a Host.',
      severity: 'error',
      from: { path: `^packages/(${core.join('|')})/src/`, pathNot: '^packages/schemas/src/node\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(fs|child_process|net|http|https|process|os|worker_threads)$' },
    },
    {
      name: 'core-no-schemas-node',
      comment: 'The core gets its catalog passed in; only shells read schemas from disk (@alloy-lint/schemas/node).',
      severity: 'error',
      from: { path: `^packages/(${core.filter((p) => p !== 'schemas').join('|')})/src/` },
      to: { path: '^(packages|node_modules/@alloy-lint)/schemas/(src|dist)/node\\.' },
    },
    {
      name: 'no-lsp-below-language-service',
      severity: 'error',
      from: { path: `^packages/(${core.filter((p) => p !== 'language-service').join('|')})/src/` },
      to: { path: 'node_modules/(vscode|vscode-languageserver[^/]*)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|bundle|test|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'], conditionNames: ['import', 'default'] },
  },
};
