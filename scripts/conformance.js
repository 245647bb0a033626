#!/usr/bin/env node
// Runs every conformance family found under DIR (a folder laid out like ../shared).
// One line per family, then a final `N passed, N failed`; exit 1 on any failure.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const verbose = args.includes('-v') || args.includes('--verbose');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const dir = resolve(args.find((a) => !a.startsWith('-')) ?? '../shared');
// --known=FILE: failures listed there (family -> {id: reason}) are reported but do not fail the run.
const knownPath = args.find((a) => a.startsWith('--known='))?.slice(8);
const known = knownPath ? JSON.parse(readFileSync(knownPath, 'utf8')) : {};
let unexpected = 0;
const idOf = (msg) => msg.split(': ')[0];
const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(join(here, 'conformance')).filter((f) => /^\d+-.*\.js$/.test(f)).sort();

let passed = 0;
let failed = 0;
for (const f of files) {
  const mod = await import(join(here, 'conformance', f));
  for (const family of mod.families ?? [mod]) {
    if (only && !only.includes(family.name)) continue;
    let r;
    try {
      r = await family.run(dir);
    } catch (e) {
      r = { passed: 0, failed: 1, failures: [`family crashed: ${e?.stack ?? e}`] };
    }
    if (!r) continue; // the family's data is not in DIR
    passed += r.passed;
    failed += r.failed;
    const allowed = known[family.name] ?? {};
    const knownHere = r.failures.filter((m) => idOf(m) in allowed).length;
    unexpected += r.failed - knownHere;
    const notes = [r.note, knownHere ? `${knownHere} known failures, listed in ${knownPath}` : ''].filter(Boolean);
    const extra = notes.length ? ` (${notes.join('; ')})` : '';
    console.log(`${family.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${extra}`);
    const shown = verbose ? r.failures : r.failures.slice(0, 5);
    for (const msg of shown) console.log(`  ${idOf(msg) in allowed ? 'KNOWN' : 'FAIL'} ${msg}`);
    if (shown.length < r.failures.length) console.log(`  … ${r.failures.length - shown.length} more (use --verbose)`);
    for (const msg of r.skips ?? []) if (verbose) console.log(`  SKIP ${msg}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = unexpected > 0 ? 1 : 0;
