import { toSvg } from '@alloy-lint/graph';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkOf, launch } from './browser.js';
import { CASES, chromiumPresent, haveTool } from './helpers.js';

const cases = CASES;

describe('SVG output', () => {
  it('is one standalone document: no scripts, no external references', async () => {
    const svg = await toSvg(cases.everything());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script|<foreignObject|href=|url\(|@import/i);
    expect(svg).toContain('prefers-color-scheme: dark');
  });

  it('names each drawn block and cluster by its model id (data-id), for editors to link', async () => {
    const model = cases.everything();
    const ids = [...(await toSvg(model)).matchAll(/ data-id="([^"]*)"/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    const known = new Set([...model.nodes.map((n) => n.id), ...model.clusters.map((c) => c.id)]);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is the same for the same model', async () => {
    expect(await toSvg(cases['k8s-logs']())).toBe(await toSvg(cases['k8s-logs']()));
  });
});

/** Boxes drawn in the page, measured by the browser itself (text by its rendered extent). */
interface Drawn {
  nodes: Box[];
  labels: Box[];
  overflow: string[];
}
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

describe.runIf(haveTool('Chromium (Debian package chromium)', chromiumPresent()))('SVG in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, model] of Object.entries(cases)) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`screenshot is not blank: ${name}, ${scheme}`, async () => {
        const { ink, total } = await inkOf(browser, await toSvg(model()), scheme);
        // Lines, boxes and text cover a real share of the picture, but not all of it.
        expect(ink).toBeGreaterThan(total * 0.02);
        expect(ink).toBeLessThan(total * 0.6);
      });
    }

    it(`text fits its boxes and labels overlap nothing: ${name}`, async () => {
      const page = await browser.newPage();
      try {
        await page.route('**/*', (route) => route.abort());
        await page.setContent(`<!doctype html><html><body style="margin:0">${await toSvg(model())}</body></html>`);
        const drawn: Drawn = await page.evaluate(() => {
          const box = (e: SVGGraphicsElement) => {
            const b = e.getBBox();
            return { x: b.x, y: b.y, w: b.width, h: b.height };
          };
          const inside = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
            a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;
          const overflow: string[] = [];
          const nodes = [...document.querySelectorAll<SVGGElement>('g.block')].map((g) => {
            const rect = box(g.querySelector('rect.node') as SVGGraphicsElement);
            for (const t of g.querySelectorAll<SVGTextElement>('text')) if (!inside(box(t), rect)) overflow.push(`node text ${t.textContent}`);
            return rect;
          });
          for (const g of document.querySelectorAll<SVGGElement>('g.group')) {
            const rect = box(g.querySelector('rect.cluster') as SVGGraphicsElement);
            for (const t of g.querySelectorAll<SVGTextElement>('text')) if (!inside(box(t), rect)) overflow.push(`cluster text ${t.textContent}`);
          }
          const labels = [...document.querySelectorAll<SVGGElement>('g.edge')].flatMap((g) => {
            const bg = g.querySelector<SVGGraphicsElement>('rect.lbg');
            const t = g.querySelector<SVGTextElement>('text.elabel');
            if (!bg || !t) return [];
            const b = box(bg);
            // The text may be taller than its background strip, never wider.
            const tb = box(t);
            if (tb.x < b.x - 0.5 || tb.x + tb.w > b.x + b.w + 0.5) overflow.push(`edge label ${t.textContent}`);
            return [b];
          });
          return { nodes, labels, overflow };
        });
        expect(drawn.overflow).toEqual([]);
        expect(drawn.nodes.length).toBeGreaterThan(0);
        for (let i = 0; i < drawn.nodes.length; i++) {
          for (let j = i + 1; j < drawn.nodes.length; j++) expect(overlap(drawn.nodes[i], drawn.nodes[j]), `nodes ${i} and ${j}`).toBe(false);
        }
        for (const [i, l] of drawn.labels.entries()) {
          for (const n of drawn.nodes) expect(overlap(l, n), `label ${i} on a node`).toBe(false);
          for (const m of drawn.labels.slice(i + 1)) expect(overlap(l, m), `labels ${i}`).toBe(false);
        }
      } finally {
        await page.close();
      }
    });
  }
});
