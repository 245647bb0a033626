import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const SEED = ['examples/k8s-logs.alloy', '--inputs', 'test/fixtures/runtime/k8s-samples.yaml'];
const LABELS = 'cluster="kose-eks-welcomestudy", container="hello-api", instance="default/hello-api-7d4b9c:hello-api", job="loki.source.kubernetes.pod", namespace="default", pod="hello-api-7d4b9c"';

describe('alloy-lint run', () => {
  it('shows the seed lines reaching loki.write with namespace, pod, container and cluster', () => {
    const r = run(['run', ...SEED], { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('loki.write.loki → http://loki-distributor.loki.svc.cluster.local:3100/loki/api/v1/push (2 entries)');
    expect(r.stdout).toContain(`2025-05-21T02:48:07.120537218Z {${LABELS}}\n    2025/05/21 02:48:07 Request received: path=/hello, method=GET, trace_id=4228e430a1f94dc866fb862c68189da7\\n`);
    expect(r.stdout).toContain(`2025-05-21T02:48:07.121904611Z {${LABELS}}\n    Response sent: trace_id=4228e430a1f94dc866fb862c68189da7\\n`);
  });

  it('--trace shows the relabel rules and the stages', () => {
    const r = run(['run', ...SEED, '--trace'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rule 3 replace  +container="hello-api"');
    expect(r.stdout).toContain('stage.static_labels #0  labels +cluster="kose-eks-welcomestudy"');
    expect(r.stdout).toContain('→ delivered by loki.write.loki');
  });

  it('--format json gives the sinks, targets and component states', () => {
    const r = run(['run', ...SEED, '--format', 'json'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.components.every((c: { status: string }) => c.status === 'simulated')).toBe(true);
    expect(out.sinks[0].entries.map((e: { labels: Record<string, string> }) => e.labels.cluster)).toEqual(['kose-eks-welcomestudy', 'kose-eks-welcomestudy']);
  });

  it('does not run a configuration that does not load', () => {
    const dir = tempTree({ 'bad.alloy': 'loki.write "w" {\n  endpoint {\n    uri = "x"\n  }\n}\n' });
    const r = run(['run', 'bad.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the configuration does not load');
  });

  it('rejects an invalid samples file with a usage error', () => {
    const dir = tempTree({ 'c.alloy': 'loki.echo "e" { }\n', 's.yaml': 'kubernetes:\n  pod: []\n' });
    const r = run(['run', 'c.alloy', '--inputs', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('s.yaml: invalid samples\n  kubernetes: unknown key "pod" (expected one of namespaces, nodes, pods, services, endpoints, ingresses, secrets, configmaps)');
  });
});

describe('alloy-lint test', () => {
  it('passes the fixtures, with a JUnit report', () => {
    const dir = tempTree({});
    const junit = join(dir, 'junit.xml');
    const r = run(['test', 'test/fixtures/runtime', '--junit', junit], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS k8s-logs \(test\/fixtures\/runtime\/k8s-logs.test.yaml, 4 assertions\)/);
    expect(r.stdout).toContain('all passed, 3 passed, 3 tests');
    expect(readFileSync(junit, 'utf8')).toContain('<testsuite name="alloy pipelines" tests="3" failures="0" errors="0"');
  });

  it('fails with a readable report and exit code 1', () => {
    const dir = tempTree({
      'pipes/test.yaml': [
        'config: |',
        '  loki.echo "e" { }',
        'inputs:',
        '  loki:',
        '    - components: [loki.echo.e.receiver]',
        '      entries:',
        '        - { line: hello, labels: { app: a } }',
        'assert:',
        '  loki:',
        '    - { type: count, count: 2, sink: loki.echo.e }',
      ].join('\n'),
    });
    const r = run(['test', '--junit', 'out.xml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL pipes (pipes/test.yaml, 0/1 assertions passed)');
    expect(r.stdout).toContain('✗ 2 entries at loki.echo.e');
    expect(r.stdout).toContain('expected 2, got 1');
    expect(readFileSync(join(dir, 'out.xml'), 'utf8')).toContain('<failure message="1 of 1 assertions failed">');
  });
});
