#!/usr/bin/env node
// Writes scripts/conformance/corpus-check-expected.json: corpus files that Alloy v1.18.1 itself
// rejects, each with our first error and the upstream source line that produces that error.
// Usage: node scripts/gen-corpus-expected.js ../shared   (review the diff before committing)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { corpusResults } from './conformance/10-syntax.js';
import { corpusFileErrors } from './conformance/40-checker.js';

const REJECTED_BY = [
  [/^unrecognized attribute name /, 'syntax/typecheck/typecheck.go:200@v1.18.1'],
  [/^missing required attribute /, 'syntax/typecheck/typecheck.go:81@v1.18.1'],
  [/^missing required block /, 'syntax/typecheck/typecheck.go:93@v1.18.1'],
  [/^unrecognized block name /, 'syntax/typecheck/typecheck.go:132@v1.18.1'],
  [/does not exist or is out of scope$/, 'internal/util/ast/references.go:50@v1.18.1'],
  [/^unrecognized attribute /, 'internal/runtime/source.go:74@v1.18.1'],
  [/^cycle detected: /, 'internal/validator/graph.go:146@v1.18.1'],
  [/^cannot reference self$/, 'internal/validator/graph.go:159@v1.18.1'],
  [/must have a label$/, 'internal/validator/validate.go:368@v1.18.1'],
  [/target::ConvertFrom: /, 'internal/component/discovery/target.go:245@v1.18.1'],
  [/already declared at/, 'internal/validator/validate.go:493@v1.18.1'],
  [/^field ".*" does not exist$/, 'syntax/vm/vm.go:385@v1.18.1'],
  [/ cannot access field ".*" on value of type /, 'syntax/vm/vm.go:392@v1.18.1'],
  [/ expected object or array or a capsule convertible to an object, got /, 'syntax/vm/vm.go:376@v1.18.1'],
  [/ expected capsule\(".*"\), got /, 'syntax/internal/value/decode.go:258@v1.18.1'],
  [/ should be one of \[.*\] for binop /, 'syntax/internal/transform/binary.go:40@v1.18.1'],
  [/ should be \w+, got \w+$/, 'syntax/vm/error.go:36@v1.18.1'],
  [/target::ConvertInto: /, 'internal/component/discovery/target.go:208@v1.18.1'],
  [/secrets may not be converted into strings$/, 'syntax/alloytypes/secret.go:40@v1.18.1'],
];

/** Alloy's argument checks from the project's notes, as message patterns with their upstream line. */
function argumentChecks(dir) {
  const path = join(dir, 'design', 'alloy-validation-rules.json');
  if (!existsSync(path)) return [];
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return JSON.parse(readFileSync(path, 'utf8'))
    .filter((r) => r.message && r.upstream)
    .map((r) => [new RegExp('^' + r.message.split(/%[-+# 0-9.]*[a-zA-Z]/).map(escape).join('.*') + '$'), r.upstream]);
}

const dir = resolve(process.argv[2] ?? '../shared');
const results = corpusResults(dir);
const catalog = loadSchemaCatalog('v1.18.1');
const patterns = [...REJECTED_BY, ...argumentChecks(dir)];
const files = {};
for (const r of results) {
  if (!r.parses) continue;
  const { unknownComponent, errors } = corpusFileErrors(dir, r, results, catalog);
  if (unknownComponent || errors.length === 0) continue;
  const message = errors[0].replace(/^\d+:\d+: /, '');
  const rejectedBy = patterns.find(([rx]) => rx.test(message))?.[1] ?? 'unclassified: review by hand';
  files[r.path] = { error: errors[0], rejectedBy };
}
const out = {
  about:
    'Corpus files that Alloy v1.18.1 rejects when each is checked as written (docs fragments, modules with missing ' +
    'context, configs for other releases). `error` is our first diagnostic; `rejectedBy` the upstream line that reports it.',
  files,
};
writeFileSync(new URL('./conformance/corpus-check-expected.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log(`${Object.keys(files).length} files listed`);
