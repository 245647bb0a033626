import { format } from '@alloy-lint/formatter';
import { parse } from '@alloy-lint/parser';
import { generateConfig } from '../generate.js';
import { measurePair } from '../lib.js';

export default function formatRows() {
  // Badly indented on purpose, so the formatter has work to do.
  const text = generateConfig(10000).replace(/^ +/gm, (m) => ' '.repeat(m.length * 2));
  const bytes = new TextEncoder().encode(text);
  const r = measurePair(() => format(bytes), () => parse(bytes));
  return {
    rows: [
      {
        name: 'format 10k-line config (parse included)',
        ms: r.a,
        mbPerS: bytes.length / 1e6 / (r.a / 1000),
        baseline: 'parse of the same file',
        baselineMs: r.b,
        ratio: r.a / r.b,
        limit: 3,
      },
    ],
  };
}
