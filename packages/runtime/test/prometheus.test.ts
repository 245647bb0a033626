// prometheus.scrape → prometheus.relabel → prometheus.remote_write on exposition text:
// target labels as Prometheus' PopulateLabels sets them, honor_labels, exported_ prefixes.
import { describe, expect, it } from 'vitest';
import { mutateSampleLabels, populateLabels } from '../src/components/prometheus-scrape.js';
import { parseExposition } from '../src/prom/exposition.js';
import { expectClean, NOW, runText, sink } from './helpers.js';

describe('exposition text', () => {
  it('parses samples, label escapes, timestamps, metadata and special values', () => {
    const e = parseExposition('# HELP up Up.\n# TYPE up gauge\nup 1\nreq_total{path="/a\\"b",le="+Inf"} 3 1395066363000\nnan_metric NaN\ninf -Inf\n');
    expect(e.samples).toEqual([
      { labels: { __name__: 'up' }, value: 1 },
      { labels: { __name__: 'req_total', path: '/a"b', le: '+Inf' }, value: 3, t: 1395066363000 },
      { labels: { __name__: 'nan_metric' }, value: NaN },
      { labels: { __name__: 'inf' }, value: -Infinity },
    ]);
    expect(e.types.get('up')).toBe('gauge');
    expect(() => parseExposition('ok 1\nbad{x="1" 2\n')).toThrow('line 2: expected "," or "}" after label x');
    expect(() => parseExposition('dup{a="1",a="2"} 1')).toThrow('duplicate label name a');
  });
});

describe('target labels', () => {
  it('defaults job, instance from the address, drops __meta_ labels, keeps explicit values', () => {
    const p = populateLabels({ __address__: '10.0.0.1:8080', __meta_x: 'y', team: 'a' }, 'prometheus.scrape.s', 'http', '/metrics', { format: ['prometheus'] });
    expect(p).toEqual({ addr: '10.0.0.1:8080', labels: { __address__: '10.0.0.1:8080', team: 'a', job: 'prometheus.scrape.s', instance: '10.0.0.1:8080', __scrape_interval__: '1m', __scrape_timeout__: '10s', __metrics_path__: '/metrics', __scheme__: 'http', __param_format: 'prometheus' } });
    expect(populateLabels({ job: 'x' }, 'j', 'http', '/m', {})).toEqual({ error: 'no address' });
  });

  it('honor_labels false renames conflicts to exported_ (shortest first), true keeps the scraped value', () => {
    const target = { job: 'j', instance: 'i', __address__: 'a' };
    expect(mutateSampleLabels({ __name__: 'm', job: 'app', exported_job: 'old' }, target, false)).toEqual({ __name__: 'm', job: 'j', instance: 'i', exported_job: 'old', exported_exported_job: 'app' });
    expect(mutateSampleLabels({ __name__: 'm', job: 'app' }, target, true)).toEqual({ __name__: 'm', job: 'app', instance: 'i' });
  });
});

describe('scrape → relabel → remote_write', () => {
  const cfg = `prometheus.scrape "s" {
  targets    = [{ "__address__" = "10.0.0.1:8080", "team" = "a" }]
  forward_to = [prometheus.relabel.r.receiver]
  honor_labels = true
}
prometheus.relabel "r" {
  rule {
    source_labels = ["__name__"]
    regex         = "go_.*"
    action        = "drop"
  }
  forward_to = [prometheus.remote_write.rw.receiver]
}
prometheus.remote_write "rw" {
  external_labels = { cluster = "prod", team = "platform" }
  endpoint {
    url = "http://mimir/api/v1/push"
  }
}
`;
  it('delivers scraped samples with target and external labels; relabel drops by name', () => {
    const r = expectClean(runText(cfg, { scrape: { '10.0.0.1:8080': 'http_requests_total{code="200",team="b"} 5\ngo_goroutines 9\n' } }, { trace: true }));
    const got = sink(r, 'prometheus.remote_write.rw').samples!.map((s) => [s.name, s.attributes, s.fields!.value]);
    const target = { instance: '10.0.0.1:8080', job: 'prometheus.scrape.s', cluster: 'prod' };
    expect(got).toEqual([
      ['http_requests_total', { code: '200', team: 'b', ...target }, '5'],
      ['up', { team: 'a', ...target }, '1'],
      ['scrape_duration_seconds', { team: 'a', ...target }, '0'],
      ['scrape_samples_scraped', { team: 'a', ...target }, '2'],
      ['scrape_samples_post_metric_relabeling', { team: 'a', ...target }, '2'],
      ['scrape_series_added', { team: 'a', ...target }, '2'],
    ]);
    expect(sink(r, 'prometheus.remote_write.rw').samples![0].fields!.timestamp).toBe(NOW.toISOString());
    const dropped = r.itemJourneys.find((j) => j.input.name === 'go_goroutines')!;
    expect(dropped.outcome).toEqual({ kind: 'dropped', component: 'prometheus.relabel.r', reason: 'dropped by rule 1 (action drop)' });
  });

  it('reports a target without exposition text and a scrape that fails to parse', () => {
    const none = runText(cfg, {});
    expect(none.warnings).toContain('prometheus.scrape.s: target http://10.0.0.1:8080/metrics (instance 10.0.0.1:8080) was not scraped: no exposition text in the samples (add scrape."10.0.0.1:8080")');
    const bad = runText(cfg, { scrape: { 'http://10.0.0.1:8080/metrics': 'x{' } });
    expect(bad.warnings[0]).toMatch(/^prometheus\.scrape\.s: scrape of http:\/\/10\.0\.0\.1:8080\/metrics failed \(up 0\): line 1/);
  });

  it('prometheus.exporter.* exposes a target whose metrics come from the samples', () => {
    const r = expectClean(
      runText(`prometheus.exporter.unix "h" { }\nprometheus.scrape "s" {\n  targets = prometheus.exporter.unix.h.targets\n  forward_to = [prometheus.remote_write.rw.receiver]\n}\nprometheus.remote_write "rw" {\n  endpoint {\n    url = "http://mimir/api/v1/push"\n  }\n}\n`, { scrape: { 'prometheus.exporter.unix.h': 'node_load1 0.5\n' } }, { env: { HOSTNAME: 'web-1' } }),
    );
    expect(sink(r, 'prometheus.remote_write.rw').samples![0]).toMatchObject({ name: 'node_load1', attributes: { instance: 'web-1', job: 'integrations/unix' } });
  });
});
