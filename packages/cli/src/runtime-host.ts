// The runtime's Host over the real file system, and samples files read as YAML or JSON.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { compileGlob, globBase, readSamples, type Host, type Samples } from '@alloy-lint/runtime';
import { globSync } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { type Io, UsageError } from './io.js';

/** Reads relative paths from the first of `bases` that has them. */
export function nodeHost(io: Io, bases: string[], now?: Date): Host {
  const candidates = (p: string) => (isAbsolute(p) ? [p] : [...new Set(bases.map((b) => resolve(b, p)))]);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(io.env)) if (typeof v === 'string') env[k] = v;
  return {
    readFile(p) {
      for (const c of candidates(p)) {
        if (existsSync(c) && statSync(c).isFile()) return readFileSync(c, 'utf8');
      }
      return undefined;
    },
    glob(pattern) {
      // The walk is tinyglobby's, the matching ours (RE2): a config's pattern never becomes a JS RegExp.
      const g = compileGlob(pattern);
      if (!('test' in g)) return [];
      const base = globBase(pattern);
      const root = resolve(bases[0], base);
      if (!existsSync(root) || !statSync(root).isDirectory()) return [];
      const out: string[] = [];
      for (const rel of globSync('**', { cwd: root, dot: true, followSymbolicLinks: false })) {
        const path = base === '' ? rel : base === '/' ? `/${rel}` : `${base}/${rel}`;
        if (g.test(path)) out.push(path);
      }
      return out.sort();
    },
    env,
    now: () => now ?? new Date(),
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
