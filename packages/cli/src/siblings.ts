import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FileDiagnostic } from '@alloy-lint/analyzer';
import { parse } from '@alloy-lint/parser';
import type { Confinement } from './confine.js';
import { notAlloy } from './not-alloy.js';

const cache = new Map<string, Map<string, string>>();

/** Block ids (`loki.write.default`) defined by the other *.alloy files of a folder, with the file name. */
function idsInFolder(dir: string, root: Confinement): Map<string, string> {
  let ids = cache.get(dir);
  if (ids) return ids;
  ids = new Map();
  for (const f of existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.alloy')) : []) {
    const read = root.read(join(dir, f));
    if ('error' in read || notAlloy(read.bytes)) continue;
    const { ast } = parse(read.bytes);
    for (const s of ast.body) if (s.kind === 'Block') ids.set(s.label ? `${s.fullName}.${s.label}` : s.fullName, f);
  }
  cache.set(dir, ids);
  return ids;
}

/**
 * When a file is checked on its own, a reference to a component defined in a sibling file
 * gets a hint: Alloy loads a folder as one configuration.
 */
export function hintSiblings(file: string, cwd: string, diags: FileDiagnostic[], root: Confinement): void {
  if (file === '<stdin>') return;
  const dir = dirname(resolve(cwd, file));
  for (const d of diags) {
    if (d.code !== 'unknown-reference') continue;
    const m = /^component "(.*)" does not exist/.exec(d.message);
    if (!m) continue;
    const parts = m[1].split('.');
    const ids = idsInFolder(dir, root);
    for (let k = parts.length; k > 0; k--) {
      const other = ids.get(parts.slice(0, k).join('.'));
      if (other && other !== basename(file)) {
        d.hint = `${parts.slice(0, k).join('.')} is defined in ${other}; Alloy loads a folder as one configuration: check it with --dir-as-config`;
        break;
      }
    }
  }
}
