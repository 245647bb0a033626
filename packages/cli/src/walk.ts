// Directory walk for `*.alloy` files as git sees a tree: dot-folders are walked, `.git` and
// `node_modules` are not, every `.gitignore` (and `.git/info/exclude`) applies to its own
// folder with git's precedence, and symbolic links are never followed out of the root.

import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignorePkg, { type Ignore } from 'ignore';
import { type Confinement, repositoryRoot } from './confine.js';

// `ignore` is CommonJS; its default export may arrive as the module object.
const makeIgnore = ((ignorePkg as unknown as { default?: unknown }).default ?? ignorePkg) as () => Ignore;

/** The rules of one ignore file, relative to the folder it applies to. */
interface Level {
  dir: string;
  rules: Ignore;
}

const SKIPPED = new Set(['.git', 'node_modules']);

function level(dir: string, file: string): Level | undefined {
  let text: string;
  try {
    if (!statSync(file).isFile()) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { dir, rules: makeIgnore().add(text) };
}

/** Git's verdict for `abs` under the levels: the deepest level with an opinion wins. */
function ignored(levels: Level[], abs: string, isDir: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const rel = relative(levels[i].dir, abs).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    const t = levels[i].rules.test(isDir ? `${rel}/` : rel);
    if (t.ignored) return true;
    if (t.unignored) return false;
  }
  return false;
}

/** The ignore files that apply to `dir` from its ancestors, up to the repository root (else `top`). */
function ancestorLevels(dir: string, top: string): Level[] {
  const repo = repositoryRoot(dir) ?? top;
  const chain: string[] = [];
  for (let d = dirname(dir); d.length >= repo.length; d = dirname(d)) {
    chain.unshift(d);
    if (d === repo || dirname(d) === d) break;
  }
  const out: Level[] = [];
  const exclude = level(repo, join(repo, '.git', 'info', 'exclude'));
  if (exclude) out.push(exclude);
  for (const d of chain) {
    const l = level(d, join(d, '.gitignore'));
    if (l) out.push(l);
  }
  return out;
}

export interface WalkResult {
  /** Absolute paths of the `.alloy` files, in byte order of path. */
  files: string[];
  /** Entries left out for a reason the user should see (links out of the root). */
  skipped: { path: string; why: string }[];
}

/**
 * Walks `dir` (absolute) for `*.alloy` files (or the given extensions). Ignore files apply
 * from the repository root
 * down; outside a repository, from `cwd` when it holds `dir`.
 */
export function walkAlloy(dir: string, root: Confinement, cwd: string, extensions = ['.alloy']): WalkResult {
  const wanted = (name: string) => extensions.some((e) => name.endsWith(e));
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  // A folder named on the command line is walked even when ignored; ignore rules apply inside it.
  const levels = ancestorLevels(dir, dir === cwd || dir.startsWith(cwd + sep) ? cwd : dir);
  // An explicit stack: folder depth never grows the JS stack.
  const stack: { dir: string; depth: number }[] = [{ dir, depth: levels.length }];
  while (stack.length) {
    const { dir: d, depth } = stack.pop()!;
    levels.length = depth;
    const own = level(d, join(d, '.gitignore'));
    if (own) levels.push(own);
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      if (SKIPPED.has(e.name)) continue;
      const abs = join(d, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        if (!wanted(e.name)) continue;
        const where = root.resolve(abs);
        if ('error' in where) {
          skipped.push({ path: abs, why: where.error });
          continue;
        }
        // Links are not descended into (git stores them as links); a linked file inside the root is read.
        isDir = false;
        try {
          isFile = statSync(realpathSync(abs)).isFile();
        } catch {
          isFile = false;
        }
      }
      if (isDir) {
        if (!ignored(levels, abs, true)) subdirs.push(abs);
      } else if (isFile && wanted(e.name) && !ignored(levels, abs, false)) files.push(abs);
    }
    const here = levels.length;
    for (const s of subdirs.sort().reverse()) stack.push({ dir: s, depth: here });
  }
  files.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return { files, skipped };
}
