// Declarative pipeline tests: upstream `pipelinetest` test.yaml files as they are, plus
// samples and per-sink expectations. Parsing YAML and reading files is the caller's job.

import type { ComponentCatalog, Stability } from '@alloy-lint/analyzer';
import { checkAssertion, readMapMatch, type Assertion, type AssertionResult, type EntryMatch, type MapMatch } from './assertions.js';
import type { Host } from './host.js';
import type { RunResult, SinkEntry } from './report.js';
import { runConfig } from './run.js';
import { entry, readSamples, stringMap, type SampleEntry, type Samples } from './samples.js';
import { checkCorrelate, checkTelemetry, readTelemetryAssertions, type CorrelateAssertion, type TelemetryAssertion } from './telemetry-assertions.js';
import { checkPipelineTestShape } from './samples-check.js';

export type { Assertion, AssertionResult, EntryMatch, MapMatch } from './assertions.js';
export { checkAssertion, renderEntry } from './assertions.js';

export interface PipelineTest {
  name: string;
  config: string;
  configName: string;
  samples: Samples;
  inputs: { components: string[]; entries: SampleEntry[] }[];
  assertions: Assertion[];
  /** assert.traces / metrics / samples. */
  telemetry?: TelemetryAssertion[];
  correlate?: CorrelateAssertion;
  minStability: Stability;
}

export interface TestReader {
  /** Reads a file named in the test (config path, samples path). */
  readFile(path: string): string | undefined;
  /** Parses YAML or JSON text (for a samples file). */
  parse(text: string, path: string): unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const mapMatch = (v: unknown, where: string, errors: string[]) => readMapMatch(v, where, errors);

function readMatch(v: unknown, where: string, errors: string[]): EntryMatch {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) {
    errors.push(`${where}: expected a mapping`);
    return {};
  }
  const m: EntryMatch = {};
  for (const k of ['line', 'line_contains', 'line_regex', 'timestamp'] as const) if (v[k] !== undefined) m[k] = String(v[k] instanceof Date ? (v[k] as Date).toISOString() : v[k]);
  m.labels = mapMatch(v.labels, `${where}.labels`, errors);
  m.structured_metadata = mapMatch(v.structured_metadata, `${where}.structured_metadata`, errors);
  return m;
}

/** Reads a parsed test file; `name` names the test and resolves its relative paths through `reader`. */
export function readPipelineTest(data: unknown, name: string, reader: TestReader): { test: PipelineTest } | { errors: string[] } {
  const errors: string[] = [];
  if (!isObj(data)) return { errors: ['expected a mapping at the top level'] };
  // Unknown keys (`asserts:`) and wrong shapes first: a typo must not silently drop a check.
  const shape = checkPipelineTestShape(data);
  if (shape.length) return { errors: shape };
  let config = '';
  let configName = `${name}.alloy`;
  const cfg = data.config ?? (data.config_file !== undefined ? { path: data.config_file } : undefined);
  if (typeof cfg === 'string') config = cfg;
  else if (isObj(cfg) && typeof cfg.path === 'string') {
    const text = reader.readFile(cfg.path);
    if (text === undefined) errors.push(`read config path ${JSON.stringify(cfg.path)}: no such file`);
    config = text ?? '';
    configName = cfg.path;
  } else errors.push('config: expected the configuration text or a mapping with path');
  let samples: Samples = {};
  if (data.samples !== undefined) {
    let raw: unknown = data.samples;
    if (typeof raw === 'string') {
      const text = reader.readFile(raw);
      if (text === undefined) errors.push(`read samples ${JSON.stringify(raw)}: no such file`);
      raw = text === undefined ? {} : reader.parse(text, raw);
    }
    const s = readSamples(raw);
    if ('errors' in s) for (const e of s.errors) errors.push(e);
    else samples = s.samples;
  }
  const inputs: PipelineTest['inputs'] = [];
  const loki = isObj(data.inputs) ? data.inputs.loki : undefined;
  if (loki !== undefined && !Array.isArray(loki)) errors.push('inputs.loki: expected a list');
  (Array.isArray(loki) ? loki : []).forEach((inp, i) => {
    if (!isObj(inp)) return errors.push(`inputs.loki[${i}]: expected a mapping`);
    const components = Array.isArray(inp.components) ? inp.components.map(String) : [];
    const entries = Array.isArray(inp.entries) ? inp.entries.map((e, j) => entry(e, `inputs.loki[${i}].entries[${j}]`, errors)) : [];
    if (entries.length && !components.length) errors.push(`loki input ${i} requires at least one receiver target`);
    inputs.push({ components, entries });
  });
  const assertions: Assertion[] = [];
  const asserts = isObj(data.assert) ? data.assert.loki : undefined;
  (Array.isArray(asserts) ? asserts : []).forEach((a, i) => {
    const where = `assert.loki[${i}]`;
    if (!isObj(a)) return errors.push(`${where}: expected a mapping`);
    const match = readMatch(a.match, `${where}.match`, errors);
    const sink = a.sink === undefined ? undefined : String(a.sink);
    if (a.type === 'count') {
      if (typeof a.count !== 'number') errors.push(`${where}: count requires count`);
      assertions.push({ type: 'count', count: Number(a.count), match, ...(sink ? { sink } : {}) });
    } else if (a.type === 'contains') {
      if (!Object.values(match).some((m) => m !== undefined && (typeof m === 'string' ? m !== '' : Object.keys(m.values).length > 0)))
        errors.push(`${where}: contains requires at least one match field`);
      assertions.push({ type: 'contains', match, ...(sink ? { sink } : {}) });
    } else errors.push(`${where}: unknown assertion type ${JSON.stringify(a.type)}`);
  });
  const extra = isObj(data.assert) ? readTelemetryAssertions(data.assert, reader, errors) : { telemetry: [] };
  const stability = (data.stability ?? 'experimental') as Stability;
  if (!['experimental', 'public-preview', 'generally-available'].includes(stability)) errors.push(`stability: unknown level ${JSON.stringify(stability)}`);
  if (errors.length) return { errors };
  return { test: { name, config, configName, samples, inputs, assertions, telemetry: extra.telemetry, ...(extra.correlate ? { correlate: extra.correlate } : {}), minStability: stability } };
}

export const sourceId = (i: number) => `pipelinetest.source.__pipelinetest_loki_input_${i}`;

/** The harness blocks the upstream runner prepends: a sink and one source per input. */
export function prelude(test: PipelineTest): string {
  const sources = test.inputs
    .map((inp, i) =>
      inp.components.length
        ? `pipelinetest.source "__pipelinetest_loki_input_${i}" {\n\tforward_to {\n\t\tlogs = [${inp.components.join(', ')}]\n\t}\n}\n`
        : '',
    )
    .join('');
  return `pipelinetest.sink "out" {}\n\n${sources}`;
}

export function rewriteRefs(config: string): string {
  return config.replaceAll('pipelinetest.loki.url', 'pipelinetest.sink.out.loki_push_url').replaceAll('pipelinetest.loki.receiver', 'pipelinetest.sink.out.loki_receiver');
}

export interface TestOutcome {
  name: string;
  passed: boolean;
  /** Set when the configuration did not load or run. */
  error?: string;
  assertions: AssertionResult[];
  result: RunResult;
  /** The entries checked by assertions without a `sink`. */
  received: SinkEntry[];
}

export function runPipelineTest(test: PipelineTest, opts: { catalog: ComponentCatalog; host: Host; trace?: boolean }): TestOutcome {
  const logs = { ...(test.samples.logs ?? {}) };
  test.inputs.forEach((inp, i) => {
    if (inp.components.length && inp.entries.length) logs[sourceId(i)] = inp.entries;
  });
  const files = [
    { name: 'pipelinetest-prelude.alloy', text: prelude(test) },
    { name: test.configName, text: rewriteRefs(test.config) },
  ];
  const result = runConfig(files, { catalog: opts.catalog, host: opts.host, samples: { ...test.samples, logs }, trace: opts.trace, minStability: test.minStability });
  const received = result.sinks.filter((s) => s.kind === 'pipelinetest.sink' || (s.kind === 'loki.write' && !s.forwardsTo)).flatMap((s) => s.entries);
  if (!result.ok) {
    return { name: test.name, passed: false, error: 'the configuration does not load', assertions: [], result, received };
  }
  const failedComponents = result.components.filter((c) => c.status === 'failed');
  const assertions = test.assertions.map((a) => {
    if (!a.sink) return checkAssertion(a, received);
    const sink = result.sinks.find((s) => s.component === a.sink);
    if (!sink) return { assertion: a, passed: false, description: `${a.type} at ${a.sink}`, message: `no sink ${a.sink} (sinks: ${result.sinks.map((s) => s.component).join(', ') || 'none'})` };
    return checkAssertion(a, sink.entries);
  });
  for (const t of test.telemetry ?? []) {
    const c = checkTelemetry(t, result);
    assertions.push({ assertion: { type: t.type, match: {} }, ...c });
  }
  if (test.correlate) assertions.push({ assertion: { type: 'contains', match: {} }, ...checkCorrelate(test.correlate, result) });
  // A test that asserts nothing cannot fail: it fails.
  const failures = failedComponents.map((c) => `${c.id}: ${c.message}`);
  if (assertions.length === 0) failures.push('the test has no assertion (add assert.loki, traces, metrics, samples or correlate)');
  const error = failures.length ? failures.join('; ') : undefined;
  return { name: test.name, passed: !error && assertions.every((a) => a.passed), ...(error ? { error } : {}), assertions, result, received };
}
