import type * as ChildProcess from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import type { ImportRequest, ModuleLoader, ModuleSource } from '@alloy-lint/analyzer';
import { parse } from '@alloy-lint/parser';
import { type Confinement, MAX_READ } from './confine.js';
import { notAlloy } from './not-alloy.js';

// child_process costs milliseconds to load and only import.git and import.http need it.
const childProcess = () => createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;

/** Seconds a network import may take. */
const NETWORK_TIMEOUT = 60_000;

type Files = { name: string; text: Uint8Array }[];

/**
 * A module's text, unless it is not Alloy: binary data, or a file not named `.alloy` that
 * does not parse (a secret file, /etc/passwd…) is refused without quoting a byte of it.
 */
function moduleFile(name: string, bytes: Uint8Array): { file: Files[number] } | { error: string } {
  const why = notAlloy(bytes);
  if (why) return { error: `${name}: ${why}` };
  if (!name.endsWith('.alloy')) {
    const errors = parse(bytes).diagnostics.length;
    if (errors) return { error: `${name} is not an Alloy file (it does not parse: ${errors} syntax error${errors === 1 ? '' : 's'}); its content is not shown` };
  }
  return { file: { name, text: bytes } };
}

/** Reads a module file, or every *.alloy file of a module directory (byte order of name), inside the root. */
function readModule(path: string, shownAs: string, root: Confinement, cwd: string): ModuleSource {
  const where = root.resolve(path);
  const refused = (why: string) => ({ error: `cannot read ${shownAs}: ${why}${why.includes('root') ? ` (root: ${root.describe(cwd)}; widen it with --root)` : ''}` });
  if ('error' in where) return refused(where.error);
  let names = [''];
  if (statSync(where.real).isDirectory()) {
    names = readdirSync(where.real)
      .filter((f) => f.endsWith('.alloy'))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }
  const files: Files = [];
  for (const n of names) {
    const r = root.read(n ? join(path, n) : path);
    if ('error' in r) return refused(r.error);
    const m = moduleFile(n ? join(shownAs, n) : shownAs, r.bytes);
    if ('error' in m) return m;
    files.push(m.file);
  }
  return { files };
}

export interface LoaderOptions {
  cwd: string;
  /** Where import.file (and a local import.git repository) may read. */
  root: Confinement;
  allowNetwork: boolean;
}

/**
 * Module loader over the file system. import.file paths are relative to the importing
 * file and stay inside the root. import.git and import.http reach the network only with
 * `allowNetwork`.
 */
export function fileModuleLoader(opts: LoaderOptions): ModuleLoader {
  const { cwd, root } = opts;
  const baseOf = (req: ImportRequest) => (req.from === '<stdin>' || req.from.includes('#') ? cwd : dirname(resolve(cwd, req.from)));
  return (req: ImportRequest): ModuleSource => {
    if (req.kind === 'file') {
      const filename = req.args.filename;
      if (filename === undefined) return { skipped: 'its filename is not a literal string' };
      const path = resolve(baseOf(req), filename);
      return readModule(path, relative(cwd, path).startsWith('..') ? path : relative(cwd, path), root, cwd);
    }
    if (!opts.allowNetwork) return { skipped: `import.${req.kind} is not fetched without --allow-network` };
    return req.kind === 'git' ? gitModule(req, baseOf(req), root) : httpModule(req);
  };
}

/** A repository as git may take it: a URL, `user@host:path`, or a local folder inside the root. */
function repositoryArg(repository: string, base: string, root: Confinement): { arg: string } | { error: string } {
  if (repository.startsWith('-')) return { error: `repository ${JSON.stringify(repository)} is not a URL or a path` };
  if (/^(https?|ssh|git):\/\/[^\s]+$/i.test(repository)) return { arg: repository };
  if (/^[\w.-]+@[\w.-]+:[^\s:][^\s]*$/.test(repository)) return { arg: repository };
  if (/^[a-z][\w+.-]*:/i.test(repository) && !repository.startsWith('file://')) return { error: `repository ${JSON.stringify(repository)}: only http(s), ssh and git URLs or a local path are fetched` };
  const local = resolve(base, repository.replace(/^file:\/\//, ''));
  const where = root.resolve(local);
  if ('error' in where) return { error: `repository ${JSON.stringify(repository)}: ${where.error}` };
  return { arg: where.real };
}

/** The module path inside the clone: relative, without `..`. */
function clonePath(path: string): string | undefined {
  const p = posix.normalize(path.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (!p || p === '.' || p.startsWith('/') || p === '..' || p.startsWith('../') || p.includes('\0')) return undefined;
  return p;
}

function git(args: string[], max = 1024 * 1024) {
  return childProcess().spawnSync('git', ['-c', 'protocol.ext.allow=never', '-c', 'protocol.fd.allow=never', ...args], {
    timeout: NETWORK_TIMEOUT,
    maxBuffer: max,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '' },
  });
}

const gitError = (r: ReturnType<typeof git>) =>
  (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' ? `timed out after ${NETWORK_TIMEOUT / 1000} s` : (r.stderr?.toString() || r.error?.message || '').trim().split('\n')[0];

/**
 * import.git: a shallow clone without checkout (nothing of the repository lands on disk as
 * files, so no link in it is followed); the module's blobs are read with `git cat-file`.
 */
function gitModule(req: ImportRequest, base: string, root: Confinement): ModuleSource {
  const { repository, revision, path } = req.args;
  if (!repository || !path) return { skipped: 'its repository or path is not a literal string' };
  const repo = repositoryArg(repository, base, root);
  if ('error' in repo) return repo;
  const inner = clonePath(path);
  if (!inner) return { error: `path ${JSON.stringify(path)} must stay inside the repository` };
  if (revision?.startsWith('-')) return { error: `revision ${JSON.stringify(revision)} is not a branch or tag name` };
  const dir = mkdtempSync(join(tmpdir(), 'alloy-lint-git-'));
  try {
    const branch = revision ? ['--branch', revision] : [];
    const clone = git(['clone', '--quiet', '--depth', '1', '--no-checkout', '--filter=blob:none', ...branch, '--', repo.arg, dir]);
    if (clone.status !== 0) return { error: `git clone ${repository} failed: ${gitError(clone)}` };
    const list = git(['-C', dir, 'ls-tree', '-z', '-l', 'HEAD', '--', inner, `${inner}/`], 16 * 1024 * 1024);
    if (list.status !== 0) return { error: `git ls-tree failed: ${gitError(list)}` };
    const entries = list.stdout
      .toString()
      .split('\0')
      .filter(Boolean)
      .map((l) => /^\d+ (\w+) (\w+)\s+(-|\d+)\t(.*)$/s.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && m[1] === 'blob');
    const wanted = entries.filter((m) => m[4] === inner || (m[4].startsWith(`${inner}/`) && !m[4].slice(inner.length + 1).includes('/') && m[4].endsWith('.alloy')));
    if (wanted.length === 0) return { error: `${repository}//${inner}: no such file or directory in the repository` };
    const files: Files = [];
    for (const m of wanted.sort((a, b) => Buffer.compare(Buffer.from(a[4]), Buffer.from(b[4])))) {
      if (Number(m[3]) > MAX_READ) return { error: `${repository}//${m[4]}: it is larger than ${MAX_READ / 1024 / 1024} MiB` };
      const blob = git(['-C', dir, 'cat-file', 'blob', m[2]], MAX_READ + 1);
      if (blob.status !== 0) return { error: `${repository}//${m[4]}: ${gitError(blob)}` };
      const f = moduleFile(`${repository}//${m[4]}`, new Uint8Array(blob.stdout));
      if ('error' in f) return f;
      files.push(f.file);
    }
    return { files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** import.http: http(s) only, a timeout and a size cap. */
function httpModule(req: ImportRequest): ModuleSource {
  const url = req.args.url;
  if (!url) return { skipped: 'its url is not a literal string' };
  if (!/^https?:\/\//i.test(url)) return { error: `url ${JSON.stringify(url)}: only http and https URLs are fetched` };
  const script = `const max = ${MAX_READ};
fetch(process.argv[1], { signal: AbortSignal.timeout(${NETWORK_TIMEOUT}) }).then(async (r) => {
  if (!r.ok) { console.error('HTTP ' + r.status); process.exit(1); }
  const chunks = []; let n = 0;
  for await (const c of r.body) { n += c.length; if (n > max) { console.error('the response is larger than ' + max / 1048576 + ' MiB'); process.exit(1); } chunks.push(c); }
  process.stdout.write(Buffer.concat(chunks));
}).catch((e) => { console.error(e.message); process.exit(1); })`;
  const r = childProcess().spawnSync(process.execPath, ['-e', script, url], { timeout: NETWORK_TIMEOUT + 5000, maxBuffer: MAX_READ + 1 });
  if (r.status !== 0) return { error: `fetching ${url} failed: ${(r.stderr?.toString() || r.error?.message || '').trim().split('\n')[0]}` };
  const f = moduleFile(url, new Uint8Array(r.stdout));
  return 'error' in f ? f : { files: [f.file] };
}
