// Shared by the tests that run a bundle in a Chromium Web Worker (language service, language server):
// the browser bundle, a subset of the schemas to post to the worker, and a blank offline page.
import { existsSync, readFileSync } from 'node:fs';
import { DATA_DIR } from '@alloy-lint/schemas/node';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Whether Debian's Chromium is installed (tests that need it fail, not skip, when CI is set). */
export const present = existsSync(CHROMIUM);

/** `entry` bundled for a browser: esbuild fails on any Node built-in module. */
export async function bundleForBrowser(entry: URL): Promise<string> {
  const r = await build({ entryPoints: [entry.pathname], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' });
  return r.outputFiles[0].text;
}

/** The schema index limited to `components`, and the files it names (with rules.json), as the worker receives them. */
export function schemaSubset(components: string[], release = 'v1.18.1'): { index: { entries: { name: string; file: string }[] }; schemas: Record<string, unknown> } {
  const dir = new URL(`${release}/`, DATA_DIR);
  const read = (f: string) => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
  const index = read('index.json');
  index.entries = index.entries.filter((e: { name: string }) => components.includes(e.name));
  const files: string[] = ['rules.json', ...index.entries.map((e: { file: string }) => e.file)];
  return { index, schemas: Object.fromEntries(files.map((f) => [f, read(f)])) };
}

/** Headless Chromium with one blank page that makes no network request; close the browser when done. */
export async function blankPage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body></body></html>');
  return { browser, page };
}
