import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const BIN = new URL('../bin/alloy-lint.cjs', import.meta.url).pathname;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Node options before the script (`--import` a preload). */
  node?: string[];
  /** Run as this user (and group): root ignores file modes. */
  uid?: number;
}

/** Colour off unless asked: FORCE_COLOR (even empty) would turn it on, as in Node. */
function childEnv(opts: RunOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...opts.env };
  if (opts.env?.FORCE_COLOR === undefined) delete env.FORCE_COLOR;
  return env;
}

/** Runs the built CLI as a user would, in `cwd`, with colour off unless `env` says otherwise. */
export function run(args: string[], opts: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [...(opts.node ?? []), BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    uid: opts.uid,
    gid: opts.uid,
    env: childEnv(opts),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `run` without blocking the test worker (long test files otherwise time out its RPC). */
export function runAsync(args: string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...(opts.node ?? []), BIN, ...args], { cwd: opts.cwd, uid: opts.uid, gid: opts.uid, env: childEnv(opts) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(opts.input ?? '');
  });
}

/** Writes a tree of files into a fresh temporary directory and returns its path. */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'alloy-lint-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}
