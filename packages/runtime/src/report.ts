// What a run returns: per component status, discovered targets, what reached each sink,
// and, with tracing, every entry's way through the pipeline.

import type { FileDiagnostic } from '@alloy-lint/analyzer';
import type { SourceFile } from '@alloy-lint/parser';
import type { EntryView, Journey } from './flow.js';
import type { ItemJourney, ItemView } from './otel/journey.js';
import type { Labels } from './samples.js';

export interface ComponentReport {
  id: string;
  /** Block name, `loki.process`, or the custom component's name. */
  name: string;
  /** `not simulated`: the runtime has no simulator; `failed`: its arguments did not evaluate; `skipped`: a dependency failed. */
  status: 'simulated' | 'not simulated' | 'failed' | 'skipped';
  message?: string;
}

/** One relabel rule applied to a target or an entry's labels. */
export interface RuleStep {
  rule: number;
  action: string;
  before: Labels;
  after: Labels | null;
}

export interface TargetTrace {
  input: Labels;
  steps: RuleStep[];
  output: Labels | null;
}

export interface TargetsReport {
  component: string;
  targets: Labels[];
  /** discovery.relabel with tracing: each input target, rule by rule. */
  traces?: TargetTrace[];
}

export interface EndpointInfo {
  name?: string;
  /** The URL with any password replaced by `<secret>`. */
  url: string;
  tenant?: string;
  auth?: string;
  headers?: Record<string, string>;
}

export interface SinkEntry extends EntryView {
  /** Tenant the entry is pushed as (`__tenant_id__` label or the endpoint's tenant_id). */
  tenant?: string;
}

export interface SinkReport {
  component: string;
  /** The sink's block name: loki.write, otelcol.exporter.otlp, prometheus.remote_write, ... */
  kind: string;
  endpoints?: EndpointInfo[];
  /** Loki entries (loki.write, loki.echo, pipelinetest.sink). */
  entries: SinkEntry[];
  /** otelcol exporters: what they send, per signal. */
  spans?: ItemView[];
  logRecords?: ItemView[];
  metrics?: ItemView[];
  /** prometheus.remote_write: the samples it sends. */
  samples?: ItemView[];
  /** loki.write whose endpoint is a pipelinetest sink: the entries are also counted there. */
  forwardsTo?: string;
}

export interface RunResult {
  /** False when the configuration did not load (syntax or validation errors). */
  ok: boolean;
  diagnostics: FileDiagnostic[];
  sources: Map<string, SourceFile>;
  components: ComponentReport[];
  targets: TargetsReport[];
  sinks: SinkReport[];
  journeys: Journey[];
  /** With tracing: each span, log record, metric and Prometheus sample's way. */
  itemJourneys: ItemJourney[];
  metrics: { component: string; text: string }[];
  /** Problems met while simulating (unreadable files, unmatched samples, ...). */
  warnings: string[];
}
