import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const WRITE = 'loki.write "out" {\n  endpoint {\n    url = "http://loki"\n  }\n}\n';
const TYPO = 'loki.write "out" {\n  endpoint {\n    url = "http://loki"\n  }\n  colour = 1\n}\n';

describe('alloy-lint rules', () => {
  it('lists every rule with its default severity', () => {
    const r = run(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no-inputs +warning\n +A component that receives data/m);
    expect(r.stdout).toMatch(/^unknown-field +error \(Alloy refuses; cannot be switched off\)$/m);
  });

  it('--format json carries descriptions, docs and the node kinds each rule visits', () => {
    const rules = JSON.parse(run(['rules', '--format', 'json']).stdout) as { id: string; description: string; docs: string; visits: string[]; refusedByAlloy: boolean }[];
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(byId.get('no-inputs')).toMatchObject({ visits: ['config'], refusedByAlloy: false });
    expect(byId.get('hardcoded-secret')?.visits).toEqual(['attribute']);
    expect(byId.get('argument-check')).toMatchObject({ visits: ['block'], refusedByAlloy: true });
    for (const r of rules) expect(r.description.length, r.id).toBeGreaterThan(10);
    expect(run(['rules', '--format', 'yaml']).code).toBe(2);
  });
});

describe('rule settings', () => {
  it('an unknown rule id in .alloy-lint.json or --rule exits 2 with a suggestion', () => {
    const dir = tempTree({ '.alloy-lint.json': '{"rules": {"no-input": "off"}}', 'x.alloy': WRITE });
    const r = run(['check', 'x.alloy'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "no-input" (did you mean "no-inputs"?)');
    const flag = run(['check', '--rule', 'no-such-rule=off', '--', 'x.alloy'], { cwd: tempTree({ 'x.alloy': WRITE }) });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--rule: unknown rule "no-such-rule"');
  });

  it('an unknown key or a wrongly typed value in .alloy-lint.json exits 2', () => {
    const key = run(['check', 'x.alloy'], { cwd: tempTree({ '.alloy-lint.json': '{"rule": {}}', 'x.alloy': WRITE }) });
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('unknown key "rule"');
    const type = run(['check', 'x.alloy'], { cwd: tempTree({ '.alloy-lint.json': '{"communityComponents": "yes"}', 'x.alloy': WRITE }) });
    expect(type.code).toBe(2);
    expect(type.stderr).toContain('communityComponents must be a boolean, got string');
  });

  it('switching off what Alloy refuses has no effect and says so', () => {
    const dir = tempTree({ '.alloy-lint.json': '{"rules": {"unknown-attribute": "off"}}', 'x.alloy': TYPO });
    const r = run(['check', 'x.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unrecognized attribute name "colour"');
    expect(r.stderr).toContain('rule "unknown-attribute" cannot be set to off: Alloy refuses a configuration with this problem');
  });

  it('a comment cannot silence what Alloy refuses, and an unknown id in a comment is reported', () => {
    const text = TYPO.replace('  colour = 1', '  // alloy-lint-disable-next-line unknown-attribute\n  colour = 1') + '// alloy-lint-disable no-inptus\n';
    const r = run(['check', '--format', 'json', 'x.alloy'], { cwd: tempTree({ 'x.alloy': text }) });
    const diags = JSON.parse(r.stdout) as { code: string; message: string; hint?: string }[];
    expect(r.code).toBe(1);
    expect(diags.map((d) => d.code)).toEqual(['unknown-attribute', 'no-inputs', 'lint-directive', 'lint-directive']);
    expect(diags[2].message).toBe('unknown-attribute cannot be disabled: Alloy refuses a configuration with this problem, so the comment has no effect');
    expect(diags[3]).toMatchObject({ message: 'unknown rule "no-inptus" in alloy-lint directive', hint: 'did you mean "no-inputs"?' });
  });
});
