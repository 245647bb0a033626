import { parseExpression } from '@alloy-lint/parser';
import { evaluate } from '@alloy-lint/values';
import { measurePair } from '../lib.js';

const EXPRESSIONS = [
  '1 + 2 * 3',
  'string.to_upper("alloy")',
  '[1, 2, 3][1]',
  '{a = 1, b = "x"}.b',
  '"a" + "b" == "ab" && !false',
  'coalesce("", "fallback")',
  'encoding.from_json("{\\"k\\": [1, 2]}").k[0]',
  '10 % 3 ^ 2 - 1.5',
  'string.format("%s-%d", "job", 42)',
  'array.concat([1], [2, 3])',
];

/** The same expressions computed by plain JavaScript: the floor for any evaluator. */
const NATIVE = [
  () => 1 + 2 * 3,
  () => 'alloy'.toUpperCase(),
  () => [1, 2, 3][1],
  () => ({ a: 1, b: 'x' }).b,
  () => 'a' + 'b' === 'ab' && !false,
  () => '' || 'fallback',
  () => JSON.parse('{"k": [1, 2]}').k[0],
  () => (10 % 3 ** 2) - 1.5,
  () => `${'job'}-${42}`,
  () => [1].concat([2, 3]),
];

export default function valuesRows() {
  const asts = EXPRESSIONS.map((e) => parseExpression(e).expr);
  const n = 100_000;
  const r = measurePair(
    () => {
      for (let i = 0; i < n; i++) evaluate(asts[i % asts.length]);
    },
    () => {
      for (let i = 0; i < n; i++) NATIVE[i % NATIVE.length]();
    },
    { minRuns: 5, minMs: 2000 },
  );
  return {
    rows: [
      {
        name: 'evaluate 100k small expressions (pre-parsed)',
        ms: r.a,
        perSecond: n / (r.a / 1000),
        unit: 'expr/s',
        baseline: 'the same computed in plain JS',
        baselineMs: r.b,
        ratio: r.a / r.b,
      },
    ],
  };
}
