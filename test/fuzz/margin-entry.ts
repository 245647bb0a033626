// Run by stack-margin.test.ts in a Node with a smaller stack: every construct nested right at
// the parser's limit, in every place, through every stage. Prints the failures, one per line.
import { MAX_DEPTH } from '@alloy-lint/parser';
import { BLOCK_NESTINGS, NESTINGS, PLACES } from './inputs.js';
import { runStages } from './stages.js';

const failures: string[] = [];
for (const [kind, make] of Object.entries(NESTINGS)) {
  for (const place of PLACES) for (const f of runStages(place(make('1', MAX_DEPTH - 1))).failures) failures.push(`${kind}: ${f}`);
}
for (const [kind, make] of Object.entries(BLOCK_NESTINGS)) for (const f of runStages(make(MAX_DEPTH - 2)).failures) failures.push(`${kind}: ${f}`);
process.stdout.write(JSON.stringify(failures));
