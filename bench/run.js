#!/usr/bin/env node
// `npm run bench`: every case in bench/cases, printed as a table and written to bench/results.json.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const results = { node: process.version, date: new Date().toISOString(), cases: {} };
const table = [];
for (const f of readdirSync(join(here, 'cases')).filter((f) => f.endsWith('.js')).sort()) {
  const name = f.replace(/\.js$/, '');
  if (only.length && !only.includes(name)) continue;
  // Each case runs in its own process, so one case's heap does not slow the next one down.
  const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'run-case.js'), name], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) {
    console.error(`bench case ${name} failed:\n${child.stderr}`);
    process.exitCode = 1;
    continue;
  }
  const r = JSON.parse(child.stdout);
  results.cases[name] = r;
  for (const row of r.rows) table.push(row);
}
const fmt = (n, d = 2) => (n === undefined ? '' : n.toFixed(d));
console.log('| benchmark | median ms | MB/s | other | baseline | baseline ms | ratio | spread | limit |');
console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|');
for (const r of table) {
  const other = r.other ?? (r.perSecond ? `${Math.round(r.perSecond).toLocaleString('en')} ${r.unit ?? '/s'}` : '');
  const flag = r.limit && r.ratio > r.limit ? ' ✖' : r.limit ? ' ✔' : '';
  console.log(`| ${r.name} | ${fmt(r.ms)} | ${fmt(r.mbPerS, 1)} | ${other} | ${r.baseline ?? ''} | ${fmt(r.baselineMs)} | ${fmt(r.ratio)}${flag} | ${r.spread ? r.spread.map((x) => fmt(x)).join('–') : ''} | ${r.limit ? '≤ ' + r.limit + 'x' : ''} |`);
}
writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten: bench/results.json`);
