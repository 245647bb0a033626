// otelcol.exporter.* as sinks: what each would send (or print), with where it goes (the
// endpoint of otlp / otlphttp, the destination arguments of the others). Credentials never
// appear in the report: only the arguments named below are shown, secrets never.

import { redactUrl } from '../loki-write.js';
import type { EndpointInfo } from '../../report.js';
import type { SimContext, Simulator } from '../api.js';
import type { Stmt } from '@alloy-lint/parser';
import type { Signal } from '../../otel/pdata.js';
import { isSecret, stringList, text } from '../../value-js.js';
import { optBool, optString, SinkCollector } from './common.js';

/** The destination arguments shown for the other exporters (dotted block paths). */
const DESTINATION: Record<string, string[]> = {
  'otelcol.exporter.awss3': ['s3_uploader.region', 's3_uploader.s3_bucket', 's3_uploader.endpoint'],
  'otelcol.exporter.datadog': ['api.site', 'traces.endpoint', 'metrics.endpoint', 'logs.endpoint'],
  'otelcol.exporter.faro': ['client.endpoint'],
  'otelcol.exporter.file': ['path'],
  'otelcol.exporter.googlecloud': ['project'],
  'otelcol.exporter.googlecloudpubsub': ['project', 'topic', 'endpoint'],
  'otelcol.exporter.kafka': ['brokers', 'topic', 'traces.topic', 'logs.topic', 'metrics.topic'],
  'otelcol.exporter.loadbalancing': ['routing_key', 'resolver.static.hostnames', 'resolver.dns.hostname', 'resolver.kubernetes.service', 'resolver.aws_cloud_map.service_name'],
  'otelcol.exporter.splunkhec': ['client.endpoint', 'splunk.index'],
  'otelcol.exporter.syslog': ['endpoint', 'port', 'protocol'],
};

/** Exporters that take only some signals (the rest is reported as dropped there). */
const SIGNALS_OF: Record<string, Signal[]> = { 'otelcol.exporter.syslog': ['logs'], 'otelcol.exporter.faro': ['logs', 'traces'] };

/** `path=value` for each destination argument present (lists joined by commas). */
function destination(ctx: SimContext, paths: string[]): string {
  const parts: string[] = [];
  for (const path of paths) {
    const names = path.split('.');
    let body: Stmt[] | undefined = ctx.block.body;
    for (const b of names.slice(0, -1)) body = body && ctx.blocks(b, body)[0]?.body;
    const v = body && ctx.attr(names[names.length - 1], body);
    if (!v || v.t === 'null') continue;
    const shown = isSecret(v) ? '<secret>' : v.t === 'array' ? stringList(v, path).join(',') : redactUrl(text(v, path));
    parts.push(`${path}=${shown}`);
  }
  return parts.length ? `${ctx.name.slice('otelcol.exporter.'.length)} (${parts.join(', ')})` : ctx.name.slice('otelcol.exporter.'.length);
}

function endpoints(ctx: SimContext): EndpointInfo[] {
  const client = ctx.blocks('client')[0];
  const base = client ? optString(ctx, 'endpoint', client.body) : undefined;
  const tls = client ? ctx.blocks('tls', client.body)[0] : undefined;
  const insecure = tls ? optBool(ctx, 'insecure', false, tls.body) : false;
  const auth = client && ctx.attr('auth', client.body) ? 'auth extension <secret>' : undefined;
  const out: EndpointInfo[] = [];
  const add = (name: string | undefined, url: string) => out.push({ ...(name ? { name } : {}), url: redactUrl(url), ...(auth ? { auth } : {}) });
  if (ctx.name === 'otelcol.exporter.otlphttp') {
    for (const s of ['traces', 'metrics', 'logs']) {
      const own = optString(ctx, `${s}_endpoint`);
      if (own) add(s, own);
      else if (base) add(s, `${base.replace(/\/$/, '')}/v1/${s}`);
    }
  } else if (base) add(undefined, `${base}${ctx.name === 'otelcol.exporter.otlp' ? (insecure ? ' (gRPC, plaintext)' : ' (gRPC, TLS)') : ''}`);
  return out;
}

export function otelExporterSink(ctx: SimContext): Simulator {
  const sink = new SinkCollector();
  const eps =
    ctx.name === 'otelcol.exporter.debug'
      ? [{ url: `debug output (verbosity ${optString(ctx, 'verbosity') ?? 'basic'})` }]
      : DESTINATION[ctx.name]
        ? [{ url: destination(ctx, DESTINATION[ctx.name]) }]
        : endpoints(ctx);
  const where = eps.map((e) => e.url).join(', ') || '(no endpoint)';
  const input = ctx.flow.otel.consumer(ctx.id, (b) => {
    ctx.flow.otel.step(ctx.id, b, () => {}, `exported to ${where}`);
    sink.add(b);
    ctx.flow.otel.endAll(b, 'delivered', ctx.id);
  }, SIGNALS_OF[ctx.name]);
  return { exports: { input }, sink: () => sink.report(ctx.id, ctx.name, { endpoints: eps }) };
}

/** The exporters simulated as sinks. */
export const EXPORTER_SINKS = ['otelcol.exporter.otlp', 'otelcol.exporter.otlphttp', 'otelcol.exporter.debug', ...Object.keys(DESTINATION)];
