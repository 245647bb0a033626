import { readFileSync } from 'node:fs';
import { render, FORMATS, toDot } from '@alloy-lint/graph';
import { describe, expect, it } from 'vitest';
import { modelOf } from './helpers.js';

const fixture = readFileSync(new URL('./fixtures/everything.alloy', import.meta.url), 'utf8');
const everything = () => modelOf({ 'everything.alloy': fixture });

describe('graph model', () => {
  it('has one edge per reference, in data-flow direction, with signal and attribute', () => {
    const m = everything();
    expect(m.edges.map((e) => `${e.from} -> ${e.to} [${e.signal}, ${e.attribute}, ${e.flow}]${e.missing ? ' missing' : ''}`)).toEqual([
      'logging -> loki.write.default [logs, write_to, push]',
      'missing:discovery.kubernetes.nodes -> prometheus.scrape.apps [targets, targets, pull] missing',
      'prometheus.scrape.apps -> prometheus.remote_write.cloud [metrics, forward_to, push]',
      'local.file.token -> otelcol.auth.basic.creds [other, password, pull]',
      'otelcol.receiver.otlp.in -> otelcol.exporter.prometheus.bridge [metrics, output.metrics, push]',
      'otelcol.receiver.otlp.in -> otelcol.exporter.loki.bridge [logs, output.logs, push]',
      'otelcol.receiver.otlp.in -> otelcol.exporter.otlphttp.tempo [traces, output.traces, push]',
      'otelcol.exporter.prometheus.bridge -> prometheus.remote_write.cloud [metrics, forward_to, push]',
      'otelcol.exporter.loki.bridge -> loki.write.default [logs, forward_to, push]',
      'otelcol.auth.basic.creds -> otelcol.exporter.otlphttp.tempo [other, client.auth, pull]',
      'pyroscope.scrape.self -> missing:pyroscope.write.nowhere [profiles, forward_to, push] missing',
      'declare.tail/loki.source.file.files -> declare.tail/argument.dest [logs, forward_to, push]',
      'tail.one -> loki.write.default [logs, dest, push]',
      'declare.twice/loki.process.p -> declare.twice/argument.out [logs, forward_to, push]',
      'declare.twice/export.in -> declare.twice/loki.process.p [logs, value, push]',
      'twice.a -> loki.write.default [logs, out, push]',
      'twice.b -> twice.a [logs, out, push]',
      'foreach.per_port/loki.source.api.listener -> loki.write.default [logs, forward_to, push]',
    ]);
  });

  it('has declare, foreach and import clusters with their instances', () => {
    const m = everything();
    expect(m.clusters.map((c) => [c.id, c.kind, c.cluster, c.instances])).toEqual([
      ['declare.tail', 'declare', undefined, ['tail.one']],
      ['declare.twice', 'declare', undefined, ['twice.a', 'twice.b']],
      ['foreach.per_port', 'foreach', undefined, []],
      ['import.string.mod', 'import', undefined, ['mod.thing.x']],
    ]);
    const byId = new Map(m.nodes.map((n) => [n.id, n]));
    expect(byId.get('declare.tail/loki.source.file.files')).toMatchObject({ kind: 'component', cluster: 'declare.tail' });
    expect(byId.get('twice.a')).toMatchObject({ kind: 'instance', definition: 'declare.twice', cluster: undefined });
    expect(byId.get('mod.thing.x')).toMatchObject({ kind: 'instance', definition: 'import.string.mod', cluster: 'import.string.mod' });
    expect(byId.get('missing:pyroscope.write.nowhere')).toMatchObject({ kind: 'missing', name: 'pyroscope.write', label: 'nowhere' });
    // Config blocks that take no part in data flow are left out.
    expect([...byId.values()].filter((n) => n.kind === 'config').map((n) => n.id)).toEqual(['logging']);
  });

  it('pins diagnostics as badges: counts and codes, never messages', () => {
    const m = everything();
    const badges = Object.fromEntries([...m.nodes, ...m.clusters].filter((n) => n.badge).map((n) => [n.id, n.badge]));
    expect(badges).toEqual({
      'prometheus.scrape.apps': { errors: 1, warnings: 0, infos: 0, codes: ['unknown-reference'] },
      'prometheus.remote_write.cloud': { errors: 0, warnings: 1, infos: 0, codes: ['hardcoded-secret'] },
      'pyroscope.scrape.self': { errors: 1, warnings: 0, infos: 0, codes: ['unknown-reference'] },
      'foreach.per_port': { errors: 1, warnings: 0, infos: 0, codes: ['stability'] },
    });
  });

  it('draws a declare used once as its instance, entering and leaving through its arguments', () => {
    const dot = toDot(everything());
    expect(dot).toContain('subgraph "cluster_declare.tail"');
    expect(dot).toContain('"declare.tail/argument.dest" -> "loki.write.default"');
    expect(dot).not.toMatch(/^\s*"tail\.one"/m);
    // Used twice: the definition is a cluster, the instances are nodes.
    expect(dot).toMatch(/^\s*"twice\.a" \[/m);
  });

  it('routes edges of a declare used once through its export and argument nodes', () => {
    const dot = toDot(modelOf({ 'clusters.alloy': readFileSync(new URL('./fixtures/clusters.alloy', import.meta.url)) }));
    const edges = [...dot.matchAll(/^\s*"([^"]+)" -> "([^"]+)"/gm)].map((m) => `${m[1]} -> ${m[2]}`);
    expect(edges).toEqual([
      'discovery.kubernetes.pods -> foreach.per_target#anchor',
      'foreach.per_target/prometheus.scrape.one -> prometheus.remote_write.out',
      'declare.shipper/export.input -> declare.shipper/prometheus.relabel.keep',
      'declare.shipper/prometheus.relabel.keep -> declare.shipper/argument.to',
      'declare.shipper/argument.to -> prometheus.remote_write.out',
      'discovery.kubernetes.pods -> prometheus.scrape.direct',
      'prometheus.scrape.direct -> declare.shipper/export.input',
    ]);
  });

  it('never shows attribute values in any format', async () => {
    const secrets = ['s3cr3t-p4ssw0rd', 'pa55word-in-url', 'tenant-98765', 'graph-fixture-token', 'example.com', 'localhost:12345'];
    const m = everything();
    for (const f of FORMATS) {
      const out = await render(m, f);
      for (const s of secrets) expect(out, `${f} shows ${s}`).not.toContain(s);
    }
  });

  it('gives an empty model when a file does not parse', () => {
    const m = modelOf({ 'bad.alloy': 'loki.write "x" {' });
    expect(m).toMatchObject({ nodes: [], clusters: [], edges: [] });
  });

  it('resolves a foreach template reference to the block outside it', () => {
    const m = modelOf({
      'f.alloy': 'loki.write "out" {\n  endpoint {\n    url = "http://x"\n  }\n}\nforeach "f" {\n  collection = [1]\n  var = "v"\n  template {\n    loki.process "p" {\n      forward_to = [loki.write.out.receiver]\n    }\n  }\n}\n',
    });
    expect(m.edges.map((e) => `${e.from} -> ${e.to}`)).toEqual(['foreach.f/loki.process.p -> loki.write.out']);
  });
});
