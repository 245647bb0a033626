// The playground site (packages/playground/dist, served by `alloy-lint playground`) in Debian's
// Chromium: what a first visit downloads before the seed's first diagnostics, against the
// whole build; and the time from navigation to those diagnostics, paired in the same run with
// a blank page from the same server (navigation to its load event), loads interleaved.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const SITE = fileURLToPath(new URL('../../packages/playground/dist/', import.meta.url));
const BIN = fileURLToPath(new URL('../../packages/cli/bin/alloy-lint.cjs', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAIRS = 7;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${Math.round(n / 1024).toLocaleString('en')} KB`;

function files(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}
const sizes = (paths) => paths.reduce((acc, p) => {
  const bytes = readFileSync(p);
  return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipSync(bytes).length };
}, { raw: 0, gzip: 0 });

function serve() {
  const proc = spawn(process.execPath, [BIN, 'playground', '--no-open', '--port', '0', '--site', SITE], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.on('exit', (code) => reject(new Error(`alloy-lint playground exited ${code}`)));
  });
}

export default async function playgroundRows() {
  const { proc, url } = await serve();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const load = async (fresh) => {
      const context = await browser.newContext();
      await context.route('**/*', (r) => (r.request().url().startsWith(url) ? r.continue() : r.abort()));
      await context.route(`${url}blank.html`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
      const page = await context.newPage();
      // Requests of the page and its worker, kept with Chromium's start time: the ones that
      // started before the first-diagnostics mark are what the first load needed (the graph's
      // elkjs is fetched just after it).
      const requests = [];
      context.on('request', (r) => requests.push({ r, seen: Date.now() }));
      let ms;
      let requested = new Set();
      if (fresh) {
        await page.goto(url);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
        const mark = await page.evaluate(() => ({ origin: performance.timeOrigin, at: performance.getEntriesByName('first-diagnostics')[0].startTime }));
        ms = mark.at;
        const startOf = ({ r, seen }) => (r.timing().startTime > 0 ? r.timing().startTime : seen);
        requested = new Set(requests.filter((q) => startOf(q) <= mark.origin + mark.at).map((q) => q.r.url()));
      } else {
        await page.goto(`${url}blank.html`, { waitUntil: 'load' });
        ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
      }
      await context.close();
      return { ms, requested };
    };
    const first = await load(true);
    const blank = [];
    const tti = [];
    for (let i = 0; i < PAIRS; i++) {
      blank.push((await load(false)).ms);
      tti.push((await load(true)).ms);
    }
    const loaded = [...first.requested].filter((u) => u.startsWith(url)).map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html');
    const initial = sizes(loaded.map((p) => join(SITE, p)));
    const initialJs = sizes(loaded.filter((p) => p.endsWith('.js')).map((p) => join(SITE, p)));
    const all = files(SITE);
    const total = sizes(all);
    const totalJs = sizes(all.filter((p) => p.endsWith('.js')));
    const ratios = tti.map((t, i) => t / blank[i]);
    return {
      rows: [
        {
          name: 'playground: JS loaded until first diagnostics (seed), gzip',
          ms: undefined,
          other: `initial JS ${kb(initialJs.raw)} (${kb(initialJs.gzip)} gzip) in ${loaded.filter((p) => p.endsWith('.js')).length} files; all of it with HTML and CSS ${kb(initial.gzip)} gzip`,
          baseline: `whole build: ${kb(totalJs.raw)} JS (${kb(totalJs.gzip)} gzip) in ${all.length} files, ${kb(total.raw)} in all`,
          ratio: initialJs.gzip / totalJs.gzip,
        },
        {
          name: 'playground: time to first diagnostics (seed), navigation start to problems shown',
          ms: median(tti),
          baseline: 'blank page from the same server, navigation to load, interleaved',
          baselineMs: median(blank),
          ratio: median(ratios),
          spread: [Math.min(...ratios), Math.max(...ratios)],
        },
      ],
      initial: { js: initialJs, all: initial, files: loaded },
      total: { js: totalJs, all: total, files: all.length },
      ttiMs: tti,
      blankMs: blank,
    };
  } finally {
    await browser.close();
    proc.kill();
  }
}
