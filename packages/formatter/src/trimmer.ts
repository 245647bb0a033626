/**
 * The last stage of the printing pipeline. It receives the aligned text in
 * chunks and:
 *  - removes the escape markers that protect comment text from alignment,
 *    copying the protected text unchanged;
 *  - drops blanks and tabs at the end of every line and at the very end;
 *  - turns form feeds into plain newlines and vertical tabs into tabs.
 *
 * Pending blanks survive between chunks, but any text still open at the end
 * of a chunk is written out and the state starts over (the way Alloy's own
 * writer behaves).
 */
import { type ByteBuffer, takeBuffer } from './buffer.js';
import { ESC } from './layout.js';

const SPACE = 0;
const ESCAPED = 1;
const TEXT = 2;

const TAB = 0x09;
const BLANK = 0x20;
const NL = 0x0a;

export class Trimmer {
  private state = SPACE;
  /** Pending blanks and tabs, written only if more text follows on the line. */
  private space = new Uint8Array(256);
  private spaceLen = 0;
  readonly out: ByteBuffer;

  constructor(capacity = 4096) {
    this.out = takeBuffer(capacity);
  }

  private growSpace(): void {
    const grown = new Uint8Array(this.space.length * 2);
    grown.set(this.space);
    this.space = grown;
  }

  /** One chunk of `count` copies of a blank or a tab (padding). */
  writeRepeat(code: number, count: number): void {
    if (count <= 0) return;
    // Each chunk starts with no text open, so padding only adds pending space.
    while (this.spaceLen + count > this.space.length) this.growSpace();
    const space = this.space;
    let n = this.spaceLen;
    for (let i = 0; i < count; i++) space[n++] = code;
    this.spaceLen = n;
  }

  /**
   * One chunk known to hold only characters from U+0020 up and to end in
   * something other than a blank: all of it survives, after the pending space.
   * Same result as write(), faster.
   */
  writePlain(src: Uint8Array, start: number, end: number): void {
    const out = this.out;
    const spaceLen = this.spaceLen;
    if (out.length + spaceLen + end - start > out.data.length) out.reserve(spaceLen + end - start);
    const data = out.data;
    let len = out.length;
    if (spaceLen > 0) {
      const space = this.space;
      for (let i = 0; i < spaceLen; i++) data[len++] = space[i];
      this.spaceLen = 0;
    }
    for (let i = start; i < end; i++) data[len++] = src[i];
    out.length = len;
    this.state = SPACE;
  }

  /** A chunk holding one newline: pending space is dropped. */
  newline(): void {
    this.state = SPACE;
    this.spaceLen = 0;
    this.out.push(NL);
  }

  /** One chunk: the bytes src[start, end). */
  write(src: Uint8Array, start: number, end: number): void {
    const out = this.out;
    // Output can never be longer than the pending space plus the chunk.
    out.reserve(this.spaceLen + end - start);
    const data = out.data;
    let len = out.length;
    let space = this.space;
    let state = this.state;
    let spaceLen = this.spaceLen;
    let textStart = start;
    for (let off = start; off < end; off++) {
      let ch = src[off];
      if (state === ESCAPED) {
        if (ch === ESC) {
          for (let i = textStart; i < off; i++) data[len++] = src[i];
          state = SPACE;
          spaceLen = 0;
        }
        continue;
      }
      if (ch > BLANK) {
        // Ordinary text.
        if (state === SPACE) {
          for (let i = 0; i < spaceLen; i++) data[len++] = space[i];
          state = TEXT;
          textStart = off;
        }
        continue;
      }
      if (ch === 0x0b) ch = TAB;
      if (ch === TAB || ch === BLANK) {
        if (state === TEXT) {
          for (let i = textStart; i < off; i++) data[len++] = src[i];
          state = SPACE;
          spaceLen = 0;
        }
        if (spaceLen === space.length) {
          this.spaceLen = spaceLen;
          this.growSpace();
          space = this.space;
        }
        space[spaceLen++] = ch;
      } else if (ch === NL || ch === 0x0c) {
        if (state === TEXT) for (let i = textStart; i < off; i++) data[len++] = src[i];
        state = SPACE;
        spaceLen = 0;
        data[len++] = NL;
      } else if (ch === ESC) {
        if (state === SPACE) for (let i = 0; i < spaceLen; i++) data[len++] = space[i];
        else for (let i = textStart; i < off; i++) data[len++] = src[i];
        state = ESCAPED;
        textStart = off + 1;
      } else if (state === SPACE) {
        // Other control characters count as text.
        for (let i = 0; i < spaceLen; i++) data[len++] = space[i];
        state = TEXT;
        textStart = off;
      }
    }
    if (state === ESCAPED || state === TEXT) {
      for (let i = textStart; i < end; i++) data[len++] = src[i];
      state = SPACE;
      spaceLen = 0;
    }
    out.length = len;
    this.state = state;
    this.spaceLen = spaceLen;
  }
}
