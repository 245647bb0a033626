import { describe, expect, it } from 'vitest';
import { blankPage, bundleForBrowser, present, schemaSubset } from '../../../test/support/browser-worker.js';

if (!present && !process.env.CI) console.warn('skipping the browser run: Chromium (Debian package chromium) is not installed');

const bundle = () => bundleForBrowser(new URL('./browser-entry.ts', import.meta.url));
const USED = ['loki.source.file', 'loki.write', 'otelcol.exporter.otlp'];

describe('the language service in a browser', () => {
  it('bundles for the browser without Node built-ins', async () => {
    const code = await bundle();
    expect(code.length).toBeGreaterThan(10000);
    expect(code).not.toMatch(/require\("(node:)?(fs|path|child_process|os|process)"\)/);
  });

  it.runIf(present || process.env.CI)('runs in a Web Worker of Chromium', async () => {
    const code = await bundle();
    const { index, schemas } = schemaSubset(USED);
    const text = 'loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.w.receiver]\n}\nloki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\notelcol.exporter.otlp "o" {\n  client {\n    endpoint = "x"\n  }\n}\n';
    const { browser, page } = await blankPage();
    try {
      const result = await page.evaluate(
        ({ code, data }) =>
          new Promise((resolve) => {
            const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
            w.onmessage = (e) => resolve(e.data);
            w.onerror = (e) => resolve({ error: e.message });
            w.postMessage(data);
          }),
        { code, data: { index, schemas, text } },
      );
      expect(result).toEqual({
        diagnostics: ['no-inputs'],
        completion: ['loki.write.w.receiver'],
        hover: expect.objectContaining({ value: expect.stringContaining('forward_to: list(LogsReceiver)') }),
        format: 5,
        svg: '<svg',
      });
    } finally {
      await browser.close();
    }
  });
});
