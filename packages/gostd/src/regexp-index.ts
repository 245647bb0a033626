// @alloy-lint/gostd/regexp: Go's regexp on re2js, an entry of its own so that packages that
// need no regular expression (the parser, the formatter) do not load re2js.

export { GoRegexp, quoteMeta } from './regexp.js';
export { expandTemplate } from './regexp-syntax.js';
