#!/usr/bin/env node
// Which components the real configurations in <shared>/corpus use most, and whether
// `alloy-lint run` simulates them: `node scripts/corpus-components.js ../shared [--top 40]`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@alloy-lint/parser';
import { isSimulated, notSimulatedReason } from '@alloy-lint/runtime';

const shared = process.argv[2] ?? '../shared';
const topAt = process.argv.indexOf('--top');
const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 40;
const corpus = join(shared, 'corpus');

function* files(dir) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(alloy|river)$/.test(e)) yield p;
  }
}

const uses = new Map();
const configs = new Map();
let n = 0;
function visit(stmts, file) {
  for (const s of stmts) {
    if (s.kind !== 'Block') continue;
    const name = s.name.join('.');
    if (/^(otelcol|prometheus|loki|discovery|local|remote|pyroscope|beyla|faro|mimir|database_observability)\./.test(name)) {
      uses.set(name, (uses.get(name) ?? 0) + 1);
      if (!configs.has(name)) configs.set(name, new Set());
      configs.get(name).add(file);
    }
    if (name === 'declare') visit(s.body, file);
  }
}
for (const f of files(corpus)) {
  n++;
  visit(parse(readFileSync(f), f).ast.body, f);
}
const rows = [...uses].sort((a, b) => b[1] - a[1]);
const ottl = new Set(['otelcol.processor.transform', 'otelcol.processor.filter']);
const partly = { 'otelcol.processor.resourcedetection': 'passes data on (detectors not run)' };
const mark = (name) => (ottl.has(name) ? 'simulated (OTTL via @alloy-lint/ottl)' : partly[name] ?? (name.startsWith('prometheus.exporter.') ? 'target; metrics from samples.scrape' : isSimulated(name) ? 'simulated' : notSimulatedReason(name) ? `— ${notSimulatedReason(name).split(':')[0]}` : '—'));
console.log(`${n} configurations; components by number of blocks (configs using them):`);
for (const [name, count] of rows.slice(0, top)) console.log(`${String(count).padStart(5)} ${String(configs.get(name).size).padStart(5)}  ${name.padEnd(44)} ${mark(name)}`);
const total = rows.reduce((a, [, c]) => a + c, 0);
const covered = rows.filter(([name]) => isSimulated(name) && !partly[name]).reduce((a, [, c]) => a + c, 0);
console.log(`\n${covered} of ${total} component blocks (${((100 * covered) / total).toFixed(1)}%) are simulated; ${rows.filter(([x]) => isSimulated(x)).length} of ${rows.length} distinct components.`);
