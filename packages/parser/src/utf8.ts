/** UTF-8 decoding with Go's `utf8.DecodeRune` rules: invalid input gives U+FFFD of width 1. */
export const RUNE_ERROR = 0xfffd;

/** Decodes the rune at `i`; returns `rune * 8 + width` packed to avoid allocation. */
export function decodeRune(b: Uint8Array, i: number): number {
  const n = b.length - i;
  const c0 = b[i];
  if (c0 < 0x80) return c0 * 8 + 1;
  if (c0 < 0xc2 || c0 > 0xf4) return RUNE_ERROR * 8 + 1;
  if (c0 < 0xe0) {
    if (n < 2) return RUNE_ERROR * 8 + 1;
    const c1 = b[i + 1];
    if ((c1 & 0xc0) !== 0x80) return RUNE_ERROR * 8 + 1;
    return (((c0 & 0x1f) << 6) | (c1 & 0x3f)) * 8 + 2;
  }
  if (n < 2) return RUNE_ERROR * 8 + 1;
  const c1 = b[i + 1];
  let lo = 0x80;
  let hi = 0xbf;
  if (c0 === 0xe0) lo = 0xa0;
  else if (c0 === 0xed) hi = 0x9f;
  else if (c0 === 0xf0) lo = 0x90;
  else if (c0 === 0xf4) hi = 0x8f;
  if (c1 < lo || c1 > hi) return RUNE_ERROR * 8 + 1;
  if (c0 < 0xf0) {
    if (n < 3) return RUNE_ERROR * 8 + 1;
    const c2 = b[i + 2];
    if ((c2 & 0xc0) !== 0x80) return RUNE_ERROR * 8 + 1;
    return (((c0 & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f)) * 8 + 3;
  }
  if (n < 4) return RUNE_ERROR * 8 + 1;
  const c2 = b[i + 2];
  const c3 = b[i + 3];
  if ((c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return RUNE_ERROR * 8 + 1;
  return (((c0 & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)) * 8 + 4;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input;
}

export function decodeBytes(b: Uint8Array, start = 0, end = b.length): string {
  return decoder.decode(b.subarray(start, end));
}

/** Renders a rune as Go's `%#U` does: `U+0023 '#'`, or just `U+0007` when not printable. */
export function formatRune(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  const s = String.fromCodePoint(r);
  return isPrint(r) ? `U+${hex} '${s}'` : `U+${hex}`;
}

const PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f) return false;
  if (r < 0x7f) return true;
  if (r === RUNE_ERROR) return true;
  return PRINT.test(String.fromCodePoint(r));
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

export function isUnicodeLetter(r: number): boolean {
  return LETTER.test(String.fromCodePoint(r));
}

export function isUnicodeDigit(r: number): boolean {
  return DIGIT.test(String.fromCodePoint(r));
}
