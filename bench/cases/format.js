import { fileURLToPath } from 'node:url';
import { generateConfig } from '../generate.js';
import { isolatedPair } from '../lib.js';

// Badly indented on purpose, so the formatter has work to do.
const text = () => generateConfig(10000).replace(/^ +/gm, (m) => ' '.repeat(m.length * 2));

/** The functions timed, each in its own process. */
export async function setup() {
  const { format } = await import('@alloy-lint/formatter');
  const { parse } = await import('@alloy-lint/parser');
  const bytes = new TextEncoder().encode(text());
  return { format: () => format(bytes), parse: () => parse(bytes) };
}

export default async function formatRows() {
  const r = await isolatedPair(fileURLToPath(import.meta.url), 'format', 'parse');
  const size = new TextEncoder().encode(text()).length;
  return {
    rows: [
      {
        name: 'format 10k-line config (parse included)',
        ms: r.a,
        mbPerS: size / 1e6 / (r.a / 1000),
        baseline: 'parse of the same file (own process)',
        baselineMs: r.b,
        ratio: r.a / r.b,
        limit: 3,
      },
    ],
  };
}
