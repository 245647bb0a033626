// @alloy-lint/ottl: the OpenTelemetry Transformation Language of OpenTelemetry Collector
// contrib v0.153.0 (the version Alloy v1.18.1 embeds): parser, checker, evaluator.
export type * from './ast.js';
export { parseStatement, parseCondition, parseValueExpression, MAX_NESTING, type ParseResult, type SyntaxProblem } from './parse.js';
export { walkValue, walkBool, walkStatement, type Visitor } from './walk.js';
export { fromAlloyString, plainText, type MappedText } from './offsets.js';
export { check, checkStatements, checkConditions, type CheckOptions, type CheckResult, type Kind, type OttlProblem, type OttlRule, type Target } from './check.js';
export { CONTEXTS, CONTEXT_PATHS, ACCESSIBLE, SIGNAL_CONTEXTS, ENUMS, type ContextName, type Signal, type PathNode } from './catalog/contexts.js';
export { FUNCTIONS, available, arity, type FunctionSpec, type Param, type Host } from './catalog/functions.js';
export { evaluateStatement, evaluateCondition, evaluateValue, OttlRuntimeError, OttlUnsupported, type EvalOptions, type Outcome } from './eval/evaluate.js';
export { GoTime, type OValue, type OMap, type Telemetry, type Resource, type Scope, type Span, type SpanEvent, type LogRecord, type Metric, type MetricType, type DataPoint } from './eval/model.js';
export { IMPLS as IMPLEMENTED_FUNCTIONS } from './eval/functions.js';
