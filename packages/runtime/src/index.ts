// @alloy-lint/runtime: runs an Alloy configuration on sample inputs — discovery,
// relabeling and Loki pipelines, stage by stage — without Alloy.

export { run, runConfig, type RunOptions } from './run.js';
export { memoryHost, HostRefusal, type Host } from './host.js';
export { compileGlob, globBase, globMatch, type Glob } from './glob.js';
export { readSamples, type Samples, type SamplesResult, type SampleEntry, type Labels } from './samples.js';
export type { ComponentReport, EndpointInfo, RunResult, RuleStep, SinkEntry, SinkReport, TargetTrace, TargetsReport } from './report.js';
export type { EntryView, Journey, TraceStep } from './flow.js';
export type { ItemJourney, ItemStep, ItemView } from './otel/journey.js';
export { SIMULATED, isSimulated, notSimulatedReason } from './components/index.js';
export { withTestComponents } from './test-components.js';
export { parseInstant, formatInstant, normalizeTimestamp } from './time.js';
export * from './pipeline-test.js';
export * from './relabel/index.js';
export * from './loki/index.js';
export { runText } from './text/run.js';
export { entryDiff, mapDiff, traceText } from './text/trace.js';
export { labelText, lineText } from './text/entry.js';
export { PLAIN, type Paint, type Style } from './text/style.js';
export { setOttlEngine, type OttlEngine, type OttlContext, type OttlTarget, type OttlFailure, type CompiledConditions, type CompiledStatements } from './otel/ottl-engine.js';
export * from './correlate/index.js';
