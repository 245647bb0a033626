// End to end in real VS Code: code-server with the packed .vsix installed, driven by Chromium.
// Needs what .ci/run installs (code-server and Node 24 in the tools cache, Debian chromium):
// under CI their absence fails the test; elsewhere it is skipped with a message.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from '@alloy-lint/formatter';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript build script
import { packageVsix } from '../scripts/package.js';
import { CHROMIUM, CODE_SERVER, installExtension, present, profile, type Running, start } from './code-server.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Screenshots of each step (git-ignored; CI keeps the folder as an artifact). */
const ARTIFACTS = join(REPO, 'artifacts', 'e2e');
const have = present();
if (!have && process.env.CI) {
  it('needs code-server, Node 24 and Chromium (.ci/run installs them)', () => {
    throw new Error(`missing: ${CODE_SERVER} or Node 24 beside it, or ${CHROMIUM}`);
  });
} else if (!have) {
  console.warn(`skipping the VS Code end-to-end test: code-server is not installed at ${CODE_SERVER} (.ci/run installs it)`);
}

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

describe.runIf(have)('the extension in VS Code (code-server)', () => {
  let tmp: string;
  let ws: string;
  let server: Running;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'alloy-e2e-'));
    ws = join(tmp, 'ws');
    mkdirSync(ws);
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of ['k8s-logs.alloy', 'k8s-logs.samples.yaml', 'helm-values.yaml']) copyFileSync(join(REPO, 'examples', f), join(ws, f));
    writeFileSync(join(ws, 'k8s-logs.test.yaml'), 'config:\n  path: k8s-logs.alloy\nsamples: k8s-logs.samples.yaml\nassert:\n  loki:\n    - type: count\n      sink: loki.write.loki\n      count: 2\n');
    const vsix: string = await packageVsix({ out: join(tmp, 'build'), vsix: join(tmp, 'alloy-lint.vsix') });
    const p = profile(tmp);
    expect(await installExtension(vsix, p)).toContain('successfully installed');
    server = await start(ws, p);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor();
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    if (page) await shot(`failed-${ctx.task.name.replace(/\W+/g, '-')}`);
    // The language client's log (protocol trace and server messages) beside the screenshots.
    for (const f of globSync('user/logs/**/*Grafana Alloy*.log', { cwd: tmp })) copyFileSync(join(tmp, f), join(ARTIFACTS, 'language-server.log'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const editor = () => page.locator('.editor-group-container .monaco-editor').first();
  const command = async (name: string) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${name}`);
    // Enter runs the focused row: wait until the filtered list has put the command there.
    await page.locator('.quick-input-widget .monaco-list-row.focused .monaco-icon-label', { hasText: new RegExp(`^(.*: )?${name}$`) }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  /** Waits until the status bar shows the cursor at line:column. */
  const at = (line: number, column: number) => page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${column}\\b`) }).first().waitFor();
  const goTo = async (line: number, column: number) => {
    await page.keyboard.press(`${mod}+g`);
    await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await at(line, column);
  };
  /** Quick Open on a file of the workspace; resolves once a line holding `shown` is drawn. */
  const openFile = async (name: string, shown: string) => {
    await page.keyboard.press(`${mod}+p`);
    await page.locator('.quick-input-widget input').fill(name);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await editor().locator('.view-line', { hasText: shown }).first().waitFor();
  };

  it('opens an Alloy file as Grafana Alloy, with the server running', async () => {
    await openFile('k8s-logs.alloy', 'discovery.kubernetes');
    await expect.poll(() => page.locator('.statusbar-item', { hasText: 'Grafana Alloy' }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await shot('1-opened');
  });

  it('runs the pipeline on its samples and the pipeline tests, with the CLI the extension ships', async () => {
    const output = page.locator('.panel .monaco-editor .view-lines');
    await command('Alloy: Run pipeline on samples');
    await output.filter({ hasText: 'run k8s-logs.alloy on k8s-logs.samples.yaml: exit code 0' }).waitFor();
    expect(await output.innerText()).toContain('loki.write.loki');
    await shot('1b-run');
    await command('Alloy: Run pipeline tests');
    await output.filter({ hasText: 'pipeline tests in ws: exit code 0' }).waitFor();
    expect((await output.innerText()).replace(/\u00a0/g, ' ')).toContain('PASS k8s-logs (k8s-logs.test.yaml, 1 assertion)');
  });

  it('shows a broken reference in the Problems panel', async () => {
    await editor().click();
    await goTo(43, 30);
    await page.keyboard.type('x');
    await page.keyboard.press(`${mod}+Shift+m`);
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'does not exist' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('component "loki.write.xloki.receiver" does not exist or is out of scope');
    await shot('2-problems');
  });

  it('offers only log receivers inside forward_to', async () => {
    await editor().click();
    await goTo(33, 19);
    const old = 'loki.process.pod_logs.receiver';
    for (let i = 0; i < old.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Delete');
    await editor().locator('.view-line', { hasText: 'forward_to = []' }).waitFor();
    await at(33, 19);
    const rows = page.locator('.editor-group-container .suggest-widget .monaco-list-row');
    // Asked again while the server is still checking the edit ("No suggestions" closes the widget).
    await expect
      .poll(async () => {
        await page.keyboard.press(`${mod}+Space`);
        return rows.first().waitFor({ timeout: 5000 }).then(() => true, () => false);
      }, { timeout: 30_000 })
      .toBe(true);
    const labels = await rows.locator('.label-name').allInnerTexts();
    expect(labels).toContain('loki.process.pod_logs.receiver');
    expect(labels).toContain('loki.write.loki.receiver');
    expect(labels.filter((l) => l.includes('.') && !l.endsWith('.receiver'))).toEqual([]);
    await shot('3-completion');
    await rows.filter({ hasText: old }).first().click();
    await editor().locator('.view-line', { hasText: `forward_to = [${old}]` }).waitFor();
  });

  it('hovers an argument with its type and default', async () => {
    await goTo(33, 6);
    await page.keyboard.press(`${mod}+k`);
    await page.keyboard.press(`${mod}+i`);
    const hover = page.locator('.monaco-hover', { hasText: 'forward_to: list(LogsReceiver)' }).first();
    await hover.waitFor();
    expect(await hover.innerText()).toMatch(/required/);
    await shot('4-hover');
    await page.keyboard.press('Escape');
  });

  it('formats the document as alloy fmt does', async () => {
    await editor().click();
    // Cursor first: VS Code drops a formatting answer when the cursor moves while it is asked.
    await goTo(3, 1);
    await command('Format Document');
    // The line indented by 12 spaces is indented by one tab (shown 4 wide) once formatted.
    await expect.poll(async () => /^\s{4}role/.test((await editor().locator('.view-line', { hasText: 'role = "pod"' }).innerText()).replace(/\u00a0/g, ' ')), { timeout: 20_000 }).toBe(true);
    await page.keyboard.press(`${mod}+s`);
    await expect.poll(() => readFileSync(join(ws, 'k8s-logs.alloy'), 'utf8'), { timeout: 20_000 }).toContain('\trole = "pod"\n');
    const saved = readFileSync(join(ws, 'k8s-logs.alloy'), 'utf8');
    expect(saved).toContain('loki.write.xloki.receiver');
    expect(format(saved).text).toBe(saved);
    await shot('5-formatted');
  });

  it('shows the pipeline graph, and a click on a block opens it', async () => {
    await page.keyboard.press(`${mod}+b`);
    await command('Alloy: Show pipeline graph');
    let frame: Frame | undefined;
    await expect
      .poll(async () => {
        for (const f of page.frames()) if (await f.locator('svg [data-id="loki.write.loki"]').count().catch(() => 0)) frame = f;
        return frame !== undefined;
      }, { timeout: 30_000 })
      .toBe(true);
    expect(await frame!.locator('svg [data-id]').count()).toBeGreaterThanOrEqual(5);
    await shot('6-graph');
    await frame!.locator('svg [data-id="discovery.kubernetes.pod"]').click();
    await expect.poll(() => page.locator('.statusbar-item', { hasText: /Ln 2, Col 1\b/ }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The picture the README shows: the broken reference, its problem, the graph beside.
    await goTo(43, 16);
    await shot('7-overview');
  });

  it('checks and hovers the Alloy inside a Helm values file (alloyLint.yaml on)', async () => {
    await openFile('helm-values.yaml', 'configMap:');
    await goTo(41, 38);
    await page.keyboard.type('x');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'xpod_logs' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('component "loki.process.xpod_logs.receiver" does not exist or is out of scope');
    expect(await row.innerText()).toContain('[Ln 41, Col 25]');
    await goTo(41, 14);
    await page.keyboard.press(`${mod}+k`);
    await page.keyboard.press(`${mod}+i`);
    await page.locator('.monaco-hover', { hasText: 'forward_to: list(LogsReceiver)' }).first().waitFor();
    await shot('8-yaml');
    await page.keyboard.press('Escape');
  });
});
