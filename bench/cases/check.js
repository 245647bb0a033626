import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateConfig } from '../generate.js';
import { isolatedPair } from '../lib.js';

/** The functions timed, each in its own process. */
export async function setup() {
  const { analyze } = await import('@alloy-lint/analyzer');
  const { loadSchemaCatalog } = await import('@alloy-lint/schemas/node');
  const { parse } = await import('@alloy-lint/parser');
  const bytes = new TextEncoder().encode(generateConfig(10000));
  const catalog = loadSchemaCatalog('v1.18.1');
  const files = [{ name: 'bench.alloy', text: bytes }];
  return { check: () => analyze(files, { catalog }), parse: () => parse(bytes), bytes };
}

export default async function checkRows() {
  const r = await isolatedPair(fileURLToPath(import.meta.url), 'check', 'parse');
  const size = new TextEncoder().encode(generateConfig(10000)).length;
  const rows = [
    {
      name: 'check 10k-line config',
      ms: r.a,
      mbPerS: size / 1e6 / (r.a / 1000),
      baseline: 'parse of the same file (own process)',
      baselineMs: r.b,
      ratio: r.a / r.b,
      limit: 4,
    },
  ];
  const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
  if (existsSync(corpus)) {
    const bin = fileURLToPath(new URL('../../packages/cli/bin/alloy-lint.cjs', import.meta.url));
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [bin, 'check', corpus, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - t0;
    const count = spawnSync('find', [corpus, '-name', '*.alloy'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
    const diags = run.stdout ? JSON.parse(run.stdout).length : 0;
    rows.push({ name: `alloy-lint check ../shared/corpus (${count} files, ${diags} diagnostics, one CLI run)`, ms, perSecond: count / (ms / 1000), unit: 'files/s' });
  }
  return { rows };
}
