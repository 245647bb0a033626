import { utf8Decode } from '@alloy-lint/gostd';

/**
 * A growable buffer of UTF-8 bytes. The printing pipeline passes text
 * through several stages; keeping it in typed arrays avoids creating a
 * string for every token, and bytes are what the source and its offsets are
 * made of.
 */
export class ByteBuffer {
  data: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint8Array(capacity);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < need) cap *= 2;
    const grown = new Uint8Array(cap);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  push(code: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = code;
  }

  pushRepeat(code: number, n: number): void {
    this.reserve(n);
    const d = this.data;
    for (let i = 0; i < n; i++) d[this.length++] = code;
  }

  toString(): string {
    return utf8Decode(this.data, 0, this.length);
  }
}

/** Buffers larger than this are not kept for reuse. */
const KEEP_LIMIT = 1 << 23;
const spare: ByteBuffer[] = [];

/**
 * An empty buffer, reusing one released earlier when possible: formatting
 * allocates no large arrays in the steady state.
 */
export function takeBuffer(capacity: number): ByteBuffer {
  const b = spare.pop() ?? new ByteBuffer(capacity);
  b.length = 0;
  b.reserve(capacity);
  return b;
}

/** Gives a buffer back once its contents are no longer needed. */
export function releaseBuffer(b: ByteBuffer): void {
  if (b.data.length <= KEEP_LIMIT && spare.length < 4) spare.push(b);
}

/**
 * Appends the UTF-8 encoding of `s` (well-formed UTF-16) to `out`; returns
 * true when every character was in U+0020 to U+007F.
 */
export function appendString(out: ByteBuffer, s: string): boolean {
  out.reserve(s.length * 3);
  const d = out.data;
  let len = out.length;
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x80) {
      d[len++] = c;
      continue;
    }
    plain = false;
    if (c < 0x80) {
      d[len++] = c;
    } else if (c < 0x800) {
      d[len++] = 0xc0 | (c >> 6);
      d[len++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      d[len++] = 0xf0 | (c >> 18);
      d[len++] = 0x80 | ((c >> 12) & 0x3f);
      d[len++] = 0x80 | ((c >> 6) & 0x3f);
      d[len++] = 0x80 | (c & 0x3f);
    } else {
      d[len++] = 0xe0 | (c >> 12);
      d[len++] = 0x80 | ((c >> 6) & 0x3f);
      d[len++] = 0x80 | (c & 0x3f);
    }
  }
  out.length = len;
  return plain;
}

/** Appends src[from, to) to `out`; returns true when every byte was in 0x20 to 0x7F. */
export function appendBytes(out: ByteBuffer, src: Uint8Array, from: number, to: number): boolean {
  out.reserve(to - from);
  const d = out.data;
  let len = out.length;
  let plain = true;
  for (let i = from; i < to; i++) {
    const c = src[i];
    d[len++] = c;
    if (c < 0x20 || c >= 0x80) plain = false;
  }
  out.length = len;
  return plain;
}
