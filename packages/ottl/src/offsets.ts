// OTTL text usually sits inside an Alloy string literal: "…" with Go escapes, or `…` raw (carriage
// returns dropped). `fromAlloyString` decodes the literal and remembers, for every UTF-16 unit of
// the decoded text, the byte offset in the Alloy file where it was written, so a problem at OTTL
// offsets [s, e) can be reported at Alloy bytes [map(s), map(e)).

export interface MappedText {
  /** The OTTL text (the literal's value). */
  text: string;
  /** Byte offset in the Alloy file of the OTTL text's offset `i`, for 0 ≤ i ≤ text.length. */
  toSource(i: number): number;
}

const utf8Len = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/**
 * Decodes an Alloy string literal written at byte offset `start` (`raw` includes the quotes).
 * Returns undefined when the literal is not a valid string (the Alloy parser reports that).
 */
export function fromAlloyString(raw: string, start: number): MappedText | undefined {
  const q = raw[0];
  if (raw.length < 2 || raw[raw.length - 1] !== q || (q !== '"' && q !== '`')) return undefined;
  let text = '';
  const at: number[] = [];
  let byte = start + 1;
  const body = raw.slice(1, -1);
  const emit = (s: string, src: number) => {
    for (let k = 0; k < s.length; k++) at.push(src);
    text += s;
  };
  let bytesRun: number[] = [];
  let runAt = 0;
  const flushBytes = () => {
    if (bytesRun.length) emit(new TextDecoder().decode(new Uint8Array(bytesRun)), runAt);
    bytesRun = [];
  };
  for (let i = 0; i < body.length; ) {
    const cp = body.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (q === '`' || body[i] !== '\\') {
      flushBytes();
      if (!(q === '`' && cp === 13)) emit(body.slice(i, i + w), byte);
      byte += utf8Len(cp);
      i += w;
      continue;
    }
    const e = body[i + 1];
    const escStart = byte;
    let len = 2;
    if (e in SIMPLE) {
      flushBytes();
      emit(SIMPLE[e], escStart);
    } else if (e === 'x' || /[0-7]/.test(e)) {
      // A byte escape: consecutive ones may spell one UTF-8 character together.
      len = 4;
      const v = e === 'x' ? parseInt(body.slice(i + 2, i + 4), 16) : parseInt(body.slice(i + 1, i + 4), 8);
      if (Number.isNaN(v)) return undefined;
      if (bytesRun.length === 0) runAt = escStart;
      bytesRun.push(v);
    } else if (e === 'u' || e === 'U') {
      flushBytes();
      len = e === 'u' ? 6 : 10;
      const v = parseInt(body.slice(i + 2, i + len), 16);
      if (Number.isNaN(v) || v > 0x10ffff) return undefined;
      emit(String.fromCodePoint(v), escStart);
    } else return undefined;
    byte += len; // escapes are ASCII: one byte per character
    i += len;
  }
  flushBytes();
  at.push(byte);
  return { text, toSource: (i) => at[Math.max(0, Math.min(i, at.length - 1))] };
}

/** Identity mapping for OTTL text that did not come from an Alloy literal (offsets in UTF-8 bytes). */
export function plainText(text: string, start = 0): MappedText {
  const at: number[] = [];
  let byte = start;
  for (let i = 0; i < text.length; i++) {
    at.push(byte);
    const c = text.charCodeAt(i);
    byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  at.push(byte);
  return { text, toSource: (i) => at[Math.max(0, Math.min(i, at.length - 1))] };
}
