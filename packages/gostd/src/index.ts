// @alloy-lint/gostd: the Go standard-library behaviours alloy-lint reproduces, in one place.
// Every other package imports them from here; nothing here imports another package of ours.
// Go's regexp (re2js) is the entry `@alloy-lint/gostd/regexp`.

export { GoError, ERR_SYNTAX, ERR_RANGE } from './errors.js';
export * from './utf8.js';
export { isSpace, isPrint, isLetter, isDigit, isUpper, isLower, toUpperRune, toLowerRune, toTitleRune } from './unicode.js';
export * from './strings.js';
export { quote, quoteToASCII, quoteRune, canBackquote } from './strconv-quote.js';
export { unquote, unquoteBytes, unquoteMapped, type MappedUnquote } from './strconv-unquote.js';
export { NumError, parseInt64, parseUint64, atoi, underscoreOK } from './strconv-atoi.js';
export { parseFloat64 } from './strconv-atof.js';
export { formatFloat, shortestDigits, exactDigits, roundDigits, type Digits, type FloatFormat } from './strconv-ftoa.js';
export { goKind, goTypeName, goInt, goFloat, goStruct, goValueOf, type GoValue, type GoTyped, type GoKind } from './go-value.js';
export { sprintf, sprint, sprintAll, sprintln, sprintlnAll } from './fmt-print.js';
export { parseDuration, formatDuration, timeQuote } from './time-duration.js';
export { NS, daysFromCivil, civilFromDays, isLeap, daysIn, dateToNs, nsToCivil, addDate, nsFromDate, type Civil } from './time-civil.js';
export { UTC, loadLocation, wallToInstant, type Location } from './time-location.js';
export { Layout } from './time-layout.js';
export { parseTime, parseRFC3339, TimeParseError } from './time-parse.js';
export { formatTime, formatRFC3339Nano } from './time-format.js';
export { decodeLogfmt, type LogfmtPair } from './logfmt.js';
export { marshalLogfmt, logfmtValue, type LogfmtValue } from './logfmt-encode.js';
export { JSON_MAX_DEPTH, jsonDecode, jsonUnquote } from './json-decode.js';
export { jsonMarshal, jsonQuote, jsonFloat } from './json-encode.js';
export { base64Encode, base64Decode } from './base64.js';
export { queryEscape, queryUnescape } from './url.js';
export { cleanPath, pathJoin } from './path.js';
export { goPow, frexp, ldexp, floatToInt64, floatToUint64 } from './math.js';
export { htmlEscapeString } from './template-escape.js';
