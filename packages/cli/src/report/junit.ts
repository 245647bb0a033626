// JUnit XML for `alloy-lint test --junit`: one test case per test file.

import type { TestOutcome } from '@alloy-lint/runtime';

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export interface JunitCase {
  file: string;
  outcome?: TestOutcome;
  /** The file could not be read or is not a valid test. */
  error?: string;
  seconds: number;
}

export function junit(cases: JunitCase[]): string {
  const failures = cases.filter((c) => c.outcome && !c.outcome.passed && !c.outcome.error).length;
  const errors = cases.filter((c) => c.error || c.outcome?.error).length;
  const time = cases.reduce((t, c) => t + c.seconds, 0);
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="alloy-lint test" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">\n`;
  out += `  <testsuite name="alloy pipelines" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">\n`;
  for (const c of cases) {
    const name = c.outcome?.name ?? c.file;
    out += `    <testcase classname="${esc(c.file)}" name="${esc(name)}" time="${c.seconds.toFixed(3)}"`;
    const err = c.error ?? c.outcome?.error;
    const failed = c.outcome?.assertions.filter((a) => !a.passed) ?? [];
    if (err) out += `>\n      <error message="${esc(err)}"/>\n    </testcase>\n`;
    else if (failed.length) {
      const text = failed.map((a) => `${a.description}: ${a.message}`).join('\n');
      out += `>\n      <failure message="${esc(`${failed.length} of ${c.outcome!.assertions.length} assertions failed`)}">${esc(text)}</failure>\n    </testcase>\n`;
    } else out += '/>\n';
  }
  return out + '  </testsuite>\n</testsuites>\n';
}
