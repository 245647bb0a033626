// The built playground in Debian's Chromium, served by `alloy-lint playground` on 127.0.0.1;
// every request to any other origin is blocked and recorded, so a test can fail on it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const repoFile = (rel: string) => fileURLToPath(new URL(`../../../${rel}`, import.meta.url));
export const SITE = repoFile('packages/playground/dist');
const BIN = repoFile('packages/cli/bin/alloy-lint.cjs');

/** Under CI a missing Chromium fails the tests; elsewhere they are skipped with a warning. */
export function chromiumWanted(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI) return true;
  console.warn('skipping the playground browser tests: Chromium (Debian package chromium) is not installed');
  return false;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/** `alloy-lint playground --no-open` on a free port; resolves with its address once it listens. */
export function startServer(args: string[] = []): Promise<{ proc: ChildProcess; url: string; link?: string }> {
  const proc = spawn(process.execPath, [BIN, 'playground', '--no-open', '--port', '0', '--site', SITE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr!.on('data', (d) => (err += d));
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)\n(.*)\n/.exec(out);
      if (m) resolve({ proc, url: m[1], link: m[2] !== m[1] ? m[2] : undefined });
    });
    proc.on('exit', (code) => reject(new Error(`alloy-lint playground exited ${code}: ${err}${out}`)));
  });
}

/** A fresh context whose requests may go to `origin` only; the others are aborted and listed. */
export async function isolatedContext(browser: Browser, origin: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; blocked: string[]; failed: string[] }> {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const blocked: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  context.on('requestfailed', (r) => failed.push(r.url()));
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return { context, blocked, failed };
}

/** Opens `url` and waits for the first diagnostics; page errors are collected. */
export async function openPlayground(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return { page, errors };
}

/** The page's address fragment once it differs from `before` (it is rewritten after each change). */
export async function fragmentAfter(page: Page, before: string): Promise<string> {
  await page.waitForFunction((h) => location.hash !== h && location.hash.length > 1, before);
  return page.evaluate(() => location.hash);
}
