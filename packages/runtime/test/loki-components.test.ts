import { describe, expect, it } from 'vitest';
import { detect, maskSecret } from '../src/components/secret-rules.js';
import { expectClean, NOW, runText, sink } from './helpers.js';

const api = (forward: string) => `loki.source.api "in" {
  http {
    listen_port = 3100
  }
  labels     = { source = "api" }
  forward_to = [${forward}]
}
`;

describe('Loki entry points', () => {
  it('loki.source.file reads each target file, adds filename, drops __ labels', () => {
    const r = expectClean(
      runText(
        `loki.source.file "f" {
  targets    = [{ "__path__" = "/var/log/app.log", "__internal" = "x", "app" = "shop" }]
  forward_to = [loki.echo.e.receiver]
}
loki.echo "e" { }
`,
        { files: { '/var/log/app.log': 'first\r\nsecond\npartial' } },
      ),
    );
    expect(sink(r, 'loki.echo.e').entries).toEqual([
      { line: 'first', timestamp: '2026-01-02T03:04:05Z', labels: { app: 'shop', filename: '/var/log/app.log' }, structuredMetadata: {} },
      { line: 'second', timestamp: '2026-01-02T03:04:05Z', labels: { app: 'shop', filename: '/var/log/app.log' }, structuredMetadata: {} },
      { line: 'partial', timestamp: '2026-01-02T03:04:05Z', labels: { app: 'shop', filename: '/var/log/app.log' }, structuredMetadata: {} },
    ]);
    expect(NOW.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it('loki.source.kubernetes: job and instance defaults, kubelet timestamps, the newline kept', () => {
    const r = expectClean(
      runText(
        `loki.source.kubernetes "pods" {
  targets    = [{ "__meta_kubernetes_namespace" = "ns", "__meta_kubernetes_pod_name" = "p", "__meta_kubernetes_pod_container_name" = "c", "__meta_kubernetes_pod_uid" = "u", "app" = "a" }]
  forward_to = [loki.echo.e.receiver]
}
loki.echo "e" { }
`,
        { kubernetes: { pods: [{ name: 'p', namespace: 'ns', containers: [{ name: 'c', logs: ['2025-05-21T02:48:07.5Z hello', { line: 'no time' }] }] }] } },
      ),
    );
    const [a, b] = sink(r, 'loki.echo.e').entries;
    expect(a).toEqual({ line: 'hello\n', timestamp: '2025-05-21T02:48:07.5Z', labels: { app: 'a', instance: 'ns/p:c', job: 'loki.source.kubernetes.pods' }, structuredMetadata: {} });
    expect(b.line).toBe('no time\n');
  });

  it('loki.source.docker: per-container logs, stream label through relabel_rules', () => {
    const r = expectClean(
      runText(
        `discovery.relabel "d" {
  targets = []
  rule {
    source_labels = ["__meta_docker_container_log_stream"]
    target_label  = "stream"
  }
}
loki.source.docker "d" {
  host          = "unix:///var/run/docker.sock"
  targets       = [{ "__meta_docker_container_id" = "abc", "__meta_docker_container_name" = "/web" }]
  relabel_rules = discovery.relabel.d.rules
  forward_to    = [loki.echo.e.receiver]
}
loki.echo "e" { }
`,
        { logs: { 'loki.source.docker.d': [{ target: { __meta_docker_container_id: 'abc' }, entries: [{ line: 'oops', stream: 'stderr', timestamp: '2026-01-01T00:00:00Z' }] }] } },
      ),
    );
    expect(sink(r, 'loki.echo.e').entries.map((e) => e.labels)).toEqual([{ stream: 'stderr' }]);
  });

  it('push-style sources merge their labels argument; a missing sample is a warning', () => {
    const r = expectClean(runText(api('loki.echo.e.receiver') + 'loki.echo "e" { }\n', { logs: { 'loki.source.api': [{ line: 'x', labels: { job: 'j' } }] } }));
    expect(sink(r, 'loki.echo.e').entries[0].labels).toEqual({ job: 'j', source: 'api' });
    const none = expectClean(runText(api('loki.echo.e.receiver') + 'loki.echo "e" { }\n'));
    expect(none.warnings.join()).toMatch(/no entries in the samples/);
  });
});

describe('Loki components', () => {
  it('loki.relabel drops entries a rule drops, and the trace says which rule', () => {
    const r = expectClean(
      runText(
        api('loki.relabel.r.receiver') +
          `loki.relabel "r" {
  forward_to = [loki.echo.e.receiver]
  rule {
    source_labels = ["job"]
    regex         = "noisy"
    action        = "drop"
  }
}
loki.echo "e" { }
`,
        { logs: { 'loki.source.api.in': [{ line: 'a', labels: { job: 'noisy' } }, { line: 'b', labels: { job: 'ok' } }] } },
        { trace: true },
      ),
    );
    expect(sink(r, 'loki.echo.e').entries.map((e) => e.line)).toEqual(['b']);
    expect(r.journeys[0].outcome).toEqual({ kind: 'dropped', component: 'loki.relabel.r', reason: 'dropped by rule 1 (action drop)' });
    expect(r.journeys[1].outcome.kind).toBe('delivered');
  });

  it('loki.write: external labels, tenant from __tenant_id__, internal labels dropped, secrets redacted', () => {
    const r = expectClean(
      runText(
        api('loki.relabel.t.receiver') +
          `loki.relabel "t" {
  forward_to = [loki.write.w.receiver]
  rule {
    source_labels = ["job"]
    regex         = ""
    target_label  = "__tenant_id__"
    replacement   = "team-b"
  }
}
loki.write "w" {
  endpoint {
    url       = "https://user:s3cret@logs.example.com/loki/api/v1/push"
    tenant_id = "team-a"
    headers   = { "X-Scope-OrgID" = "team-a", "Authorization" = "Bearer abc" }
    basic_auth {
      username = "user"
      password = "s3cret"
    }
  }
  external_labels = { cluster = "eu-1", source = "ignored" }
}
`,
        { logs: { 'loki.source.api.in': [{ line: 'x', labels: { job: 'j' } }, { line: 'y' }] } },
      ),
    );
    const w = sink(r, 'loki.write.w');
    expect(w.endpoints).toEqual([
      {
        url: 'https://user:xxxxx@logs.example.com/loki/api/v1/push',
        tenant: 'team-a',
        headers: { 'X-Scope-OrgID': 'team-a', Authorization: '<secret>' },
        auth: 'basic_auth (username "user", password <secret>)',
      },
    ]);
    expect(w.entries.map((e) => [e.labels, e.tenant])).toEqual([
      [{ cluster: 'eu-1', job: 'j', source: 'api' }, 'team-a'],
      [{ cluster: 'eu-1', source: 'api' }, 'team-b'],
    ]);
    expect(JSON.stringify(r)).not.toContain('s3cret');
  });

  it('loki.enrich copies the chosen labels of the matching target', () => {
    const r = expectClean(
      runText(
        api('loki.enrich.e.receiver') +
          `loki.enrich "e" {
  targets            = [{ "host" = "h1", "rack" = "r7", "dc" = "x" }]
  target_match_label = "host"
  labels_to_copy     = ["rack"]
  forward_to         = [loki.echo.out.receiver]
}
loki.echo "out" { }
`,
        { logs: { 'loki.source.api.in': [{ line: 'a', labels: { host: 'h1' } }, { line: 'b', labels: { host: 'h2' } }] } },
        { experimental: true },
      ),
    );
    expect(sink(r, 'loki.echo.out').entries.map((e) => e.labels)).toEqual([
      { host: 'h1', rack: 'r7', source: 'api' },
      { host: 'h2', source: 'api' },
    ]);
  });

  it('loki.secretfilter redacts with a template or masks by percent', () => {
    expect(detect('login ok password=Zx9kQ2vB7mN4wLp8 done').map((f) => f.secret)).toEqual(['Zx9kQ2vB7mN4wLp8']);
    expect(detect('the key: aaaaaaaaaaaaaaaa is too regular')).toEqual([]);
    const [f] = detect('aws AKIAIOSFODNN7EXAMPLE used');
    expect(f).toEqual({ rule: 'aws-access-token', secret: 'AKIAIOSFODNN7EXAMPLE' });
    expect(maskSecret('AKIAIOSFODNN7EXAMPLE', 80)).toBe('AKIA...');
    expect(maskSecret('abc', 100)).toBe('REDACTED');
    const r = expectClean(
      runText(
        api('loki.secretfilter.s.receiver') +
          `loki.secretfilter "s" {
  redact_with = "<$SECRET_NAME>"
  forward_to  = [loki.echo.e.receiver]
}
loki.echo "e" { }
`,
        { logs: { 'loki.source.api.in': [{ line: 'key AKIAIOSFODNN7EXAMPLE and token: Aa1Bb2Cc3Dd4Ee5Ff6Gg7 end' }, { line: 'nothing here' }] } },
        { experimental: true },
      ),
    );
    expect(sink(r, 'loki.echo.e').entries.map((e) => e.line)).toEqual(['key <aws-access-token> and token: <generic-api-key> end', 'nothing here']);
  });

  it('loki.process runs the stage engine; the trace keeps each stage', () => {
    const r = expectClean(
      runText(
        api('loki.process.p.receiver') +
          `loki.process "p" {
  stage.logfmt {
    mapping = { level = "" }
  }
  stage.labels {
    values = { level = "" }
  }
  stage.drop {
    source = "level"
    value  = "debug"
  }
  forward_to = [loki.echo.e.receiver]
}
loki.echo "e" { }
`,
        { logs: { 'loki.source.api.in': [{ line: 'level=info msg=a' }, { line: 'level=debug msg=b' }] } },
        { trace: true },
      ),
    );
    expect(sink(r, 'loki.echo.e').entries.map((e) => [e.line, e.labels.level])).toEqual([['level=info msg=a', 'info']]);
    const dropped = r.journeys.find((j) => j.outcome.kind === 'dropped')!;
    expect(dropped.outcome.component).toBe('loki.process.p');
    expect(dropped.outcome.reason).toMatch(/stage\.drop/);
    expect((dropped.steps[0].stages as { stage: string }[]).map((s) => s.stage)).toEqual(['stage.logfmt', 'stage.labels', 'stage.drop']);
  });
});

describe('local files', () => {
  it('local.file_match expands globs over the sample files, honouring __path_exclude__', () => {
    const r = expectClean(
      runText(
        `local.file_match "logs" {
  path_targets = [{ "__path__" = "/var/log/**/*.log", "__path_exclude__" = "/var/log/skip/*.log", "job" = "files" }]
}
local.file "cfg" {
  filename = "/etc/app/name"
}
loki.source.file "f" {
  targets    = local.file_match.logs.targets
  forward_to = [loki.echo.e.receiver]
}
loki.echo "e" { }
`,
        { files: { '/var/log/a.log': 'a1\n', '/var/log/app/b.log': 'b1\n', '/var/log/skip/c.log': 'c1\n', '/etc/app/name': 'shop' } },
      ),
    );
    expect(r.targets.find((t) => t.component === 'local.file_match.logs')!.targets.map((t) => t.__path__)).toEqual(['/var/log/a.log', '/var/log/app/b.log']);
    expect(sink(r, 'loki.echo.e').entries.map((e) => [e.line, e.labels.filename, e.labels.job])).toEqual([
      ['a1', '/var/log/a.log', 'files'],
      ['b1', '/var/log/app/b.log', 'files'],
    ]);
  });
});
