// validator family: Alloy's `alloy validate` snapshots, compared as exact report text.
import { analyze, alloyReport } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusResults } from './10-syntax.js';
import { loadJson, tally } from './util.js';

const validator = {
  name: 'validator',
  run(dir) {
    const records = loadJson(dir, 'validator/validator.json');
    if (!records) return undefined;
    const t = tally();
    const catalog = loadSchemaCatalog('v1.18.1');
    for (const rec of records) {
      const files = Object.entries(rec.files).map(([name, text]) => ({ name, text }));
      const { diagnostics, sources } = analyze(files, {
        catalog,
        minStability: rec.options.min_stability,
        parity: true,
        mode: 'root',
        community: rec.options.enable_community_components,
      });
      const got = alloyReport(diagnostics, sources);
      const want = rec.expected_diagnostics;
      let why = '';
      if (got !== want) {
        const g = got.split('\n');
        const w = want.split('\n');
        const i = g.findIndex((l, k) => l !== w[k]);
        why = `first difference at report line ${i + 1}: got ${JSON.stringify(g[i])}, want ${JSON.stringify(w[i])}`;
      }
      t.check(got === want, `${rec.name}: ${why}`);
    }
    return t;
  },
};

export const families = [validator];

/** The errors Alloy v1.18.1 would report for one corpus file (with its folder, when it is one file of several). */
export function corpusFileErrors(dir, r, results, catalog) {
  const text = readFileSync(join(dir, 'corpus', r.path));
  // The whole checker (not only `alloy validate`): our type checks must not reject what Alloy accepts.
  const opts = { catalog, minStability: 'experimental', community: true };
  let { diagnostics, sources } = analyze([{ name: r.path, text }], opts);
  if (diagnostics.some((d) => d.message.endsWith('does not exist or is out of scope'))) {
    // Perhaps one file of a directory loaded as one config: check it with its siblings.
    const folder = r.path.slice(0, r.path.lastIndexOf('/') + 1);
    const siblings = results.filter((x) => x.parses && x.path.startsWith(folder) && !x.path.slice(folder.length).includes('/'));
    const files = siblings.map((x) => ({ name: x.path, text: readFileSync(join(dir, 'corpus', x.path)) }));
    const whole = analyze(files, opts);
    const mine = whole.diagnostics.filter((d) => d.file === r.path);
    // Separate examples that merely share a folder collide; keep the file on its own then.
    if (!mine.some((d) => d.message.includes('already declared at'))) {
      sources = whole.sources;
      diagnostics = mine;
    }
  }
  const unknownComponent = diagnostics.some((d) => d.message.startsWith('cannot find the definition of component name'));
  const errors = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => {
      const p = sources.get(d.file).position(d.start);
      return `${p.line}:${p.column}: ${d.message}`;
    });
  return { unknownComponent, errors };
}

/** Every corpus file that parses and uses only v1.18.1 components must check without errors, or be listed with the upstream line that rejects it. */
const corpusCheck = {
  name: 'corpus-check',
  run(dir) {
    const results = corpusResults(dir);
    if (!results) return undefined;
    const catalog = loadSchemaCatalog('v1.18.1');
    const expected = JSON.parse(readFileSync(new URL('./corpus-check-expected.json', import.meta.url), 'utf8')).files;
    const t = tally();
    for (const r of results) {
      if (!r.parses) continue;
      const { unknownComponent, errors } = corpusFileErrors(dir, r, results, catalog);
      if (unknownComponent) {
        t.skipped++;
        continue;
      }
      const listed = expected[r.path];
      if (errors.length === 0) t.check(!listed, `${r.path}: listed in corpus-check-expected.json but checks clean`);
      else if (!listed) t.check(false, `${r.path}: ${errors[0]}`);
      else t.check(listed.error === errors[0], `${r.path}: listed error ${JSON.stringify(listed.error)} but got ${JSON.stringify(errors[0])}`);
    }
    t.note = `${t.skipped} files use components not in v1.18.1 and are skipped; ${Object.keys(expected).length} listed as rejected by Alloy v1.18.1`;
    return t;
  },
};

families.push(corpusCheck);
