// Runs inside a browser Web Worker (bundled by browser.test.ts): the first message brings the
// schemas, then the worker is the language server, speaking LSP by postMessage.
import { loadCatalog } from '@alloy-lint/schemas';
import { startWorkerServer } from '../src/browser/main.js';

declare const self: { onmessage: ((e: { data: { index: unknown; schemas: Record<string, unknown> } }) => void) | null };

self.onmessage = (e) => {
  const { index, schemas } = e.data;
  const catalog = loadCatalog(index as Parameters<typeof loadCatalog>[0], (f: string) => schemas[f]);
  startWorkerServer({ catalog: () => catalog, versions: () => ['v1.18.1'] });
};
