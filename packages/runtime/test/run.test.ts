import { describe, expect, it } from 'vitest';
import { expectClean, runText, sink, targetsOf } from './helpers.js';

describe('scheduler', () => {
  it('evaluates components in dependency order and publishes exports as nested objects', () => {
    const r = expectClean(
      runText(
        `discovery.relabel "b" {
  targets = discovery.relabel.a.output
  rule {
    target_label = "step"
    replacement  = "b"
  }
}
discovery.relabel "a" {
  targets = [{ "__address__" = "x:1", "env" = sys.env("STAGE") }]
}
`,
        {},
        { env: { STAGE: 'prod' } },
      ),
    );
    expect(targetsOf(r, 'discovery.relabel.b')).toEqual([{ __address__: 'x:1', env: 'prod', step: 'b' }]);
  });

  it('reports components it cannot simulate and keeps going with placeholder exports', () => {
    const r = runText(`pyroscope.scrape "s" {
  targets    = [{ "__address__" = "x:1" }]
  forward_to = [pyroscope.write.w.receiver]
}
pyroscope.write "w" {
  endpoint {
    url = "http://pyroscope"
  }
}
`);
    expect(r.ok).toBe(true);
    expect(r.components.map((c) => [c.id, c.status])).toEqual([
      ['pyroscope.scrape.s', 'not simulated'],
      ['pyroscope.write.w', 'not simulated'],
    ]);
  });

  it('does not run a configuration Alloy would refuse', () => {
    const r = runText('loki.write "w" {\n  endpoint {\n    uri = "http://loki"\n  }\n}\n');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('marks a failed component and skips what depends on it', () => {
    const r = runText(`local.file "token" {
  filename = "/etc/missing"
}
loki.write "w" {
  endpoint {
    url         = "http://loki/loki/api/v1/push"
    bearer_token = local.file.token.content
  }
}
`);
    expect(r.components.map((c) => [c.id, c.status])).toEqual([
      ['local.file.token', 'failed'],
      ['loki.write.w', 'skipped'],
    ]);
  });

  it('runs custom components from declare blocks and import.file modules', () => {
    const mod = `declare "tagger" {
  argument "forward_to" { }
  argument "team" {
    optional = true
    default  = "core"
  }
  loki.relabel "r" {
    forward_to = argument.forward_to.value
    rule {
      target_label = "team"
      replacement  = argument.team.value
    }
  }
  export "receiver" {
    value = loki.relabel.r.receiver
  }
}
`;
    const r = expectClean(
      runText(
        `import.file "lib" {
  filename = "lib.alloy"
}
declare "local" {
  argument "out" { }
  lib.tagger "inner" {
    forward_to = argument.out.value
    team       = "web"
  }
  export "input" {
    value = lib.tagger.inner.receiver
  }
}
local "x" {
  out = [loki.echo.e.receiver]
}
lib.tagger "y" {
  forward_to = [loki.echo.e.receiver]
}
loki.source.api "in" {
  http {
    listen_port = 3100
  }
  forward_to = [local.x.input, lib.tagger.y.receiver]
}
loki.echo "e" { }
`,
        { logs: { 'loki.source.api.in': [{ line: 'hi', timestamp: '2026-01-01T00:00:00Z', labels: { job: 'j' } }] } },
        { files: { 'lib.alloy': mod } },
      ),
    );
    expect(sink(r, 'loki.echo.e').entries.map((e) => e.labels)).toEqual([
      { job: 'j', team: 'web' },
      { job: 'j', team: 'core' },
    ]);
    expect(r.components.map((c) => c.id)).toContain('local.x/lib.tagger.inner/loki.relabel.r');
  });

  it('prometheus.relabel rules can feed a Loki source; unused samples are warned about', () => {
    const r = expectClean(
      runText(
        `prometheus.relabel "p" {
  forward_to = []
  rule {
    target_label = "via"
    replacement  = "prom-rules"
  }
}
loki.source.api "in" {
  http {
    listen_port = 3100
  }
  relabel_rules = prometheus.relabel.p.rules
  forward_to    = [loki.echo.e.receiver]
}
loki.echo "e" { }
`,
        { logs: { 'loki.source.api.in': [{ line: 'x' }], 'loki.source.api.typo': [] } },
      ),
    );
    expect(sink(r, 'loki.echo.e').entries[0].labels).toEqual({ via: 'prom-rules' });
    expect(r.warnings).toContain('samples: logs."loki.source.api.typo" matches no component of the configuration');
  });
});
