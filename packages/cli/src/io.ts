import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignorePkg, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

/** What the commands need from the outside world; tests can pass their own. */
export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

// `ignore` is CommonJS; its default export arrives as the module object under NodeNext.
const ignore = ((ignorePkg as unknown as { default?: unknown }).default ?? ignorePkg) as () => Ignore;

export class UsageError extends Error {}

export interface InputFile {
  /** Path as shown to the user ('-' means stdin, shown as `<stdin>`). */
  name: string;
  bytes: Uint8Array;
}

/**
 * Expands paths, globs and directories into `.alloy` files. Directories are
 * walked honouring `.gitignore` files found from the directory upwards.
 */
export async function expandPaths(args: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = resolve(cwd, p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    const abs = resolve(cwd, arg);
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      const found = await glob('**/*.alloy', { cwd: abs, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] });
      const ig = gitignoreFor(abs);
      for (const f of found.sort()) {
        const full = join(abs, f);
        if (ig && ig.filter.ignores(relative(ig.root, full).split(sep).join('/'))) continue;
        add(relative(cwd, full) || f);
      }
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, { cwd, dot: false });
      if (found.length === 0) throw new UsageError(`no files match ${arg}`);
      for (const f of found.sort()) add(f);
    } else {
      add(arg);
    }
  }
  return out;
}

/** The .gitignore rules that apply inside `dir`, collected up to the repository root. */
function gitignoreFor(dir: string): { root: string; filter: Ignore } | undefined {
  const files: string[] = [];
  let root = dir;
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.gitignore'))) files.push(join(d, '.gitignore'));
    root = d;
    if (existsSync(join(d, '.git')) || dirname(d) === d) break;
  }
  if (files.length === 0) return undefined;
  const filter = ignore();
  // Rules of deeper files are applied relative to their own folder.
  for (const f of files.reverse()) {
    const base = relative(root, dirname(f)).split(sep).join('/');
    for (const line of readFileSync(f, 'utf8').split(/\r?\n/)) {
      const rule = line.trim();
      if (!rule || rule.startsWith('#')) continue;
      if (!base) filter.add(rule);
      else if (rule.startsWith('!')) filter.add('!' + base + '/' + rule.slice(1).replace(/^\//, ''));
      else filter.add(base + '/' + (rule.startsWith('/') ? rule.slice(1) : '**/' + rule));
    }
  }
  return { root, filter };
}

export async function readInput(path: string, io: Io): Promise<InputFile> {
  if (path === '-') return { name: '<stdin>', bytes: await io.readStdin() };
  try {
    return { name: path, bytes: new Uint8Array(readFileSync(resolve(io.cwd, path))) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EISDIR' ? 'is a directory' : err.message;
    throw new UsageError(`${path}: ${why}`);
  }
}
