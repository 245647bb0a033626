import { isDigit, isLetter, isValidIdentifier } from './scanner.js';

/** Rewrites `s` into a valid identifier: other characters become `_`, a leading digit gets `_` before it. */
export function sanitizeIdentifier(s: string): string {
  if (s === '') throw new Error('cannot generate a new identifier for an empty string');
  if (isValidIdentifier(s)) return s;
  let out = '';
  let first = true;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (first && isDigit(c)) out = '_';
    first = false;
    out += isLetter(c) || isDigit(c) ? ch : '_';
  }
  return out;
}
