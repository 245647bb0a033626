import type * as ChildProcess from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { ImportRequest, ModuleLoader, ModuleSource } from '@alloy-lint/analyzer';

// child_process costs milliseconds to load and only import.git needs it.
const childProcess = () => createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;

/** Reads a module file, or every *.alloy file of a module directory (byte order of name). */
function readModule(path: string, shownAs: string): ModuleSource {
  if (!existsSync(path)) return { error: `cannot read ${shownAs}: no such file or directory` };
  if (statSync(path).isDirectory()) {
    const names = readdirSync(path)
      .filter((f) => f.endsWith('.alloy'))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return { files: names.map((n) => ({ name: join(shownAs, n), text: new Uint8Array(readFileSync(join(path, n))) })) };
  }
  return { files: [{ name: shownAs, text: new Uint8Array(readFileSync(path)) }] };
}

/**
 * Module loader over the file system. import.file paths are relative to the importing
 * file. import.git and import.http reach the network only with `allowNetwork`.
 */
export function fileModuleLoader(cwd: string, allowNetwork: boolean): ModuleLoader {
  return (req: ImportRequest): ModuleSource => {
    if (req.kind === 'file') {
      const filename = req.args.filename;
      if (filename === undefined) return { skipped: 'its filename is not a literal string' };
      const base = req.from === '<stdin>' || req.from.includes('#') ? cwd : dirname(resolve(cwd, req.from));
      const path = resolve(base, filename);
      return readModule(path, relativeName(cwd, path));
    }
    if (!allowNetwork) return { skipped: `import.${req.kind} is not fetched without --allow-network` };
    return req.kind === 'git' ? gitModule(req) : httpModule(req);
  };
}

function relativeName(cwd: string, path: string): string {
  const rel = path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
  return rel;
}

function gitModule(req: ImportRequest): ModuleSource {
  const { repository, revision, path } = req.args;
  if (!repository || !path) return { skipped: 'its repository or path is not a literal string' };
  const dir = mkdtempSync(join(tmpdir(), 'alloy-lint-git-'));
  try {
    const args = ['clone', '--quiet', '--depth', '1', ...(revision ? ['--branch', revision] : []), repository, dir];
    const r = childProcess().spawnSync('git', args, { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) return { error: `git clone ${repository} failed: ${(r.stderr || r.error?.message || '').trim()}` };
    return readModule(join(dir, path), `${repository}//${path}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function httpModule(req: ImportRequest): ModuleSource {
  const url = req.args.url;
  if (!url) return { skipped: 'its url is not a literal string' };
  const script = 'fetch(process.argv[1]).then(async (r) => { if (!r.ok) { console.error(`HTTP ${r.status}`); process.exit(1); } process.stdout.write(await r.text()); }).catch((e) => { console.error(e.message); process.exit(1); })';
  const r = childProcess().spawnSync(process.execPath, ['-e', script, url], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) return { error: `fetching ${url} failed: ${(r.stderr || '').trim()}` };
  return { files: [{ name: url, text: r.stdout }] };
}
