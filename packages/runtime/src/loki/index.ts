// loki.process simulation with Alloy v1.18.1 semantics: every stage, metrics,
// traces per stage.

export { buildLokiPipeline, toLogEntry, fromLogEntry, type LokiPipeline, type PipelineOptions } from './pipeline.js';
export type { LogEntry, StageTrace } from './types.js';
// Go's time layouts and logfmt, re-exported for callers of this package (they live in @alloy-lint/gostd).
export { formatRFC3339Nano, loadLocation, parseRFC3339, parseTime as goParseTime, decodeLogfmt } from '@alloy-lint/gostd';
export { compileTemplate, TemplateError, type GoTemplate } from './template/index.js';
export { parseSelector, selectorMatches, type Selector } from './logql.js';
export { UNSUPPORTED as UNSUPPORTED_STAGES } from './stages/index.js';
