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
  ['pipelinetest.sink', pipelinetestSink],
  ['pipelinetest.source', pipelinetestSource],
]);

/** Discovery components whose targets the samples give directly. */
const SAMPLE_DISCOVERY = /^discovery\.(?!process$)[a-z_]+$/;
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

export function simulatorFor(name: string): SimFactory | undefined {
  const f = EXPLICIT.get(name);
  if (f) return f;
  if (SAMPLE_SOURCES.has(name)) return lokiSourceGeneric;
  if (SAMPLE_DISCOVERY.test(name)) return discoveryFromSamples;
  return undefined;
}

export const SIMULATED = [...EXPLICIT.keys(), ...SAMPLE_SOURCES, 'discovery.* (targets from the samples)'];
