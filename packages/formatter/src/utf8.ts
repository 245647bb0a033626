/** Measuring JS strings the way Go measures UTF-8 byte strings. */

/** Number of UTF-8 bytes needed to encode `s` (which holds well-formed UTF-16). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdfff) n += 1; // each half of a pair: 4 bytes for 2 units
    else n += 2;
  }
  return n;
}

