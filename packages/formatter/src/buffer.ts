/**
 * A growable buffer of UTF-16 code units. The printing pipeline passes text
 * through several stages; keeping it in typed arrays avoids creating a
 * string for every token.
 */
const decoder = new TextDecoder('utf-16le');

export class CharBuffer {
  data: Uint16Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint16Array(capacity);
  }

  /** Makes room for `n` more code units. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < need) cap *= 2;
    const grown = new Uint16Array(cap);
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

  pushRange(src: Uint16Array, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    this.reserve(n);
    if (n > 64) {
      this.data.set(src.subarray(start, end), this.length);
      this.length += n;
      return;
    }
    const d = this.data;
    let len = this.length;
    for (let i = start; i < end; i++) d[len++] = src[i];
    this.length = len;
  }

  toString(): string {
    return decoder.decode(this.data.subarray(0, this.length));
  }
}

/** Buffers larger than this are not kept for reuse. */
const KEEP_LIMIT = 1 << 22;
const spare: CharBuffer[] = [];

/**
 * An empty buffer, reusing one released earlier when possible: formatting
 * allocates no large arrays in the steady state.
 */
export function takeBuffer(capacity: number): CharBuffer {
  const b = spare.pop() ?? new CharBuffer(capacity);
  b.length = 0;
  b.reserve(capacity);
  return b;
}

/** Gives a buffer back once its contents are no longer needed. */
export function releaseBuffer(b: CharBuffer): void {
  if (b.data.length <= KEEP_LIMIT && spare.length < 4) spare.push(b);
}
