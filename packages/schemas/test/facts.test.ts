// Facts about the seed components, checked by hand against the Alloy v1.18.1 Go source.
import { describe, expect, it } from 'vitest';
import type { ComponentInfo } from '../src/index.js';
import { loadSchemaCatalog } from '../src/node.js';

const cat = loadSchemaCatalog('v1.18.1');
const info = (n: string): ComponentInfo => {
  const i = cat.info(n);
  if (!i) throw new Error(`missing ${n}`);
  return i;
};
const attr = (c: string, path: string) => info(c).attributes.find((a) => a.path.join(' > ') === path);
const block = (c: string, path: string) => info(c).blocks.find((b) => b.path.join(' > ') === path);
const exp = (c: string) => Object.fromEntries(info(c).exports.map((e) => [e.name, e.type]));

describe('v1.18.1 catalog', () => {
  it('has every component with its stability', () => {
    expect(cat.names()).toHaveLength(184);
    const counts: Record<string, number> = {};
    for (const n of cat.names()) {
      const i = info(n);
      const k = i.community ? 'community' : i.stability;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts).toEqual({ 'generally-available': 144, 'public-preview': 9, experimental: 26, community: 5 });
    expect(cat.names()).toContain('prometheus.write.queue');
    expect(cat.names()).not.toContain('otelcol.processor.redaction');
    expect(info('otelcol.exporter.datadog')).toMatchObject({ community: true, stability: 'undefined' });
  });

  it('has the top-level config blocks', () => {
    expect(cat.blockNames().sort()).toEqual(
      ['argument', 'declare', 'export', 'foreach', 'http', 'import.file', 'import.git', 'import.http', 'import.string', 'livedebugging', 'logging', 'remotecfg', 'tracing'],
    );
    expect(attr('logging', 'level')).toMatchObject({ type: 'string', default: 'info', enum: ['debug', 'info', 'warn', 'error'] });
    expect(attr('logging', 'write_to')?.type).toBe('list(capsule(loki.LogsReceiver))');
    expect(attr('tracing', 'sampling_fraction')?.default).toBe(0.1);
    expect(attr('tracing', 'write_to')?.type).toBe('list(capsule(otelcol.Consumer))');
    expect(block('tracing', 'sampler > jaeger_remote')).toBeDefined();
    expect(attr('remotecfg', 'poll_frequency')?.default).toBe('1m0s');
    expect(attr('export', 'value')).toMatchObject({ type: 'any', required: true });
    expect(attr('import.string', 'content')?.type).toBe('optional_secret');
    expect(block('foreach', 'template')).toMatchObject({ required: true });
    expect(info('foreach').stability).toBe('experimental');
    expect(info('logging').stability).toBe('generally-available');
    expect(info('http').blocks.map((b) => b.path.join(' > '))).toContain('tls > windows_certificate_filter');
  });

  it('discovery.kubernetes', () => {
    expect(info('discovery.kubernetes').stability).toBe('generally-available');
    expect(attr('discovery.kubernetes', 'role')).toMatchObject({ type: 'string', required: true });
    expect(attr('discovery.kubernetes', 'api_server')).toMatchObject({ type: 'string', required: false });
    expect(attr('discovery.kubernetes', 'bearer_token')?.type).toBe('secret');
    expect(attr('discovery.kubernetes', 'follow_redirects')?.default).toBe(true);
    expect(block('discovery.kubernetes', 'selectors')).toMatchObject({ repeatable: true, required: false });
    expect(attr('discovery.kubernetes', 'selectors > role')?.required).toBe(true);
    expect(block('discovery.kubernetes', 'namespaces')).toMatchObject({ repeatable: false });
    expect(attr('discovery.kubernetes', 'tls_config > min_version')?.enum).toEqual(['TLS13', 'TLS12', 'TLS11', 'TLS10']);
    expect(exp('discovery.kubernetes')).toEqual({ targets: 'list(capsule(discovery.Target))' });
  });

  it('discovery.relabel', () => {
    expect(attr('discovery.relabel', 'targets')).toMatchObject({ type: 'list(capsule(discovery.Target))', required: true });
    expect(block('discovery.relabel', 'rule')).toMatchObject({ repeatable: true, required: false, labelled: false });
    expect(attr('discovery.relabel', 'rule > action')).toMatchObject({ default: 'replace' });
    expect(attr('discovery.relabel', 'rule > action')?.enum).toHaveLength(11);
    expect(attr('discovery.relabel', 'rule > regex')?.default).toBe('(.*)');
    expect(attr('discovery.relabel', 'rule > separator')?.default).toBe(';');
    expect(attr('discovery.relabel', 'rule > replacement')?.default).toBe('$1');
    expect(attr('discovery.relabel', 'rule > source_labels')?.type).toBe('list(string)');
    expect(exp('discovery.relabel')).toEqual({ output: 'list(capsule(discovery.Target))', rules: 'capsule(relabel.Rules)' });
  });

  it('loki.source.kubernetes', () => {
    expect(attr('loki.source.kubernetes', 'targets')?.required).toBe(true);
    expect(attr('loki.source.kubernetes', 'forward_to')).toMatchObject({ type: 'list(capsule(loki.LogsReceiver))', required: true });
    expect(block('loki.source.kubernetes', 'client')).toMatchObject({ required: false, repeatable: false });
    expect(block('loki.source.kubernetes', 'client > tls_config')).toBeDefined();
    expect(attr('loki.source.kubernetes', 'clustering > enabled')?.required).toBe(true);
    expect(info('loki.source.kubernetes').exports).toEqual([]);
  });

  it('loki.process: every stage, nested stage.match and metrics', () => {
    const stages = info('loki.process').blocks.filter((b) => b.path.length === 1).map((b) => b.path[0]);
    expect(stages).toEqual(
      ['cri', 'decolorize', 'docker', 'drop', 'eventlogmessage', 'geoip', 'json', 'label_keep', 'label_drop', 'labels', 'limit', 'logfmt',
        'luhn', 'match', 'metrics', 'multiline', 'output', 'pack', 'pattern', 'regex', 'replace', 'static_labels', 'structured_metadata',
        'structured_metadata_drop', 'sampling', 'template', 'tenant', 'truncate', 'timestamp', 'windowsevent'].map((s) => `stage.${s}`),
    );
    for (const s of stages) expect(block('loki.process', s)).toMatchObject({ repeatable: true, required: false });
    for (const s of stages) expect(block('loki.process', `stage.match > ${s}`), s).toBeDefined();
    expect(attr('loki.process', 'forward_to')).toMatchObject({ type: 'list(capsule(loki.LogsReceiver))', required: true });
    expect(attr('loki.process', 'stage.match > selector')?.required).toBe(true);
    expect(attr('loki.process', 'stage.labels > values')).toMatchObject({ type: 'map(string)', required: true });
    expect(attr('loki.process', 'stage.label_keep > values')?.required).toBe(true);
    expect(attr('loki.process', 'stage.json > expressions')?.type).toBe('map(string)');
    expect(attr('loki.process', 'stage.cri > max_partial_lines')?.default).toBe(100);
    expect(attr('loki.process', 'stage.multiline > max_wait_time')?.default).toBe('3s');
    expect(attr('loki.process', 'stage.drop > older_than')?.type).toBe('duration');
    expect(attr('loki.process', 'stage.drop > drop_counter_reason')?.default).toBeUndefined();
    expect(block('loki.process', 'stage.metrics > metric.counter')).toMatchObject({ repeatable: true });
    expect(attr('loki.process', 'stage.metrics > metric.counter > action')).toMatchObject({ required: true, enum: ['inc', 'add'] });
    expect(attr('loki.process', 'stage.metrics > metric.gauge > action')?.enum).toEqual(['set', 'inc', 'dec', 'add', 'sub']);
    expect(attr('loki.process', 'stage.metrics > metric.histogram > buckets')).toMatchObject({ type: 'list(number)', required: true });
    expect(block('loki.process', 'stage.truncate > rule')).toMatchObject({ required: true, repeatable: true });
    expect(exp('loki.process')).toEqual({ receiver: 'capsule(loki.LogsReceiver)' });
  });

  it('loki.write', () => {
    expect(block('loki.write', 'endpoint')).toMatchObject({ repeatable: true, required: false, labelled: false });
    expect(attr('loki.write', 'endpoint > url')).toMatchObject({ type: 'string', required: true });
    expect(attr('loki.write', 'endpoint > batch_wait')?.default).toBe('1s');
    expect(attr('loki.write', 'endpoint > batch_size')).toMatchObject({ type: 'string', default: '1MiB' });
    expect(attr('loki.write', 'endpoint > remote_timeout')?.default).toBe('10s');
    expect(attr('loki.write', 'endpoint > max_backoff_period')?.default).toBe('5m0s');
    expect(attr('loki.write', 'endpoint > max_backoff_retries')?.default).toBe(10);
    expect(attr('loki.write', 'endpoint > retry_on_http_429')?.default).toBe(true);
    expect(attr('loki.write', 'endpoint > bearer_token')?.type).toBe('secret');
    expect(attr('loki.write', 'endpoint > queue_config > drain_timeout')?.default).toBe('15s');
    expect(attr('loki.write', 'wal > drain_timeout')?.default).toBe('15s');
    expect(attr('loki.write', 'wal > max_segment_age')?.default).toBe('1h0m0s');
    expect(attr('loki.write', 'external_labels')?.type).toBe('map(string)');
    expect(exp('loki.write')).toEqual({ receiver: 'capsule(loki.LogsReceiver)' });
  });

  it('otelcol.receiver.otlp', () => {
    expect(block('otelcol.receiver.otlp', 'output')).toMatchObject({ required: true, repeatable: false });
    expect(attr('otelcol.receiver.otlp', 'output > traces')?.type).toBe('list(capsule(otelcol.Consumer))');
    expect(attr('otelcol.receiver.otlp', 'grpc > endpoint')?.default).toBe('0.0.0.0:4317');
    expect(attr('otelcol.receiver.otlp', 'http > endpoint')?.default).toBe('0.0.0.0:4318');
    expect(attr('otelcol.receiver.otlp', 'http > traces_url_path')?.default).toBe('/v1/traces');
    expect(attr('otelcol.receiver.otlp', 'grpc > auth')?.type).toBe('capsule(auth.Handler)');
    expect(block('otelcol.receiver.otlp', 'grpc > keepalive > server_parameters')).toBeDefined();
    expect(info('otelcol.receiver.otlp').exports).toEqual([]);
  });

  it('otelcol.processor.k8sattributes', () => {
    expect(block('otelcol.processor.k8sattributes', 'pod_association > source')).toMatchObject({ required: true, repeatable: true });
    expect(attr('otelcol.processor.k8sattributes', 'pod_association > source > from')?.required).toBe(true);
    expect(attr('otelcol.processor.k8sattributes', 'wait_for_metadata_timeout')?.default).toBe('10s');
    expect(attr('otelcol.processor.k8sattributes', 'extract > deployment_name_from_replicaset')?.default).toBe(true);
    expect(block('otelcol.processor.k8sattributes', 'exclude > pod')).toMatchObject({ repeatable: true });
    const s = cat.schema('otelcol.processor.k8sattributes') as unknown as { properties: { exclude: { properties: { pod: { default: unknown } } } } };
    expect(s.properties.exclude.properties.pod.default).toEqual([{ name: 'jaeger-agent' }, { name: 'jaeger-collector' }]);
    expect(block('otelcol.processor.k8sattributes', 'output')?.required).toBe(true);
    expect(exp('otelcol.processor.k8sattributes')).toEqual({ input: 'capsule(otelcol.Consumer)' });
  });

  it('otelcol.exporter.otlp', () => {
    expect(block('otelcol.exporter.otlp', 'client')).toMatchObject({ required: true, repeatable: false });
    expect(attr('otelcol.exporter.otlp', 'client > endpoint')?.required).toBe(true);
    expect(attr('otelcol.exporter.otlp', 'client > compression')?.default).toBe('gzip');
    expect(attr('otelcol.exporter.otlp', 'timeout')?.default).toBe('5s');
    expect(attr('otelcol.exporter.otlp', 'sending_queue > queue_size')?.default).toBe(1000);
    expect(attr('otelcol.exporter.otlp', 'retry_on_failure > multiplier')?.default).toBe(1.5);
    expect(attr('otelcol.exporter.otlp', 'sending_queue > storage')?.type).toBe('capsule(extension.ExtensionHandler)');
    expect(exp('otelcol.exporter.otlp')).toEqual({ input: 'capsule(otelcol.Consumer)' });
  });

  it('other known facts', () => {
    expect(attr('discovery.nomad', 'refresh_interval')?.default).toBe('1m0s');
    expect(attr('otelcol.receiver.filelog', 'max_concurrent_files')?.default).toBe(1024);
    expect(attr('prometheus.exporter.blackbox', 'config')?.type).toBe('optional_secret');
    expect(exp('local.file')).toEqual({ content: 'optional_secret' });
    expect(exp('remote.vault')).toEqual({ data: 'map(secret)' });
    expect(exp('prometheus.remote_write')).toMatchObject({ receiver: 'capsule(storage.Appendable)' });
    expect(exp('pyroscope.write')).toMatchObject({ receiver: 'capsule(pyroscope.Appendable)' });
    expect(exp('otelcol.auth.basic')).toMatchObject({ handler: 'capsule(auth.Handler)' });
  });
});
