import { globMatch } from './glob.js';
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
