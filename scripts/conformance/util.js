import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads DIR/conformance/<rel> as JSON, or undefined when absent. */
export function loadJson(dir, rel) {
  const p = join(dir, 'conformance', rel);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}

export function tally() {
  const t = { passed: 0, failed: 0, failures: [], skipped: 0, skips: [] };
  t.check = (ok, what) => {
    if (ok) t.passed++;
    else {
      t.failed++;
      t.failures.push(what);
    }
  };
  return t;
}

export function sourceBytes(rec) {
  if (rec.source_hex != null && rec.source == null) return Buffer.from(rec.source_hex, 'hex');
  if (rec.source_hex != null) return Buffer.from(rec.source_hex, 'hex');
  return Buffer.from(rec.source, 'utf8');
}
