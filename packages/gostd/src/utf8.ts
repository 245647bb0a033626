// unicode/utf8: Go strings are UTF-8 bytes, JS strings are UTF-16. These helpers
// measure and convert between the two with Go's rules.

/** utf8.RuneError, U+FFFD. */
export const RUNE_ERROR = 0xfffd;
/** utf8.MaxRune. */
export const MAX_RUNE = 0x10ffff;

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF: in Go strings it is ordinary data.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The UTF-8 bytes of `s` (a lone surrogate becomes U+FFFD, as Go's string conversion does). */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Bytes → string, each invalid sequence giving U+FFFD; `start`/`end` select a range. */
export function utf8Decode(b: Uint8Array, start = 0, end = b.length): string {
  return decoder.decode(start === 0 && end === b.length ? b : b.subarray(start, end));
}

/** `s` when it is already bytes, else its UTF-8 encoding. */
export function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input;
}

/**
 * utf8.DecodeRune at byte `i`: returns `rune * 8 + width` packed into one number (no
 * allocation); invalid or short input gives RUNE_ERROR with width 1. Use `runeOf`/`widthOf`.
 */
export function decodeRune(b: Uint8Array, i: number): number {
  const n = b.length - i;
  const c0 = b[i];
  if (c0 < 0x80) return c0 * 8 + 1;
  if (c0 < 0xc2 || c0 > 0xf4 || n < 2) return RUNE_ERROR * 8 + 1;
  const c1 = b[i + 1];
  if (c0 < 0xe0) {
    if ((c1 & 0xc0) !== 0x80) return RUNE_ERROR * 8 + 1;
    return (((c0 & 0x1f) << 6) | (c1 & 0x3f)) * 8 + 2;
  }
  const lo = c0 === 0xe0 ? 0xa0 : c0 === 0xf0 ? 0x90 : 0x80;
  const hi = c0 === 0xed ? 0x9f : c0 === 0xf4 ? 0x8f : 0xbf;
  if (c1 < lo || c1 > hi || n < 3) return RUNE_ERROR * 8 + 1;
  const c2 = b[i + 2];
  if ((c2 & 0xc0) !== 0x80) return RUNE_ERROR * 8 + 1;
  if (c0 < 0xf0) return (((c0 & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f)) * 8 + 3;
  if (n < 4) return RUNE_ERROR * 8 + 1;
  const c3 = b[i + 3];
  if ((c3 & 0xc0) !== 0x80) return RUNE_ERROR * 8 + 1;
  return (((c0 & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)) * 8 + 4;
}

/** The rune of a packed `decodeRune` result. */
export const runeOf = (packed: number): number => Math.floor(packed / 8);
/** The byte width of a packed `decodeRune` result. */
export const widthOf = (packed: number): number => packed % 8;

/** utf8.ValidRune: in range and not a surrogate. */
export function validRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= MAX_RUNE);
}

/** utf8.RuneLen: bytes needed to encode `r`, or -1 when it is not a valid rune. */
export function runeLen(r: number): number {
  if (r < 0) return -1;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xd800 && r <= 0xdfff) return -1;
  if (r < 0x10000) return 3;
  return r <= MAX_RUNE ? 4 : -1;
}

/** len(s) in Go: the number of UTF-8 bytes of `s` (a lone surrogate counts as U+FFFD, 3 bytes). */
export function byteLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) {
      n += 2; // 4 bytes for the 2 units of a pair
      i++;
    } else n += 2;
  }
  return n;
}

/** utf8.RuneCountInString: the number of code points (a lone surrogate counts as one). */
export function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/** utf8.ValidString for a JS string: false when it holds a lone surrogate (bytes that were not UTF-8). */
export function validString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || !isLowSurrogate(s.charCodeAt(i + 1))) return false;
    i++;
  }
  return true;
}

/** True when every character of `s` is ASCII. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** s[:n] in Go, for the first `n` bytes: a cut inside a character leaves U+FFFD. */
export function byteSlice(s: string, n: number): string {
  if (isAscii(s)) return s.slice(0, n);
  return utf8Decode(utf8Bytes(s).subarray(0, Math.max(0, n)));
}

/** The UTF-16 width of the character at `i` (2 for a surrogate pair). */
export function charWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1)) ? 2 : 1;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
