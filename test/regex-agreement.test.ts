// `check` and `run` share one Go-regexp front end (@alloy-lint/gostd/regexp): a relabel regex is
// refused by the checker exactly when the runner cannot compile it, with the same message.
import { analyze } from '@alloy-lint/analyzer';
import { compileRelabelRegex } from '@alloy-lint/runtime';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { describe, expect, it } from 'vitest';

const catalog = loadSchemaCatalog('v1.18.1');

const PATTERNS = [
  // Go accepts these (duplicate group names included; RE2 proper does not)
  '(?P<x>a)|(?P<x>b)',
  '(?P<n>[a-z]+)-(?P<n>\\d+)',
  '\\pL+',
  '(?i)abc',
  '\\Qa.b\\E',
  '[[:alpha:]]+',
  '(?P<1a>x)',
  // Go refuses these
  '(?=x)',
  '(a)\\1',
  '(unclosed',
  '(?P<a-b>x)',
  'a{1001}',
  '[z-a]',
];

function checkError(regex: string): string | undefined {
  const text = `discovery.relabel "r" {\n  targets = []\n  rule {\n    source_labels = ["a"]\n    regex         = ${JSON.stringify(regex)}\n    target_label  = "b"\n  }\n}\n`;
  return analyze([{ name: 'r.alloy', text }], { catalog }).diagnostics.find((d) => d.code === 'invalid-regex')?.message;
}

describe('regex checks agree with the runner', () => {
  it.each(PATTERNS)('%s', (regex) => {
    const compiled = compileRelabelRegex(regex);
    const runError = 'error' in compiled ? compiled.error : undefined;
    expect(checkError(regex)).toBe(runError);
  });

  it('duplicate capture-group names are accepted, as Go accepts them', () => {
    expect(checkError('(?P<x>a)|(?P<x>b)')).toBeUndefined();
    const stage = 'loki.process "p" {\n  forward_to = []\n  stage.regex {\n    expression = `^(?P<v>\\d+)|(?P<v>[a-z]+)$`\n  }\n}\n';
    expect(analyze([{ name: 'p.alloy', text: stage }], { catalog }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refused patterns are refused by both', () => {
    const refused = PATTERNS.filter((p) => 'error' in compileRelabelRegex(p));
    expect(refused).toEqual(['(?=x)', '(a)\\1', '(unclosed', '(?P<a-b>x)', 'a{1001}', '[z-a]']);
  });
});
