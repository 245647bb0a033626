import { existsSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Ignore } from 'ignore';

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
    stdout: writer(1, () => process.stdout),
    stderr: writer(2, () => process.stderr),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    // node:tty loads net and streams (~1 ms): only when colour is decided.
    get isTTY() {
      return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(1);
    },
    env: process.env,
  };
}

/**
 * Writes to a file descriptor synchronously, which spares loading Node's stream machinery
 * (process.stdout) on every run. A non-blocking descriptor that is full (EAGAIN) hands the
 * rest over to the stream; a closed pipe (EPIPE, as with `| head`) ends the output quietly.
 */
function writer(fd: number, stream: () => NodeJS.WriteStream): (s: string) => void {
  let mode: 'sync' | 'stream' | 'closed' = 'sync';
  return (s) => {
    if (mode === 'stream') stream().write(s);
    if (mode !== 'sync') return;
    const bytes = Buffer.from(s);
    for (let done = 0; done < bytes.length; ) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') mode = 'closed';
        else if (code === 'EAGAIN') {
          mode = 'stream';
          stream().write(bytes.subarray(done));
        } else throw e;
        return;
      }
    }
  };
}

/** Characters that may make a path a glob; only then is the glob library loaded. */
const GLOB_CHARS = /[*?[\]{}()!+@]/;

export class UsageError extends Error {}

export interface InputFile {
  /** Path as shown to the user ('-' means stdin, shown as `<stdin>`). */
  name: string;
  bytes: Uint8Array;
}

/** What a directory walk looks for besides `*.alloy`, and which files it found (not named by the user). */
export interface WalkOptions {
  /** Also `*.yaml` and `*.yml` (per directory argument when a function). */
  yaml?: boolean | ((dir: string) => boolean);
  walked?: Set<string>;
}

/**
 * Expands paths, globs and directories into `.alloy` files (and YAML files when asked).
 * Directories are walked honouring `.gitignore` files found from the directory upwards.
 */
export async function expandPaths(args: string[], cwd: string, walk: WalkOptions = {}): Promise<string[]> {
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
      const { glob } = await import('tinyglobby');
      const yaml = typeof walk.yaml === 'function' ? walk.yaml(abs) : walk.yaml;
      const found = await glob(yaml ? ['**/*.alloy', '**/*.yaml', '**/*.yml'] : '**/*.alloy', { cwd: abs, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] });
      const ig = await gitignoreFor(abs);
      for (const f of found.sort()) {
        const full = join(abs, f);
        if (ig && ig.filter.ignores(relative(ig.root, full).split(sep).join('/'))) continue;
        const rel = relative(cwd, full) || f;
        add(rel);
        walk.walked?.add(rel);
      }
    } else if (GLOB_CHARS.test(arg) && (await import('tinyglobby')).isDynamicPattern(arg)) {
      const found = await (await import('tinyglobby')).glob(arg, { cwd, dot: false });
      if (found.length === 0) throw new UsageError(`no files match ${arg}`);
      for (const f of found.sort()) add(f);
    } else {
      add(arg);
    }
  }
  return out;
}

/** The .gitignore rules that apply inside `dir`, collected up to the repository root. */
async function gitignoreFor(dir: string): Promise<{ root: string; filter: Ignore } | undefined> {
  const files: string[] = [];
  let root = dir;
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.gitignore'))) files.push(join(d, '.gitignore'));
    root = d;
    if (existsSync(join(d, '.git')) || dirname(d) === d) break;
  }
  if (files.length === 0) return undefined;
  // `ignore` is CommonJS; its default export may arrive as the module object.
  const mod = (await import('ignore')) as unknown as { default: { default?: () => Ignore } & (() => Ignore) };
  const filter = (mod.default.default ?? mod.default)();
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
