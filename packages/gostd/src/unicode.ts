// unicode and strconv.IsPrint: character classes and Go's simple (one rune to one rune)
// case mappings. The tables are the JS engine's Unicode data; where JS's full mapping
// gives several characters, or title case differs from upper case, the exceptions below
// give Go's answer.

/** unicode.IsSpace: Go's white space set. U+FEFF (BOM) and U+200B are not space. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}

const PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;

const test = (re: RegExp, r: number) => r >= 0 && r <= 0x10ffff && re.test(String.fromCodePoint(r));

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r < 0x7f) return r >= 0x20;
  if (r < 0xa1) return false;
  return test(PRINT, r);
}

/** unicode.IsLetter */
export function isLetter(r: number): boolean {
  if (r < 0x80) return (r | 0x20) >= 0x61 && (r | 0x20) <= 0x7a;
  return test(LETTER, r);
}

/** unicode.IsDigit (decimal digits, Nd) */
export function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  return test(DIGIT, r);
}

/** unicode.IsUpper */
export function isUpper(r: number): boolean {
  return r < 0x80 ? r >= 0x41 && r <= 0x5a : test(UPPER, r);
}

/** unicode.IsLower */
export function isLower(r: number): boolean {
  return r < 0x80 ? r >= 0x61 && r <= 0x7a : test(LOWER, r);
}

/** unicode.ToUpper: the simple uppercase mapping. */
export function toUpperRune(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  const ch = String.fromCodePoint(r);
  const up = ch.toUpperCase();
  const cp = up.codePointAt(0)!;
  if (up.length === (cp > 0xffff ? 2 : 1)) return cp;
  // Several characters: only the Greek letters with ypogegrammeni have a one-rune
  // simple mapping (the prosgegrammeni form); the others map to themselves.
  if ((r >= 0x1f80 && r <= 0x1f87) || (r >= 0x1f90 && r <= 0x1f97) || (r >= 0x1fa0 && r <= 0x1fa7)) return r + 8;
  if (r === 0x1fb3 || r === 0x1fc3 || r === 0x1ff3) return r + 9;
  return r;
}

/** unicode.ToLower: the simple lowercase mapping. */
export function toLowerRune(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  const lo = String.fromCodePoint(r).toLowerCase();
  const cp = lo.codePointAt(0)!;
  if (lo.length === (cp > 0xffff ? 2 : 1)) return cp;
  return r === 0x130 ? 0x69 : r; // İ: the full mapping is "i̇", the simple one "i"
}

/** unicode.ToTitle: upper case, except the digraphs (ǅ ǈ ǋ ǲ) and Georgian, which keeps its letters. */
export function toTitleRune(r: number): number {
  if (r >= 0x1c4 && r <= 0x1cc) return 0x1c5 + 3 * Math.floor((r - 0x1c4) / 3);
  if (r >= 0x1f1 && r <= 0x1f3) return 0x1f2;
  if ((r >= 0x10d0 && r <= 0x10fa) || (r >= 0x10fd && r <= 0x10ff)) return r;
  return toUpperRune(r);
}
