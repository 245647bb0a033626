#!/usr/bin/env node
// Runs every property test (files using test/support/property.ts) under N different seeds:
//   node scripts/property-seeds.js 50 [first-seed]
// Seeds are first-seed, first-seed+1, ...; the first failing seed is printed for replay.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const count = Number(process.argv[2] ?? 50);
const first = Number(process.argv[3] ?? 1);

function testFiles(dir, out = []) {
  for (const f of readdirSync(dir)) {
    if (f === 'node_modules' || f === 'dist') continue;
    const p = join(dir, f);
    if (statSync(p).isDirectory()) testFiles(p, out);
    else if (f.endsWith('.test.ts') && readFileSync(p, 'utf8').includes('support/property.js')) out.push(relative(root, p));
  }
  return out;
}

const files = [...testFiles(join(root, 'packages')), ...testFiles(join(root, 'test'))];
console.log(`property tests: ${files.join(', ')}`);
for (let seed = first; seed < first + count; seed++) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...files], {
    cwd: root,
    env: { ...process.env, ALLOY_LINT_SEED: String(seed) },
    encoding: 'utf8',
  });
  const summary = /Tests\s+(.*)/.exec(r.stdout)?.[1]?.trim() ?? '';
  console.log(`seed ${seed}: ${r.status === 0 ? 'passed' : 'FAILED'} ${summary}`);
  if (r.status !== 0) {
    console.log(r.stdout + r.stderr);
    console.log(`replay: ALLOY_LINT_SEED=${seed} npx vitest run ${files.join(' ')}`);
    process.exit(1);
  }
}
console.log(`all ${files.length} property test files passed under ${count} seeds (${first}..${first + count - 1})`);
