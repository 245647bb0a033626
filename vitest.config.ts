import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@alloy-lint/gostd/regexp': fileURLToPath(new URL('./packages/gostd/src/regexp-index.ts', import.meta.url)),
      '@alloy-lint/gostd': pkg('gostd'),
      '@alloy-lint/schemas/node': fileURLToPath(new URL('./packages/schemas/src/node.ts', import.meta.url)),
      '@alloy-lint/schemas': pkg('schemas'),
      '@alloy-lint/parser': pkg('parser'),
      '@alloy-lint/values': pkg('values'),
      '@alloy-lint/ottl': pkg('ottl'),
      '@alloy-lint/formatter': pkg('formatter'),
      'prettier-plugin-alloy': pkg('prettier-plugin-alloy'),
      '@alloy-lint/analyzer': pkg('analyzer'),
      '@alloy-lint/schemas-gen': pkg('schemas-gen'),
      '@alloy-lint/runtime': pkg('runtime'),
      '@alloy-lint/graph': pkg('graph'),
      '@alloy-lint/language-service/test-support': fileURLToPath(new URL('./packages/language-service/src/test-support.ts', import.meta.url)),
      '@alloy-lint/language-service': pkg('language-service'),
      '@alloy-lint/yaml-embed': pkg('yaml-embed'),
      '@alloy-lint/playground/share': fileURLToPath(new URL('./packages/playground/src/share.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60000,
  },
});
