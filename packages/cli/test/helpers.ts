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

/**
 * Every CLI a test starts is bounded: at most MEMORY_CAP_KIB of address space (`ulimit -v`,
 * so a read that grows without end fails instead of eating the machine) and, in runAsync,
 * at most OUTPUT_CAP bytes of output before it is killed.
 */
const MEMORY_CAP_KIB = 4 * 1024 * 1024;
const OUTPUT_CAP = 64 * 1024 * 1024;

function command(args: string[], opts: RunOptions): [string, string[]] {
  return ['/bin/sh', ['-c', `ulimit -v ${MEMORY_CAP_KIB} && exec "$@"`, 'sh', process.execPath, ...(opts.node ?? []), BIN, ...args]];
}

/** Colour off unless asked: FORCE_COLOR (even empty) would turn it on, as in Node. */
function childEnv(opts: RunOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...opts.env };
  if (opts.env?.FORCE_COLOR === undefined) delete env.FORCE_COLOR;
  return env;
}

/** Runs the built CLI as a user would, in `cwd`, with colour off unless `env` says otherwise. */
export function run(args: string[], opts: RunOptions = {}): Run {
  const [cmd, argv] = command(args, opts);
  const r = spawnSync(cmd, argv, {
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
    const [cmd, argv] = command(args, opts);
    const child = spawn(cmd, argv, { cwd: opts.cwd, uid: opts.uid, gid: opts.uid, env: childEnv(opts) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let total = 0;
    const keep = (into: Buffer[]) => (b: Buffer) => {
      total += b.length;
      if (total > OUTPUT_CAP) child.kill('SIGKILL');
      else into.push(b);
    };
    child.stdout.on('data', keep(out));
    child.stderr.on('data', keep(err));
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
