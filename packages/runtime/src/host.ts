import { SimError } from './value-js.js';

/** A read the host refuses; the message says why and never quotes the file. */
export class HostRefusal extends SimError {}

/**
 * What the runtime needs from the outside world. The runtime itself does no I/O:
 * the CLI (or a test) passes a Host that reads files, lists them for globs, and
 * tells the time and the environment.
 */
export interface Host {
  /**
   * Reads a file as text; `undefined` when it does not exist. Relative paths are the host's
   * business. A host that refuses a read (outside the configuration's root, not a regular
   * file, too large) throws a `HostRefusal` saying why, which fails the component.
   */
  readFile(path: string): string | undefined;
  /** Paths matching a glob (`**` allowed), for `local.file_match` and `loki.source.file` with `file_match`. */
  glob?(pattern: string): string[];
  /** The process environment as `sys.env` sees it. */
  env: Readonly<Record<string, string>>;
  /** The clock used for entries read without a timestamp. */
  now(): Date;
}

/** A host that knows only the given files and environment, with a fixed clock. */
export function memoryHost(files: Record<string, string> = {}, env: Record<string, string> = {}, now = new Date(0)): Host {
  const norm = (p: string) => p.replace(/^\.\//, '');
  const map = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
  return {
    readFile: (p) => map.get(norm(p)),
    glob: (pattern) => [...map.keys()].filter((k) => globMatch(pattern.replace(/^\.\//, ''), k)),
    env,
    now: () => now,
  };
}

/**
 * Matches a path against a doublestar glob: `*` and `?` stay within one path
 * segment, `**` spans segments, `[...]` and `{a,b}` work as in shells.
 */
export function globMatch(pattern: string, path: string): boolean {
  return globRegex(pattern).test(path);
}

const cache = new Map<string, RegExp>();

export function globRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re) return re;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!') || body.startsWith('^')) body = '^' + body.slice(1);
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) out += '\\{';
      else {
        out += '(?:' + pattern.slice(i + 1, end).split(',').map((p) => globRegex(p).source.slice(1, -1)).join('|') + ')';
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  re = new RegExp(`^${out}$`);
  cache.set(pattern, re);
  return re;
}
