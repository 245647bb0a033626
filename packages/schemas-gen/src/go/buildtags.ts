// Build constraints for a linux/amd64 release build of Alloy (roughly what `go build` would pick).

const GOOS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl',
  'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
]);
const GOARCH = new Set([
  '386', 'amd64', 'arm', 'arm64', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'ppc64', 'ppc64le',
  'riscv64', 's390x', 'wasm', 'sparc64',
]);

/** Tags satisfied by Alloy's release build (see its Dockerfile: netgo, promtail_journal_enabled). */
export const DEFAULT_TAGS = new Set([
  'linux', 'amd64', 'unix', 'cgo', 'gc', 'netgo', 'promtail_journal_enabled', 'embedalloyui',
  'builtinassets', 'gore2regex',
]);

/** Whether a file name is excluded by its _GOOS/_GOARCH suffix or is a test file. */
export function fileNameExcluded(name: string, tags: Set<string> = DEFAULT_TAGS): boolean {
  if (!name.endsWith('.go') || name.endsWith('_test.go')) return true;
  const parts = name.slice(0, -3).split('_');
  const last = parts[parts.length - 1];
  const prev = parts.length > 2 ? parts[parts.length - 2] : undefined;
  if (prev && GOOS.has(prev) && GOARCH.has(last)) return !tags.has(prev) || !tags.has(last);
  if (parts.length > 1 && (GOOS.has(last) || GOARCH.has(last))) return !tags.has(last);
  return false;
}

/** Evaluates a `//go:build` expression. */
export function evalConstraint(expr: string, tags: Set<string> = DEFAULT_TAGS): boolean {
  const toks = expr.match(/\(|\)|!|&&|\|\||[A-Za-z0-9_.]+/g) ?? [];
  let i = 0;
  const has = (t: string) => tags.has(t) || /^go1\.\d+$/.test(t);
  const primary = (): boolean => {
    const t = toks[i++];
    if (t === '!') return !primary();
    if (t === '(') {
      const v = or();
      i++; // ')'
      return v;
    }
    return t !== undefined && has(t);
  };
  const and = (): boolean => {
    let v = primary();
    while (toks[i] === '&&') {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (toks[i] === '||') {
      i++;
      v = and() || v;
    }
    return v;
  };
  return or();
}

/** Whether the file's header constraint (before `package`) admits the build. */
export function headerAdmits(text: string, tags: Set<string> = DEFAULT_TAGS): boolean {
  const head = text.slice(0, Math.max(0, text.search(/^package\s/m)));
  const m = /^\/\/go:build\s+(.+)$/m.exec(head);
  if (m) return evalConstraint(m[1], tags);
  const plus = [...head.matchAll(/^\/\/ \+build\s+(.+)$/gm)];
  return plus.every((p) =>
    p[1].trim().split(/\s+/).some((alt) => alt.split(',').every((t) => (t.startsWith('!') ? !tags.has(t.slice(1)) : tags.has(t)))),
  );
}
