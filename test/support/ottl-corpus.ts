// The OTTL texts of ../shared/corpus: every transform, filter, tail_sampling, count and
// signaltometrics component (a docs fence counts as the body of the component it documents).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ottlSites, OTTL_COMPONENTS, type GraphNode, type OttlSite } from '@alloy-lint/analyzer';
import { fromAlloyString } from '@alloy-lint/ottl';
import { parse, type Block, type Stmt } from '@alloy-lint/parser';

export const corpusRoot = new URL('../../../shared/corpus/', import.meta.url).pathname;
export const corpusPresent = existsSync(corpusRoot);
if (!corpusPresent && process.env.CI) throw new Error(`the corpus is missing at ${corpusRoot}`);

export interface CorpusOttl {
  file: string;
  component: string;
  site: OttlSite;
  text: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(alloy|river)$/.test(n) ? [p] : [];
  });
}

function components(path: string, body: Stmt[]): { name: string; block: Block }[] {
  const fence = /(otelcol\.[a-z_.]+)\.fence-\d+\.alloy$/.exec(path)?.[1];
  const out: { name: string; block: Block }[] = [];
  const visit = (stmts: Stmt[]) => {
    for (const s of stmts) {
      if (s.kind !== 'Block') continue;
      if (OTTL_COMPONENTS.has(s.fullName)) out.push({ name: s.fullName, block: s });
      else if (!s.fullName.startsWith('otelcol.')) visit(s.body);
    }
  };
  visit(body);
  if (fence && OTTL_COMPONENTS.has(fence) && out.length === 0) {
    out.push({ name: fence, block: { kind: 'Block', name: fence.split('.'), fullName: fence, label: '', nameSpan: { start: 0, end: 0 }, body, lcurly: 0, rcurly: 0, start: 0, end: 0 } });
  }
  return out;
}

/** Every OTTL text of the corpus, in file order. */
export function corpusOttl(): CorpusOttl[] {
  const out: CorpusOttl[] = [];
  for (const path of corpusPresent ? files(corpusRoot) : []) {
    const rel = relative(corpusRoot, path);
    const { ast } = parse(readFileSync(path), rel);
    for (const c of components(path, ast.body)) {
      const node = { id: c.name, kind: 'component', name: c.name, label: '', file: rel, block: c.block } as GraphNode;
      for (const site of ottlSites(node)) {
        const mapped = fromAlloyString(site.literal.raw, site.literal.start);
        if (mapped) out.push({ file: rel, component: c.name, site, text: mapped.text });
      }
    }
  }
  return out;
}
