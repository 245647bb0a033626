// Files the commands read and write: inputs and their expansion (walks, globs, folders
// loaded as one configuration), all through the confinement of confine.ts, and outputs.

import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { confinementFor, ioMessage } from './confine.js';
import { type Io, UsageError } from './io.js';

export interface InputFile {
  /** Path as shown to the user ('-' means stdin, shown as `<stdin>`). */
  name: string;
  bytes: Uint8Array;
}

/** Characters that may make a path a glob; only then is the glob library loaded. */
const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** How paths are read: `--root` (else each path's repository or folder), and where warnings go. */
export interface ReadOptions {
  root?: string;
  warn?: (message: string) => void;
}

/** What a directory walk looks for besides `*.alloy`, and which files it found (not named by the user). */
export interface WalkOptions extends ReadOptions {
  /** Also `*.yaml` and `*.yml` (per directory argument when a function). */
  yaml?: boolean | ((dir: string) => boolean);
  walked?: Set<string>;
}

/**
 * Expands paths, globs and directories into `.alloy` files (and YAML files when asked).
 * Directories are walked as git sees them (walk.ts); a directory or glob that yields no
 * such file is a usage error.
 */
export async function expandPaths(args: string[], cwd: string, opts: WalkOptions = {}): Promise<string[]> {
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
      const { walkAlloy } = await import('./walk.js');
      const yaml = typeof opts.yaml === 'function' ? opts.yaml(abs) : opts.yaml;
      const found = walkAlloy(abs, confinementFor(arg, cwd, opts.root), resolve(cwd), yaml ? ['.alloy', '.yaml', '.yml'] : ['.alloy']);
      for (const s of found.skipped) opts.warn?.(`skipped ${relative(cwd, s.path)}: ${s.why}`);
      const kinds = yaml ? '.alloy or YAML files' : '.alloy files';
      if (found.files.length === 0) throw new UsageError(`${arg}: no ${kinds} in this directory${found.skipped.length ? '' : ' (or all of them are ignored by .gitignore)'}`);
      for (const f of found.files) {
        const rel = relative(cwd, f) || f;
        add(rel);
        opts.walked?.add(rel);
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

/** The `.alloy` files directly in a folder loaded as one configuration, in byte order of name. */
export function folderFiles(path: string, cwd: string): string[] | undefined {
  const abs = resolve(cwd, path);
  if (path === '-' || !existsSync(abs) || !statSync(abs).isDirectory()) return undefined;
  const names = readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.name.endsWith('.alloy') && (e.isFile() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (names.length === 0) throw new UsageError(`${path}: no .alloy files in this directory`);
  return names.map((n) => join(path, n));
}

/** Reads an input file through the confinement of its configuration (stdin for `-`). */
export async function readInput(path: string, io: Io, opts: ReadOptions = {}): Promise<InputFile> {
  if (path === '-') return { name: '<stdin>', bytes: await io.readStdin() };
  const r = confinementFor(path, io.cwd, opts.root).read(resolve(io.cwd, path));
  if ('error' in r) throw new UsageError(`${path}: ${r.error}`);
  return { name: path, bytes: r.bytes };
}

/** Writes an output file (`-o`, `--junit`, `fmt -w`); a failure is one line and exit 2. */
export function writeOutput(path: string, data: string | Uint8Array, io: Io, what?: string): void {
  try {
    writeFileSync(resolve(io.cwd, path), data);
  } catch (e) {
    throw new UsageError(`${what ? `${what} ` : ''}${path}: cannot write: ${ioMessage(e)}`);
  }
}
