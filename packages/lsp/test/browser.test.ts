// The worker main: the server bundled for a browser and run in a Chromium Web Worker, driven by
// LSP messages over postMessage (what the playground does).
import { describe, expect, it } from 'vitest';
import { blankPage, bundleForBrowser, present, schemaSubset } from '../../../test/support/browser-worker.js';

if (!present && !process.env.CI) console.warn('skipping the worker server run: Chromium (Debian package chromium) is not installed');

const bundle = () => bundleForBrowser(new URL('./browser-entry.ts', import.meta.url));
const TEXT = 'loki.source.file "a" {\n  targets    = []\n  forward_to = []\n}\nloki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';

describe('the language server in a Web Worker', () => {
  it('bundles for the browser without Node built-ins', async () => {
    expect(await bundle()).not.toMatch(/require\("(node:)?(fs|path|child_process|os|process|net)"\)/);
  });

  it.runIf(present || process.env.CI)('answers initialize, publishes diagnostics and completes over postMessage', async () => {
    const code = await bundle();
    const data = schemaSubset(['loki.source.file', 'loki.write']);
    const { browser, page } = await blankPage();
    try {
      const result = await page.evaluate(
        ({ code, data, text }) =>
          new Promise((resolve) => {
            const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
            const out: Record<string, unknown> = {};
            const send = (m: object) => w.postMessage({ jsonrpc: '2.0', ...m });
            w.onerror = (e) => resolve({ error: e.message });
            w.onmessage = (e) => {
              const m = e.data;
              if (m.id === 1) {
                out.server = m.result.serverInfo.name;
                send({ method: 'initialized', params: {} });
                send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///w/a.alloy', languageId: 'grafana-alloy', version: 1, text } } });
              } else if (m.method === 'textDocument/publishDiagnostics') {
                out.diagnostics = m.params.diagnostics.map((d: { code: string }) => d.code);
                send({ id: 2, method: 'textDocument/completion', params: { textDocument: { uri: 'file:///w/a.alloy' }, position: { line: 2, character: 16 } } });
              } else if (m.id === 2) {
                out.completion = m.result.items.map((i: { label: string }) => i.label).filter((l: string) => l.includes('.'));
                resolve(out);
              }
            };
            w.postMessage(data);
            send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
          }),
        { code, data, text: TEXT },
      );
      expect(result).toEqual({ server: 'alloy-lint', diagnostics: ['empty-forward-to', 'no-inputs'], completion: ['loki.write.w.receiver'] });
    } finally {
      await browser.close();
    }
  });
});
