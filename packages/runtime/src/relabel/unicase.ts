// Go's strings.ToLower / strings.ToUpper: each code point mapped on its own
// with the simple Unicode case mapping (no special or context-dependent casing).

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function simpleLower(cp: number, ch: string): string {
  const r = ch.toLowerCase();
  if (r.length === ch.length || [...r].length === 1) return r;
  return cp === 0x130 ? 'i' : ch; // İ: full mapping is "i̇", the simple one is "i"
}

function simpleUpper(cp: number, ch: string): string {
  const r = ch.toUpperCase();
  if ([...r].length === 1) return r;
  // Greek letters with ypogegrammeni have a one-letter simple uppercase
  // (the prosgegrammeni form); every other multi-letter mapping has none.
  if ((cp >= 0x1f80 && cp <= 0x1f87) || (cp >= 0x1f90 && cp <= 0x1f97) || (cp >= 0x1fa0 && cp <= 0x1fa7)) {
    return String.fromCodePoint(cp + 8);
  }
  if (cp === 0x1fb3) return '\u1fbc';
  if (cp === 0x1fc3) return '\u1fcc';
  if (cp === 0x1ff3) return '\u1ffc';
  return ch;
}

function mapEach(s: string, f: (cp: number, ch: string) => string): string {
  let out = '';
  for (const ch of s) out += f(ch.codePointAt(0)!, ch);
  return out;
}

export function goToLower(s: string): string {
  return ASCII_ONLY.test(s) ? s.toLowerCase() : mapEach(s, simpleLower);
}

export function goToUpper(s: string): string {
  return ASCII_ONLY.test(s) ? s.toUpperCase() : mapEach(s, simpleUpper);
}
