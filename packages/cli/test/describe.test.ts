import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

describe('alloy-lint describe and schemas', () => {
  it('lists every v1.18.1 component with its stability as JSON', () => {
    const r = run(['describe', '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.version).toBe('v1.18.1');
    expect(d.components.length).toBe(184);
    const write = d.components.find((c: { name: string }) => c.name === 'loki.write');
    expect(write.stability).toBe('generally-available');
    expect(write.exports).toEqual([{ name: 'receiver', type: 'capsule(loki.LogsReceiver)' }]);
    expect(write.blocks).toContainEqual({ path: ['endpoint'], required: false, repeatable: true, labelled: false });
    expect(write.attributes).toContainEqual({ path: ['endpoint', 'url'], type: 'string', required: true });
  });

  it('prints a readable reference for one component', () => {
    const r = run(['describe', 'loki.write']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^loki\.write \(Alloy v1\.18\.1\)/);
    expect(r.stdout).toMatch(/url\s+string\s+required/);
  });

  it('rejects unknown names and versions', () => {
    expect(run(['describe', 'loki.wirte']).code).toBe(2);
    expect(run(['describe', '--alloy-version', 'v0.1.0', 'loki.write']).code).toBe(2);
  });

  it('diffs two releases', () => {
    const r = run(['schemas', 'diff', 'v1.18.1', 'v1.19.0-rc.3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- prometheus.write.queue');
    expect(r.stdout).toContain('+ otelcol.processor.redaction');
  });

  it('check honours .alloy-lint.json and --rule', () => {
    const text = 'loki.write "out" {\n  endpoint {\n    url = "http://loki"\n  }\n}\n';
    const dir = tempTree({ '.alloy-lint.json': '{"rules": {"no-inputs": "error"}}', 'a/x.alloy': text });
    expect(run(['check', 'a/x.alloy', '--format', 'json'], { cwd: dir }).stdout).toContain('"severity": "error"');
    expect(run(['check', 'a/x.alloy', '--rule', 'no-inputs=off'], { cwd: dir }).code).toBe(0);
    const bad = tempTree({ '.alloy-lint.json': '{"rules": {"no-inputs": "loud"}}', 'x.alloy': text });
    expect(run(['check', 'x.alloy'], { cwd: bad }).code).toBe(2);
  });
});
