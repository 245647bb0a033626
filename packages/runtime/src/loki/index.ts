// loki.process simulation with Alloy v1.18.1 semantics: every stage, metrics,
// traces per stage.

export { buildLokiPipeline, toLogEntry, fromLogEntry, type LokiPipeline, type PipelineOptions } from './pipeline.js';
export type { LogEntry, StageTrace } from './types.js';
export { formatRFC3339Nano, loadLocation } from './gotime.js';
export { parseRFC3339, goParseTime } from './goparse.js';
export { compileTemplate, TemplateError, type GoTemplate } from './template/index.js';
export { parseSelector, selectorMatches, type Selector } from './logql.js';
export { decodeLogfmt } from './logfmt.js';
export { UNSUPPORTED as UNSUPPORTED_STAGES } from './stages/index.js';
