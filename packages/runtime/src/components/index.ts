// Which components the runtime simulates, by block name.

import type { SimFactory } from './api.js';
import { discoveryKubernetes } from './discovery-kubernetes.js';
import { discoveryRelabel } from './discovery-relabel.js';
import { discoveryFromSamples, localFile, localFileMatch } from './local-file.js';
import { lokiEcho } from './loki-echo.js';
import { lokiEnrich } from './loki-enrich.js';
import { lokiProcess } from './loki-process.js';
import { lokiRelabel } from './loki-relabel.js';
import { lokiSecretfilter } from './loki-secretfilter.js';
import { lokiSourceDocker, lokiSourceFile } from './loki-source-file.js';
import { lokiSourceGeneric } from './loki-source-generic.js';
import { lokiSourceKubernetes } from './loki-source-kubernetes.js';
import { lokiWrite } from './loki-write.js';
import { pipelinetestSink, pipelinetestSource } from './pipelinetest.js';
import { prometheusRelabel } from './prometheus-relabel.js';
import { EXPORTER_SINKS, otelExporterSink } from './otel/exporter-sinks.js';
import { attributesProcessor } from './otel/processor-attributes.js';
import { otelExporterLoki, otelReceiverLoki } from './otel/bridges-loki.js';
import { otelAuth } from './otel/auth.js';
import { spanlogs } from './otel/connector-spanlogs.js';
import { hostInfo } from './otel/connector-host-info.js';
import { servicegraph } from './otel/connector-servicegraph.js';
import { spanmetrics } from './otel/connector-spanmetrics.js';
import { filterProcessor } from './otel/processor-filter.js';
import { spanProcessor } from './otel/processor-span.js';
import { groupByAttrs } from './otel/processor-groupbyattrs.js';
import { intervalProcessor } from './otel/processor-interval.js';
import { remoteKubernetes } from './remote-kubernetes.js';
import { prometheusEnrich } from './prometheus-enrich.js';
import { deltaToCumulative } from './otel/processor-deltatocumulative.js';
import { countConnector } from './otel/connector-count.js';
import { probabilisticSampler } from './otel/processor-probabilistic.js';
import { tailSampling } from './otel/processor-tail-sampling.js';
import { transformProcessor } from './otel/processor-transform.js';
import { otelExporterPrometheus, otelReceiverPrometheus } from './otel/bridges-prometheus.js';
import { prometheusExporter } from './prometheus-exporter.js';
import { prometheusRemoteWrite } from './prometheus-remote-write.js';
import { prometheusScrape } from './prometheus-scrape.js';
import { k8sattributes } from './otel/processor-k8sattributes.js';
import { batchProcessor, memoryLimiter, resourceDetection } from './otel/processor-passthrough.js';
import { otelReceiver } from './otel/receiver-otlp.js';

const EXPLICIT = new Map<string, SimFactory>([
  ['discovery.kubernetes', discoveryKubernetes],
  ['discovery.relabel', discoveryRelabel],
  ['local.file', localFile],
  ['local.file_match', localFileMatch],
  ['loki.source.kubernetes', lokiSourceKubernetes],
  ['loki.source.file', lokiSourceFile],
  ['loki.source.docker', lokiSourceDocker],
  ['loki.relabel', lokiRelabel],
  ['loki.process', lokiProcess],
  ['loki.echo', lokiEcho],
  ['loki.enrich', lokiEnrich],
  ['loki.secretfilter', lokiSecretfilter],
  ['loki.write', lokiWrite],
  ['prometheus.relabel', prometheusRelabel],
  ['otelcol.receiver.otlp', otelReceiver],
  ['otelcol.processor.batch', batchProcessor],
  ['otelcol.processor.memory_limiter', memoryLimiter],
  ['otelcol.processor.resourcedetection', resourceDetection],
  ['otelcol.processor.k8sattributes', k8sattributes],
  ['otelcol.processor.attributes', attributesProcessor],
  ['otelcol.processor.transform', transformProcessor],
  ['otelcol.processor.filter', filterProcessor],
  ['otelcol.processor.span', spanProcessor],
  ['otelcol.processor.groupbyattrs', groupByAttrs],
  ['otelcol.processor.interval', intervalProcessor],
  ['otelcol.processor.deltatocumulative', deltaToCumulative],
  ['otelcol.processor.tail_sampling', tailSampling],
  ['otelcol.processor.probabilistic_sampler', probabilisticSampler],
  ['otelcol.connector.spanmetrics', spanmetrics],
  ['otelcol.connector.servicegraph', servicegraph],
  ['otelcol.connector.host_info', hostInfo],
  ['otelcol.connector.spanlogs', spanlogs],
  ['otelcol.connector.count', countConnector],
  ['otelcol.auth.basic', otelAuth],
  ['otelcol.auth.bearer', otelAuth],
  ['otelcol.auth.headers', otelAuth],
  ['otelcol.auth.oauth2', otelAuth],
  ['otelcol.auth.sigv4', otelAuth],
  ['otelcol.auth.google', otelAuth],
  ['otelcol.exporter.loki', otelExporterLoki],
  ['otelcol.receiver.loki', otelReceiverLoki],
  ['otelcol.exporter.prometheus', otelExporterPrometheus],
  ['otelcol.receiver.prometheus', otelReceiverPrometheus],
  ['prometheus.scrape', prometheusScrape],
  ['prometheus.remote_write', prometheusRemoteWrite],
  ...EXPORTER_SINKS.map((n): [string, SimFactory] => [n, otelExporterSink]),
  ['pipelinetest.sink', pipelinetestSink],
  ['pipelinetest.source', pipelinetestSource],
  ['prometheus.enrich', prometheusEnrich],
  ['remote.kubernetes.secret', remoteKubernetes('secret')],
  ['remote.kubernetes.configmap', remoteKubernetes('configmap')],
]);

/** Discovery components whose targets the samples give directly. */
const SAMPLE_DISCOVERY = /^discovery\.(?!process$)[a-z0-9_]+$/;
/** Loki entry points whose entries the samples give directly (they take no targets). */
const SAMPLE_SOURCES = new Set([
  'loki.source.api',
  'loki.source.awsfirehose',
  'loki.source.azure_event_hubs',
  'loki.source.cloudflare',
  'loki.source.gcplog',
  'loki.source.gelf',
  'loki.source.heroku',
  'loki.source.journal',
  'loki.source.kafka',
  'loki.source.kubernetes_events',
  'loki.source.podlogs',
  'loki.source.syslog',
  'loki.source.windowsevent',
  'loki.source.docker_events',
  'loki.source.file_events',
]);

/** OTel receivers whose requests the samples give (as OTLP/JSON); the Prometheus and Loki bridges are not among them. */
const SAMPLE_RECEIVER = /^otelcol\.receiver\.(?!prometheus$|loki$)[a-z0-9_]+$/;

export function simulatorFor(name: string): SimFactory | undefined {
  const f = EXPLICIT.get(name);
  if (f) return f;
  if (SAMPLE_RECEIVER.test(name)) return otelReceiver;
  if (name.startsWith('prometheus.exporter.')) return prometheusExporter;
  if (SAMPLE_SOURCES.has(name)) return lokiSourceGeneric;
  if (SAMPLE_DISCOVERY.test(name)) return discoveryFromSamples;
  return undefined;
}

export const SIMULATED = [...EXPLICIT.keys(), ...SAMPLE_SOURCES, 'discovery.* (targets from the samples)', 'otelcol.receiver.* (requests from the samples)'];

/** Why some components have no simulator, by name (shown with their `not simulated` status). */
const OFFLINE: [RegExp, string][] = [
  [/^prometheus\.operator\./, 'cannot run offline: it needs a Kubernetes cluster, as it watches the Prometheus Operator resources (ServiceMonitor, PodMonitor, Probe, ScrapeConfig) through the API server and scrapes what they select'],
  [/^mimir\.(rules|alerts)\.kubernetes$/, 'cannot run offline: it needs a Kubernetes cluster and a Mimir ruler, as it syncs PrometheusRule resources to Mimir'],
  [/^remote\.(http|s3|vault)$/, 'cannot run offline: it fetches its content over the network'],
  [/^(beyla\.ebpf|pyroscope\.ebpf|pyroscope\.java|discovery\.process)$/, "cannot run offline: it instruments or lists the running host's processes"],
  [/^pyroscope\./, 'not simulated: profiles are not part of the samples'],
];

/** Why `name` has no simulator, for those the table above names. */
export function notSimulatedReason(name: string): string | undefined {
  return OFFLINE.find(([re]) => re.test(name))?.[1];
}

/** Whether the runtime has a simulator for a component (by block name); transform and filter need an OTTL engine too. */
export function isSimulated(name: string): boolean {
  return simulatorFor(name) !== undefined;
}
