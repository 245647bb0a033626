// Runs inside a browser Web Worker (bundled by browser.test.ts): the service with an in-memory host.
import { loadCatalog } from '@alloy-lint/schemas';
import { createLanguageService } from '@alloy-lint/language-service';

declare const self: { onmessage: (e: { data: { index: unknown; schemas: Record<string, unknown>; text: string } }) => void; postMessage(v: unknown): void };

self.onmessage = async (e) => {
  try {
    const { index, schemas, text } = e.data;
    const catalog = loadCatalog(index, (f: string) => schemas[f]);
    const ls = createLanguageService({ host: { catalog: () => catalog } });
    const uri = 'file:///w/main.alloy';
    ls.openDocument(uri, 1, text);
    const line = text.split('\n').findIndex((l) => l.includes('forward_to'));
    const col = text.split('\n')[line].indexOf('[') + 1;
    self.postMessage({
      diagnostics: ls.diagnostics(uri).map((d) => d.code),
      completion: ls.complete(uri, { line, character: col }).items.map((i) => i.label).filter((l) => l.includes('.')),
      hover: ls.hover(uri, { line, character: 4 })?.contents,
      format: ls.format(uri).length,
      svg: (await ls.graph(uri, 'svg')).slice(0, 4),
    });
  } catch (err) {
    self.postMessage({ error: String((err as Error).stack ?? err) });
  }
};
