// The runtime's Host over the real file system, and samples files read as YAML or JSON.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { compileGlob, globBase, HostRefusal, readSamples, type Host, type Samples } from '@alloy-lint/runtime';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import type { Confinement } from './confine.js';
import { type Io, UsageError } from './io.js';

/**
 * The runtime's file system: relative paths from the first of `bases` that has them, only
 * inside `root` (never through a link that leads out, regular files only, size-capped).
 * `sys.env` sees only the variables named in `env` (and the samples' own), never the
 * whole process environment.
 */
export function nodeHost(io: Io, bases: string[], root: Confinement, opts: { now?: Date; env?: string[] } = {}): Host {
  const inside = bases.filter((b) => root.contains(b));
  const candidates = (p: string) => (isAbsolute(p) ? [p] : [...new Set(inside.map((b) => resolve(b, p)))]);
  const env: Record<string, string> = {};
  for (const k of opts.env ?? []) if (typeof io.env[k] === 'string') env[k] = io.env[k]!;
  return {
    readFile(p) {
      let refused: string | undefined;
      for (const c of candidates(p)) {
        const r = root.read(c);
        if ('bytes' in r) return new TextDecoder().decode(r.bytes);
        if (r.error !== 'no such file or directory') refused ??= r.error;
      }
      if (refused) throw new HostRefusal(`cannot read ${JSON.stringify(p)}: ${refused} (root: ${root.describe(io.cwd)}; widen it with --root)`);
      return undefined;
    },
    glob(pattern) {
      // The walk is tinyglobby's, the matching ours (RE2): a config's pattern never becomes a JS
      // RegExp. Only folders inside the root are listed; links that lead out of it are left out.
      const g = compileGlob(pattern);
      if (!('test' in g)) return [];
      const base = globBase(pattern);
      const start = resolve(inside[0] ?? bases[0], base);
      if (!root.contains(start) || !existsSync(start) || !statSync(start).isDirectory()) return [];
      const out: string[] = [];
      for (const rel of globSync('**', { cwd: start, dot: true, followSymbolicLinks: false })) {
        const path = base === '' ? rel : base === '/' ? `/${rel}` : `${base}/${rel}`;
        if (g.test(path) && !('error' in root.resolve(resolve(start, rel)))) out.push(path);
      }
      return out.sort();
    },
    env,
    now: () => opts.now ?? new Date(),
  };
}

/** Folders a relative path in a test file may be relative to: the file's own and the ones above it, then the working directory. */
export function searchBases(file: string, cwd: string, levels = 4): string[] {
  const out: string[] = [];
  let d = dirname(resolve(cwd, file));
  for (let i = 0; i <= levels; i++) {
    out.push(d);
    if (dirname(d) === d) break;
    d = dirname(d);
  }
  out.push(cwd);
  return out;
}

/** YAML (which includes JSON); `where` names the file in messages. */
export function parseData(text: string, where: string): unknown {
  try {
    return parseYaml(text, { schema: 'core' });
  } catch (e) {
    throw new UsageError(`${where}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export function loadSamples(path: string, io: Io): Samples {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch {
    throw new UsageError(`${path}: no such file or directory`);
  }
  const r = readSamples(parseData(text, path));
  if ('errors' in r) throw new UsageError(`${path}: invalid samples\n  ${r.errors.join('\n  ')}`);
  return r.samples;
}

export function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--now expects an RFC 3339 time, got ${JSON.stringify(text)}`);
  return d;
}
