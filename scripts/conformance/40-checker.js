// validator family: Alloy's `alloy validate` snapshots, compared as exact report text.
import { analyze, alloyReport } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/cli/schemas';
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
