import { createRequire } from 'node:module';
import { toMermaid } from '@alloy-lint/graph';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.js';
import { CASES, chromiumPresent, drawnNodes, haveTool } from './helpers.js';

const mermaidJs = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

const cases = CASES;

describe.runIf(haveTool('Chromium (Debian package chromium)', chromiumPresent()))('Mermaid output', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function renderMermaid(text: string) {
    const page = await browser.newPage();
    try {
      await page.route('**/*', (route) => route.abort());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
      await page.addScriptTag({ path: mermaidJs });
      const result = await page.evaluate(async (src) => {
        const m = (
          globalThis as unknown as {
            mermaid: {
              initialize(o: object): void;
              render(id: string, t: string): Promise<{ svg: string }>;
            };
          }
        ).mermaid;
        m.initialize({ startOnLoad: false, securityLevel: 'strict' });
        try {
          const { svg } = await m.render('graph', src);
          document.getElementById('out')!.innerHTML = svg;
          return {
            svg,
            nodes: document.querySelectorAll('#out .node').length,
            edges: document.querySelectorAll('#out .edgePaths path, #out path.flowchart-link').length,
          };
        } catch (e) {
          return { error: String((e as Error)?.message ?? e) };
        }
      }, text);
      return { ...result, pageErrors: errors };
    } finally {
      await page.close();
    }
  }

  it('reports broken text (the harness notices errors)', async () => {
    const r = await renderMermaid('flowchart LR\n  a["x"] -->|"y| b[');
    expect(r).toHaveProperty('error');
  });

  for (const [name, model] of Object.entries(cases)) {
    it(`is rendered by mermaid in headless Chromium: ${name}`, async () => {
      const r = await renderMermaid(toMermaid(model()));
      expect(r).not.toHaveProperty('error');
      expect(r.pageErrors).toEqual([]);
      const ok = r as { svg: string; nodes: number; edges: number };
      expect(ok.svg).not.toContain('Syntax error');
      expect(ok.nodes).toBeGreaterThanOrEqual(drawnNodes(model()).length);
      expect(ok.edges).toBeGreaterThan(0);
    });
  }
});
