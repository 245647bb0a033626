// Writes <out>/<version>/rules.json from the catalogue and that release's tree, and lists it in index.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '@alloy-lint/schemas';
import { readCatalogue } from './checks.js';
import { Places } from './places.js';
import { releaseRules, type ReleaseReport } from './release.js';
import { GoTree } from './source.js';

/** The catalogue kept in this package. */
export const CATALOGUE = new URL('../../rules/argument-checks.json', import.meta.url);

const readJson = (p: string | URL) => JSON.parse(readFileSync(p, 'utf8'));

function places(out: string, version: string): Places {
  const read = (f: string) => readJson(join(out, version, f));
  return new Places(loadCatalog(read('index.json'), read));
}

/** JSON with one entry per line group and short lists kept on one line. */
export function compactJson(v: unknown): string {
  return JSON.stringify(v, null, 1).replace(/\[\n\s*((?:(?:"(?:[^"\\\n]|\\.)*"|-?[\d.e+]+|true|false|null),?\n\s*)+)\]/g, (_, body: string) =>
    `[${body.split(/,?\n\s*/).filter(Boolean).join(', ')}]`,
  ) + '\n';
}

export function writeRules(opts: { src: string; version: string; out: string; catalogue?: string | URL }): ReleaseReport {
  const catalogue = readCatalogue(readJson(opts.catalogue ?? CATALOGUE));
  const { rules, report } = releaseRules(catalogue, opts.version, new GoTree(opts.src), places(opts.out, opts.version), places(opts.out, catalogue.reference));
  writeFileSync(join(opts.out, opts.version, 'rules.json'), compactJson({ version: opts.version, rules }));
  const indexPath = join(opts.out, opts.version, 'index.json');
  const index = readJson(indexPath);
  if (index.rules !== 'rules.json') writeFileSync(indexPath, JSON.stringify({ ...index, rules: 'rules.json' }, null, 2) + '\n');
  return report;
}

/** The report as text: counts, then every check left out or changed (what a reviewer reads). */
export function formatReport(r: ReleaseReport, total: number): string {
  const lines = [`${r.version}: ${r.applied} of ${total} argument checks apply`];
  const list = (title: string, items: string[]) => {
    if (items.length) lines.push(`  ${title} (${items.length}):`);
    for (const i of items) lines.push(`    ${i}`);
  };
  list('left out', r.absent.map((a) => `${a.id}: ${a.reason}`));
  list('message differs', r.messages.map((m) => `${m.id}: ${JSON.stringify(m.to)} (reference ${JSON.stringify(m.from)})`));
  list('allowed values dropped', r.values.map((v) => `${v.id}: ${v.dropped.join(', ')}`));
  list('fields dropped', r.fields.map((v) => `${v.id}: ${v.dropped.join(', ')}`));
  list('places dropped', r.places.map((v) => `${v.id}: ${v.dropped.length} (${v.dropped.slice(0, 3).join(', ')}${v.dropped.length > 3 ? ', …' : ''})`));
  return lines.join('\n') + '\n';
}
