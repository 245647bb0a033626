import { parse, Scanner } from '@alloy-lint/parser';
import { generateConfig, generateJson } from '../generate.js';
import { measurePair } from '../lib.js';

export default function parseRows() {
  const text = generateConfig(10000);
  const bytes = new TextEncoder().encode(text);
  const json = generateJson(bytes.length);
  const mb = bytes.length / 1e6;
  const rows = [];
  const lex = measurePair(
    () => {
      const sc = new Scanner(bytes, undefined, { comments: true });
      while (sc.scan() !== 2 /* EOF */);
    },
    () => JSON.parse(json),
  );
  rows.push({
    name: 'lex 10k-line config',
    ms: lex.a,
    mbPerS: mb / (lex.a / 1000),
    baseline: 'JSON.parse, same byte size',
    baselineMs: lex.b,
    ratio: lex.a / lex.b,
  });
  const full = measurePair(() => parse(bytes), () => JSON.parse(json));
  rows.push({
    name: 'lex+parse 10k-line config',
    ms: full.a,
    mbPerS: mb / (full.a / 1000),
    baseline: 'JSON.parse, same byte size',
    baselineMs: full.b,
    ratio: full.a / full.b,
    limit: 8,
  });
  // Heap the tree of a 100k-line config keeps (run.js starts cases with --expose-gc).
  const huge = new TextEncoder().encode(generateConfig(100000));
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const tree = parse(huge);
  globalThis.gc();
  const kept = process.memoryUsage().heapUsed - before;
  rows.push({
    name: `parse tree of a 100k-line config (${(huge.length / 1e6).toFixed(1)} MB, ${tree.ast.body.length} blocks): heap kept`,
    other: `${(kept / 1e6).toFixed(1)} MB`,
    baseline: 'input size, bytes of heap per byte',
    ratio: kept / huge.length,
  });
  return { context: { lines: text.split('\n').length - 1, bytes: bytes.length }, rows };
}
