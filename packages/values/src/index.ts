// @alloy-lint/values: Alloy's value model, expression evaluation, conversions,
// standard library and static typing (Alloy v1.18.1 semantics).

export * from './value.js';
export { evaluate, evaluateText, formatEvalError, type EvalOptions, type EvalResult, type Scope, type TextEvalResult } from './evaluate.js';
export type { EvalError } from './diagnostic.js';
export { decode, decodeAny, convertValue, parseGoType, goTypeString, alloyTypeOf, zeroValue, bytesToString, T, type GoType } from './convert.js';
export { binaryOp, unaryOp, valuesEqual, allowedTypes } from './ops.js';
export { printValue, printKey } from './print-value.js';
export { printExpr } from './print-expr.js';
export { numberToString, toInt64, toUint64, toFloat64 } from './numbers.js';
// Go standard-library functions that other packages import from here (they live in @alloy-lint/gostd).
export { formatFloat, parseDuration, formatDuration } from '@alloy-lint/gostd';
export { unquote, literalValue } from './literal.js';
export { sprintf, jsonDecode, jsonEncode, toGoValue, fromGoValue } from './go-value.js';
export { yamlDecode } from './goyaml.js';
export {
  stdlibLookup,
  isStdlibIdentifier,
  STDLIB_IDENTIFIERS,
  DEPRECATED_IDENTIFIERS,
  EXPERIMENTAL_IDENTIFIERS,
  replacementOf,
  type Constants,
} from './stdlib.js';
export { failureMessage, isFailure, type Failure } from './errors.js';
export { typeOf, isConstant, constantFold, type TypeEnv, type TypeProblem, type ProblemSink, type FoldOptions } from './types.js';
export {
  ANY,
  arrayOf,
  mapOf,
  capsuleOf,
  structOf,
  isStruct,
  joinTypes,
  parseTypeName,
  typeName,
  typeOfValue,
  staticTypeName,
  type StaticType,
} from './static-type.js';
export { conversionProblem, type Mismatch } from './assign.js';
