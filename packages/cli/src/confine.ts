// The one place the CLI reads files a configuration names: only regular files inside the
// configuration's root, never through a symbolic link that leads out of it, never more
// than MAX_READ bytes. Configs come from pull requests; see SECURITY.md.

import { closeSync, existsSync, fstatSync, openSync, constants as fsc, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Largest file the CLI reads for a configuration (inputs, imports, local.file, test files). */
export const MAX_READ = 32 * 1024 * 1024;

export type ReadResult = { bytes: Uint8Array } | { error: string };

const inside = (dir: string, p: string) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);

function real(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** The folders a configuration may read from. */
export class Confinement {
  /** The roots as given (absolute) and as the file system resolves them. */
  readonly roots: string[];
  private readonly realRoots: string[];

  constructor(roots: string[]) {
    this.roots = [...new Set(roots.map((r) => resolve(r)))];
    this.realRoots = this.roots.map((r) => real(r) ?? r);
  }

  /** The roots as shown in messages, relative to `cwd` where that is shorter. */
  describe(cwd: string): string {
    return this.roots.map((r) => relative(cwd, r) || '.').join(', ');
  }

  /** Whether `abs` is inside a root before any link is followed (nothing is touched). */
  contains(abs: string): boolean {
    return this.roots.some((r) => inside(r, abs)) || this.realRoots.some((r) => inside(r, abs));
  }

  /**
   * Why `abs` may not be read, or its real path. The path is checked as written, then with
   * every symbolic link resolved; nothing outside a root is opened.
   */
  resolve(abs: string): { real: string } | { error: string } {
    if (!this.contains(abs)) return { error: 'it is outside the configuration\'s root' };
    const r = real(abs);
    if (r === undefined) return { error: existsSync(abs) ? 'it cannot be resolved' : 'no such file or directory' };
    if (!this.realRoots.some((root) => inside(root, r))) return { error: 'it is a symbolic link that leads outside the configuration\'s root' };
    return { real: r };
  }

  /** Reads a regular file inside the roots, at most `max` bytes. */
  read(abs: string, max = MAX_READ): ReadResult {
    const where = this.resolve(abs);
    if ('error' in where) return where;
    let st;
    try {
      st = statSync(where.real);
    } catch (e) {
      return { error: ioMessage(e) };
    }
    if (st.isDirectory()) return { error: 'is a directory' };
    if (!st.isFile()) return { error: 'it is not a regular file' };
    if (st.size > max) return { error: `it is larger than ${max / 1024 / 1024} MiB` };
    return readCapped(where.real, max);
  }
}

/** Reads a regular file without following a final symbolic link, refusing more than `max` bytes. */
export function readCapped(path: string, max = MAX_READ): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, fsc.O_RDONLY | (fsc.O_NOFOLLOW ?? 0) | (fsc.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: ioMessage(e) };
  }
  try {
    if (!fstatSync(fd).isFile()) return { error: 'it is not a regular file' };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) return { error: `it is larger than ${max / 1024 / 1024} MiB` };
      chunks.push(buf.subarray(0, n));
    }
    return { bytes: new Uint8Array(Buffer.concat(chunks, total)) };
  } catch (e) {
    return { error: ioMessage(e) };
  } finally {
    closeSync(fd);
  }
}

/** One line for a failed file operation, without a stack. */
export function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ELOOP':
      return 'it is a symbolic link';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return String(err?.message ?? e).split('\n')[0];
  }
}

/** The repository root above `dir` (a folder holding `.git`), if any. */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * The root of a configuration given as `path`: `--root` when set, else the repository that
 * holds it, else the working directory when it holds the path, else the folder given (a
 * file's own folder).
 */
export function rootFor(path: string, cwd: string, flag?: string): string {
  if (flag !== undefined) return resolve(cwd, flag);
  const abs = path === '-' ? resolve(cwd) : resolve(cwd, path);
  let dir = abs;
  try {
    if (!statSync(abs).isDirectory()) dir = dirname(abs);
  } catch {
    dir = dirname(abs);
  }
  const here = resolve(cwd);
  return repositoryRoot(dir) ?? (inside(here, dir) ? here : dir);
}

/** A confinement for the configuration at `path` (and any extra roots). */
export function confinementFor(path: string, cwd: string, flag?: string, extra: string[] = []): Confinement {
  return new Confinement([rootFor(path, cwd, flag), ...extra.map((e) => (isAbsolute(e) ? e : resolve(cwd, e)))]);
}
