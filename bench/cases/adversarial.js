// Patterns a config or test file supplies, on inputs built to make a backtracking engine blow up:
// each on 50,000 characters against the same pattern on 5,000 in the same run. Linear time is a
// ratio of about 10; the limit flags anything growing faster. re2js runs inputs shorter than
// 262,144 / (program instructions) characters on a bit-state backtracker and longer ones on its
// Pike VM (both linear, at different speeds): the regex rows use `a{1,30}` (65 instructions) so
// that 5,000 and 50,000 characters both run on the Pike VM.
import { checkAssertion, compileTemplate, globMatch } from '@alloy-lint/runtime';
import { measurePair } from '../lib.js';

const BIG = 50_000;
const SMALL = 5_000;

const CASES = [
  {
    name: 'test line_regex `(a{1,30})*b` on a…acb (a JS RegExp backtracks exponentially)',
    make: (n) => {
      // A `b` at the end: without one, re2js answers from a literal check without scanning.
      const entries = [{ line: 'a'.repeat(n - 2) + 'cb', labels: {}, structuredMetadata: {}, timestamp: '2024-01-01T00:00:00Z' }];
      const assertion = { type: 'contains', match: { line_regex: '(a{1,30})*b' } };
      return () => checkAssertion(assertion, entries);
    },
  },
  {
    name: 'local.file_match glob `*a*a*a*a*a*a*a*a*a*a*a*ab` (polynomial as a JS RegExp)',
    make: (n) => {
      const path = 'a'.repeat(n);
      const pattern = '*a'.repeat(12) + 'b';
      return () => globMatch(pattern, path);
    },
  },
  {
    name: 'local.file_match glob `**/` ×12 then `b` over a deep path b/b/…/c',
    make: (n) => {
      const path = 'b/'.repeat(n / 2 - 1) + 'c';
      const pattern = '**/'.repeat(12) + 'b';
      return () => globMatch(pattern, path);
    },
  },
  {
    name: 'template `{{ Trim .x "a" }}` with the cut characters in the middle (quadratic as a JS RegExp)',
    make: (n) => {
      const t = compileTemplate('{{ Trim .x "a" }}');
      const data = new Map([['x', 'a'.repeat(n / 2) + 'b' + 'a'.repeat(n / 2) + 'b']]);
      return () => t.execute(data);
    },
  },
  {
    name: 'template `{{ TrimSpace .x }}` over spaces and one letter',
    make: (n) => {
      const t = compileTemplate('{{ TrimSpace .x }}');
      const data = new Map([['x', ' '.repeat(n / 2) + 'b' + ' '.repeat(n / 2) + 'b']]);
      return () => t.execute(data);
    },
  },
  {
    name: 'template `{{ regexReplaceAll "(a{1,30})*c" .x "-" }}` on a…abc',
    make: (n) => {
      const t = compileTemplate('{{ regexReplaceAll "(a{1,30})*c" .x "-" }}');
      const data = new Map([['x', 'a'.repeat(n - 2) + 'bc']]);
      return () => t.execute(data);
    },
  },
];

export default function adversarialRows() {
  const rows = [];
  for (const c of CASES) {
    const r = measurePair(c.make(BIG), c.make(SMALL), { minRuns: 5, minMs: 600, warmup: 2 });
    rows.push({ name: `${c.name}, ${BIG.toLocaleString('en')} chars`, ms: r.a, baseline: `the same on ${SMALL.toLocaleString('en')} chars`, baselineMs: r.b, ratio: r.a / r.b, limit: 20 });
  }
  return { rows };
}
