// The relabel and loki.process engines, in one place for the simulators.
export { compileRules, relabel, relabelTrace, rulesFromBlocks } from './relabel/index.js';
export type { CompiledRule, RelabelRule } from './relabel/index.js';
export { buildLokiPipeline } from './loki/index.js';
export type { LogEntry, LokiPipeline } from './loki/index.js';
