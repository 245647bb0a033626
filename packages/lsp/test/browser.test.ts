// The worker main: the server bundled for a browser and run in a Chromium Web Worker, driven by
// LSP messages over postMessage (what the playground does).
import { existsSync, readFileSync } from 'node:fs';
import { DATA_DIR } from '@alloy-lint/schemas/node';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present && !process.env.CI) console.warn('skipping the worker server run: Chromium (Debian package chromium) is not installed');

async function bundle(): Promise<string> {
  const r = await build({ entryPoints: [new URL('./browser-entry.ts', import.meta.url).pathname], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' });
  return r.outputFiles[0].text;
}

const SCHEMAS = new URL('v1.18.1/', DATA_DIR);
const USED = ['loki.source.file', 'loki.write'];
const TEXT = 'loki.source.file "a" {\n  targets    = []\n  forward_to = []\n}\nloki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';

describe('the language server in a Web Worker', () => {
  it('bundles for the browser without Node built-ins', async () => {
    expect(await bundle()).not.toMatch(/require\("(node:)?(fs|path|child_process|os|process|net)"\)/);
  });

  it.runIf(present || process.env.CI)('answers initialize, publishes diagnostics and completes over postMessage', async () => {
    const code = await bundle();
    const index = JSON.parse(readFileSync(new URL('index.json', SCHEMAS), 'utf8'));
    index.entries = index.entries.filter((e: { name: string }) => USED.includes(e.name));
    const schemas = Object.fromEntries(['rules.json', ...index.entries.map((e: { file: string }) => e.file)].map((f) => [f, JSON.parse(readFileSync(new URL(f, SCHEMAS), 'utf8'))]));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent('<!doctype html><html><body></body></html>');
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
        { code, data: { index, schemas }, text: TEXT },
      );
      expect(result).toEqual({ server: 'alloy-lint', diagnostics: ['no-inputs', 'empty-forward-to'], completion: ['loki.write.w.receiver'] });
    } finally {
      await browser.close();
    }
  });
});
