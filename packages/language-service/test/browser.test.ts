import { existsSync, readFileSync } from 'node:fs';
import { DATA_DIR } from '@alloy-lint/schemas/node';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && !process.env.CI) console.warn('skipping the browser run: Chromium (Debian package chromium) is not installed');

/** The service bundled for a browser: esbuild fails on any Node built-in module. */
async function bundle(): Promise<string> {
  const r = await build({
    entryPoints: [new URL('./browser-entry.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0].text;
}

const SCHEMAS = new URL('v1.18.1/', DATA_DIR);
const USED = ['loki.source.file', 'loki.write', 'otelcol.exporter.otlp'];

describe('the language service in a browser', () => {
  it('bundles for the browser without Node built-ins', async () => {
    const code = await bundle();
    expect(code.length).toBeGreaterThan(10000);
    expect(code).not.toMatch(/require\("(node:)?(fs|path|child_process|os|process)"\)/);
  });

  it.runIf(present || process.env.CI)('runs in a Web Worker of Chromium', async () => {
    const code = await bundle();
    const index = JSON.parse(readFileSync(new URL('index.json', SCHEMAS), 'utf8'));
    index.entries = index.entries.filter((e: { name: string }) => USED.includes(e.name));
    const schemas = Object.fromEntries(['rules.json', ...index.entries.map((e: { file: string }) => e.file)].map((f) => [f, JSON.parse(readFileSync(new URL(f, SCHEMAS), 'utf8'))]));
    const text = 'loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.w.receiver]\n}\nloki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\notelcol.exporter.otlp "o" {\n  client {\n    endpoint = "x"\n  }\n}\n';
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent('<!doctype html><html><body></body></html>');
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
