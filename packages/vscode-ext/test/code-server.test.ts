// End to end in real VS Code: code-server with the packed .vsix installed, driven by Chromium.
// Needs what .ci/run installs (code-server and Node 24 in the tools cache, Debian chromium):
// under CI their absence fails the test; elsewhere it is skipped with a message.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(join(REPO, 'examples', 'k8s-logs.alloy'), join(ws, 'k8s-logs.alloy'));
    const vsix: string = await packageVsix({ out: join(tmp, 'build'), vsix: join(tmp, 'alloy-lint.vsix') });
    const p = profile(tmp);
    expect(installExtension(vsix, p)).toContain('successfully installed');
    server = await start(ws, p);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const editor = () => page.locator('.editor-group-container .monaco-editor').first();
  const command = async (name: string) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${name}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  const goTo = async (line: number, column: number) => {
    await page.keyboard.press(`${mod}+g`);
    await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
  };

  it('opens an Alloy file as Grafana Alloy, with the server running', async () => {
    await page.keyboard.press(`${mod}+p`);
    await page.locator('.quick-input-widget input').fill('k8s-logs.alloy');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'k8s-logs.alloy' }).first().waitFor();
    await page.keyboard.press('Enter');
    await editor().locator('.view-line', { hasText: 'discovery.kubernetes' }).first().waitFor();
    await expect.poll(() => page.locator('.statusbar-item', { hasText: 'Grafana Alloy' }).count()).toBeGreaterThan(0);
    await shot('1-opened');
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
});
