import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM } from './helpers.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, headless; every page blocks network requests. */
export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Screenshots an SVG document at its own size; returns how many pixels differ from the background. */
export async function inkOf(browser: Browser, svg: string, colorScheme: 'light' | 'dark'): Promise<{ ink: number; total: number; width: number; height: number }> {
  const m = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
  if (!m) throw new Error('no width/height on the svg element');
  const width = Math.min(Number(m[1]), 8000);
  const height = Math.min(Number(m[2]), 8000);
  const page = await browser.newPage({ colorScheme, viewport: { width, height } });
  try {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const png = await page.screenshot({ clip: { x: 0, y: 0, width, height } });
    // Count in the page: decode the screenshot into a canvas.
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const [r, g, b] = [d[0], d[1], d[2]];
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) > 24) ink++;
      return { ink, total: d.length / 4, width: c.width, height: c.height };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}
