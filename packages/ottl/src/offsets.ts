// OTTL text usually sits inside an Alloy string literal: "…" with Go escapes, or `…` raw (carriage
// returns dropped). `fromAlloyString` decodes the literal and remembers, for every UTF-16 unit of
// the decoded text, the byte offset in the Alloy file where it was written, so a problem at OTTL
// offsets [s, e) can be reported at Alloy bytes [map(s), map(e)).

import { runeLen, unquoteMapped, type MappedUnquote } from '@alloy-lint/gostd';

export interface MappedText {
  /** The OTTL text (the literal's value). */
  text: string;
  /** Byte offset in the Alloy file of the OTTL text's offset `i`, for 0 ≤ i ≤ text.length. */
  toSource(i: number): number;
}

/**
 * Decodes an Alloy string literal written at byte offset `start` (`raw` includes the quotes).
 * Returns undefined when the literal is not a valid string (the Alloy parser reports that).
 */
export function fromAlloyString(raw: string, start: number): MappedText | undefined {
  let m: MappedUnquote;
  try {
    m = unquoteMapped(raw);
  } catch {
    return undefined;
  }
  const { text, at } = m;
  return { text, toSource: (i) => start + at[Math.max(0, Math.min(i, at.length - 1))] };
}

/** Identity mapping for OTTL text that did not come from an Alloy literal (offsets in UTF-8 bytes). */
export function plainText(text: string, start = 0): MappedText {
  const at: number[] = [];
  let byte = start;
  for (let i = 0; i < text.length; i++) {
    at.push(byte);
    const c = text.charCodeAt(i);
    const n = runeLen(text.codePointAt(i)!); // a pair counts at its first half; a lone surrogate is U+FFFD
    byte += c >= 0xdc00 && c < 0xe000 ? 0 : n < 0 ? 3 : n;
  }
  at.push(byte);
  return { text, toSource: (i) => at[Math.max(0, Math.min(i, at.length - 1))] };
}
