// The security suite's harness: the real CLI on a throwaway repository, with a planted
// environment variable, a planted file outside the repository, and every path the process
// opens or lists recorded (support/record-fs.mjs).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAsync, type Run } from '../../packages/cli/test/helpers.js';

/** The tool's own files (code, schemas): reading them is not reading the user's system. */
const TOOL = fileURLToPath(new URL('../../', import.meta.url));
const RECORDER = fileURLToPath(new URL('./record-fs.mjs', import.meta.url));

export interface Scene {
  /** The repository under attack (has a .git folder): the configuration's root. */
  repo: string;
  /** A folder beside it holding `planted.txt`. */
  outside: string;
  /** The planted file's and the planted variable's contents: neither may ever be printed. */
  fileSecret: string;
  envSecret: string;
}

export function scene(files: Record<string, string | Buffer> = {}): Scene {
  const base = mkdtempSync(join(tmpdir(), 'alloy-lint-attack-'));
  // Readable by an unprivileged user: some attacks run the CLI as `nobody` (root ignores modes).
  chmodSync(base, 0o755);
  const repo = join(base, 'repo');
  const outside = join(base, 'outside');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(outside);
  const fileSecret = `FILE-SECRET-${randomBytes(6).toString('hex')}`;
  const envSecret = `ENV-SECRET-${randomBytes(6).toString('hex')}`;
  writeFileSync(join(outside, 'planted.txt'), `token = "${fileSecret}"\n`);
  writeFileSync(join(outside, 'planted.alloy'), `logging {\n  level = "${fileSecret}"\n}\n`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, rel)), { recursive: true });
    writeFileSync(join(repo, rel), text);
  }
  return { repo, outside, fileSecret, envSecret };
}

export interface Outcome extends Run {
  /** Every path opened or listed, outside the repository and the tool's own files. */
  escaped: string[];
  /** Everything printed, stdout and stderr. */
  all: string;
}

/** Runs `alloy-lint args` in the scene (cwd: the repository), recording what it opens. */
export async function attack(s: Scene, args: string[], opts: { cwd?: string; uid?: number; env?: Record<string, string>; input?: string | Buffer } = {}): Promise<Outcome> {
  const log = join(s.outside, '..', `record-${randomBytes(4).toString('hex')}.log`);
  writeFileSync(log, '');
  chmodSync(log, 0o666);
  const r = await runAsync(args, {
    cwd: opts.cwd ?? s.repo,
    uid: opts.uid,
    input: opts.input,
    node: ['--import', RECORDER],
    env: { ALLOY_LINT_PLANTED: s.envSecret, ALLOY_LINT_RECORD: log, ...opts.env },
  });
  const opened = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t')[1]);
  rmSync(log, { force: true });
  const inside = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const escaped = [...new Set(opened)].filter((p) => !inside(p, s.repo) && !inside(p, join(TOOL, 'node_modules')) && !inside(p, join(TOOL, 'packages')));
  return { ...r, escaped, all: r.stdout + r.stderr };
}

/** Asserts nothing of the planted secrets shows and nothing outside the root was opened. */
export function leakFree(s: Scene, o: Outcome): string[] {
  const problems: string[] = [];
  if (o.all.includes(s.fileSecret)) problems.push('the planted file content was printed');
  if (o.all.includes(s.envSecret)) problems.push('the planted environment variable was printed');
  if (o.escaped.length) problems.push(`opened outside the root: ${o.escaped.join(', ')}`);
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(o.all)) problems.push('a stack trace was printed');
  return problems;
}
