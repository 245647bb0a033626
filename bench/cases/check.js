import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyze } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/cli/schemas';
import { parse } from '@alloy-lint/parser';
import { generateConfig } from '../generate.js';
import { measurePair } from '../lib.js';

export default function checkRows() {
  const bytes = new TextEncoder().encode(generateConfig(10000));
  const catalog = loadSchemaCatalog('v1.18.1');
  const files = [{ name: 'bench.alloy', text: bytes }];
  analyze(files, { catalog }); // load the schemas the config uses before timing
  const r = measurePair(() => analyze(files, { catalog }), () => parse(bytes));
  const rows = [
    {
      name: 'check 10k-line config',
      ms: r.a,
      mbPerS: bytes.length / 1e6 / (r.a / 1000),
      baseline: 'parse of the same file',
      baselineMs: r.b,
      ratio: r.a / r.b,
      limit: 4,
    },
  ];
  const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
  if (existsSync(corpus)) {
    const bin = fileURLToPath(new URL('../../packages/cli/bin/alloy-lint.js', import.meta.url));
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [bin, 'check', corpus, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - t0;
    const count = spawnSync('find', [corpus, '-name', '*.alloy'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
    const diags = run.stdout ? JSON.parse(run.stdout).length : 0;
    rows.push({ name: `alloy-lint check ../shared/corpus (${count} files, ${diags} diagnostics, one CLI run)`, ms, perSecond: count / (ms / 1000), unit: 'files/s' });
  }
  return { rows };
}
