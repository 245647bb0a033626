// The built playground as a person uses it, in Chromium, offline: served by
// `alloy-lint playground`, every request to another origin blocked (and any one fails the test).
import { mkdirSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeState, type PlaygroundState } from '../src/share.js';
import { chromiumWanted, fragmentAfter, isolatedContext, launch, openPlayground, repoFile, startServer } from './browser.js';

const SEED = readFileSync(repoFile('examples/k8s-logs.alloy'), 'utf8');
const ARTIFACTS = repoFile('artifacts');

const stateOf = (fragment: string): PlaygroundState => {
  const s = decodeState(fragment);
  if ('error' in s) throw new Error(s.error);
  return s;
};

/** Retries `fn` until its value passes (the worker answers asynchronously; the first run loads schemas). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20000, interval: 100 });

/** The state in the page's address. */
const hashState = async (page: Page) => stateOf(await page.evaluate(() => location.hash));

/** Puts the cursor at the end of the config editor. */
async function toEnd(page: Page): Promise<void> {
  await page.click('#config-editor .cm-content');
  await page.keyboard.press('Control+End');
}

describe.runIf(chromiumWanted())('the playground in Chromium, offline', () => {
  let server: { proc: ChildProcess; url: string };
  let browser: Browser;
  let context: BrowserContext;
  let blocked: string[];
  let failed: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    ({ context, blocked, failed } = await isolatedContext(browser, server.url));
  });
  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
  });

  const open = async (url = server.url) => {
    const r = await openPlayground(context, url);
    pageErrors.push(...r.errors);
    return r.page;
  };

  it('loads the seed with no problems and draws its pipeline', async () => {
    const page = await open();
    await poll(() => page.textContent('#problems')).toContain('No problems');
    await page.waitForSelector('#graph [data-id="loki.write.loki"]');
    expect(await page.locator('#graph [data-id]').count()).toBeGreaterThanOrEqual(5);
    // The other seed pipeline, from the examples menu: its otelcol schemas load on demand.
    await page.selectOption('#example', 'otlp-traces');
    await page.waitForSelector('#graph [data-id="otelcol.exporter.otlp.default"]');
    await poll(() => page.textContent('#problems')).toContain('No problems');
    await page.close();
  });

  it('shows the error of a broken reference as it is typed', async () => {
    const page = await open();
    await toEnd(page);
    await page.keyboard.insertText('\nloki.source.file "broken" {\n\ttargets    = []\n\tforward_to = [loki.write.missing.receiver]\n}\n');
    await poll(() => page.textContent('#problems')).toContain('component "loki.write.missing.receiver" does not exist or is out of scope');
    await poll(() => page.locator('#problems .sev-error').count()).toBe(1);
    await page.waitForSelector('#config-editor .cm-lintRange-error');
    await page.close();
  });

  it('completes references inside forward_to, only log receivers', async () => {
    const page = await open();
    await toEnd(page);
    await page.keyboard.insertText('\nloki.source.file "more" {\n\ttargets    = []\n\tforward_to = [');
    await page.keyboard.type('loki');
    const list = page.locator('.cm-tooltip-autocomplete');
    await poll(() => list.textContent()).toContain('loki.write.loki.receiver');
    const labels = await list.locator('.cm-completionLabel').allTextContents();
    expect(labels).toContain('loki.process.pod_logs.receiver');
    expect(labels.filter((l) => l.startsWith('discovery.'))).toEqual([]);
    await page.keyboard.type('.write');
    await poll(() => list.locator('[aria-selected] .cm-completionLabel').textContent()).toBe('loki.write.loki.receiver');
    // A click, not Enter: CodeMirror ignores Enter for 75 ms after the list changes (a newline
    // goes in instead), which a loaded machine hits.
    await list.locator('[aria-selected]').click();
    await poll(() => page.locator('#config-editor .cm-activeLine').textContent()).toContain('forward_to = [loki.write.loki.receiver');
    await page.close();
  });

  it('shows hover documentation, formats, and jumps from the graph and to definitions', async () => {
    const page = await open();
    await page.hover('#config-editor .cm-line:has-text("forward_to = [loki.process") >> text=forward_to');
    await poll(() => page.locator('.cm-tooltip-hover').textContent()).toContain('forward_to: list(LogsReceiver)');
    const before = await page.evaluate(() => location.hash);
    await page.click('#format');
    const formatted = stateOf(await fragmentAfter(page, before)).config;
    expect(formatted).toContain('discovery.kubernetes "pod" {\n\trole = "pod"\n}');
    await page.click('#graph [data-id="loki.write.loki"]');
    await poll(() => page.locator('#config-editor .cm-activeLine').textContent()).toContain('loki.write "loki" {');
    // The cursor inside the label of a reference: discovery.kubernetes.po|d.targets
    await page.click('#config-editor .cm-line:has-text("targets = discovery.kubernetes.pod.targets")');
    await page.keyboard.press('End');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('F12');
    await poll(() => page.locator('#config-editor .cm-activeLine').textContent()).toContain('discovery.kubernetes "pod" {');
    await page.close();
  });

  it('runs the seed: two log lines reach loki.write with container="hello-api", traced stage by stage', async () => {
    const page = await open();
    await page.click('#run');
    await poll(() => page.textContent('#run-output')).toContain('loki.write.loki');
    const text = (await page.textContent('#run-output'))!;
    const sink = text.slice(text.indexOf('\nloki.write.loki'), text.indexOf('\n\n', text.indexOf('\nloki.write.loki') + 1));
    expect(sink).toContain('(2 entries)');
    expect(sink.match(/container="hello-api"/g)).toHaveLength(2);
    expect(sink).toContain('Request received: path=/hello, method=GET, trace_id=4228e430a1f94dc866fb862c68189da7');
    expect(sink).toContain('Response sent: trace_id=4228e430a1f94dc866fb862c68189da7');
    expect(text).toContain('Trace: 2 entries, component by component');
    expect(text).toMatch(/stage\.static_labels #\d+ {2}labels \+cluster="kose-eks-welcomestudy"/);
    expect(await page.locator('#run-output .t-green').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('runs the pipeline test of the seed', async () => {
    const page = await open();
    await page.click('nav [data-tab="test"]');
    await page.click('#run-test');
    await poll(() => page.textContent('#test-status')).toBe('passed');
    expect(await page.textContent('#test-output')).toMatch(/^PASS \d+\/\d+ assertions/);
    await page.close();
  });

  it('copies a share link that opens the same state in a fresh page', async () => {
    const page = await open();
    await page.selectOption('#stability', 'experimental');
    await page.selectOption('#release', 'v1.17.1');
    await page.click('#rules-menu summary');
    await page.selectOption('#rules select[data-rule="no-inputs"]', 'off');
    await toEnd(page);
    await page.keyboard.insertText('\n// shared from the playground\n');
    await page.click('nav [data-tab="samples"]');
    await page.click('#samples-editor .cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nenv:\n  HOSTNAME: node-1\n');
    await poll(async () => (await hashState(page)).samples).toContain('HOSTNAME: node-1');
    const current = await hashState(page);
    await page.click('#share');
    const link = await page.inputValue('#share-link');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const shared = stateOf(new URL(link).hash);
    expect(shared.config.startsWith(SEED.trimEnd())).toBe(true);
    expect(shared.config.trimEnd().endsWith('}\n// shared from the playground')).toBe(true);
    expect(shared).toEqual(current);
    expect(shared.samples).toContain('HOSTNAME: node-1');
    expect(shared.settings).toMatchObject({ alloyVersion: 'v1.17.1', stabilityLevel: 'experimental', rules: { 'no-inputs': 'off' } });

    // A fresh browser context: nothing carries over but the link.
    const fresh = await isolatedContext(browser, server.url);
    try {
      const r = await openPlayground(fresh.context, link);
      pageErrors.push(...r.errors);
      const again = await r.page.evaluate(() => location.hash);
      expect(stateOf(again)).toEqual(shared);
      expect(await r.page.inputValue('#stability')).toBe('experimental');
      expect(await r.page.inputValue('#release')).toBe('v1.17.1');
      expect(await r.page.inputValue('#rules select[data-rule="no-inputs"]')).toBe('off');
      await poll(() => r.page.locator('#config-editor .cm-content').textContent()).toContain('// shared from the playground');
      expect(fresh.blocked).toEqual([]);
    } finally {
      await fresh.context.close();
    }
    await page.close();
  });

  it('completes samples keys from the samples schema', async () => {
    const page = await open();
    await page.click('nav [data-tab="samples"]');
    await page.click('#samples-editor .cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nlogs:\n  loki.source.api.in:\n    - ');
    await page.keyboard.type('struc');
    const list = page.locator('.cm-tooltip-autocomplete');
    await poll(() => list.locator('.cm-completionLabel').allTextContents()).toContain('structured_metadata');
    await list.locator('li', { has: page.locator('.cm-completionLabel', { hasText: /^structured_metadata$/ }) }).click();
    await poll(() => page.locator('#samples-editor .cm-activeLine').textContent()).toBe('    - structured_metadata:');
    await page.close();
  });

  it('copies the config and its diagnostics as Markdown', async () => {
    const page = await open();
    await toEnd(page);
    await page.keyboard.insertText('\nloki.echo "x" {\n\tnope = 1\n}\n');
    await poll(() => page.textContent('#problems')).toContain('nope');
    await page.click('#markdown');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toContain('```alloy\n// Discover every pod in the cluster.');
    expect(md).toMatch(/- `config\.alloy:\d+:2` error .*nope/);
    expect(md).toMatch(/\[open in the alloy-lint playground\]\(http:\/\/127\.0\.0\.1:\d+\/#v1\./);
    await page.close();
  });

  it('saves screenshots in light and dark mode', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const backgrounds: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const c = await isolatedContext(browser, server.url, scheme);
      try {
        const r = await openPlayground(c.context, server.url);
        pageErrors.push(...r.errors);
        await r.page.waitForSelector('#graph [data-id="loki.write.loki"]');
        await r.page.screenshot({ path: `${ARTIFACTS}/playground-${scheme}.png` });
        backgrounds.push(await r.page.evaluate(() => getComputedStyle(document.body).backgroundColor));
        expect(c.blocked).toEqual([]);
      } finally {
        await c.context.close();
      }
    }
    expect(backgrounds[0]).toBe('rgb(255, 255, 255)');
    expect(backgrounds[1]).not.toBe(backgrounds[0]);
  });

  it('made no request outside the local server, none failed, and no page error', () => {
    expect(blocked).toEqual([]);
    expect(failed).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
