/**
 * The printer's output: UTF-8 text with layout characters, plus the cells the
 * aligner works on. Cells are recorded as the text is written, so the aligner
 * never has to scan the text again.
 *
 * Text is cut into cells at '\t' and '\v'; '\n' ends a line and '\f' ends a
 * line and the alignment block, exactly as Go's text/tabwriter cuts it. Text
 * between two ESC bytes (comments) is opaque: layout characters inside it
 * are plain text. A cell's width counts code points, escape markers excluded.
 */
import { appendBytes, appendString, type ByteBuffer, releaseBuffer, takeBuffer } from './buffer.js';
import { ESC } from './layout.js';

/** Cell flag: ended by a '\t' (rather than '\v' or a line end). */
export const HTAB = 1;
/** Cell flag: only bytes from 0x20 up, not empty and not ending in a blank. */
export const PLAIN = 2;

function grow<T extends Int32Array | Uint8Array>(a: T): T {
  const grown = new (a.constructor as new (n: number) => T)(a.length * 2);
  grown.set(a);
  return grown;
}

export class LaidOut {
  text: ByteBuffer;
  // One entry per cell in each array.
  cellStart = new Int32Array(1024);
  /** Length in bytes (0 for an empty cell). */
  cellSize = new Int32Array(1024);
  cellWidth = new Int32Array(1024);
  cellFlags = new Uint8Array(1024);
  cells = 0;
  /** Index of the first cell of each line; one more entry than there are lines. */
  lineFirst = new Int32Array(256);
  /** 1 when the line ends in a form feed. */
  lineFF = new Uint8Array(256);
  /** Lines ended by a newline or a form feed; an unfinished last line may follow. */
  lines = 0;
  /** Set by account(): text index of the last newline seen. */
  lastNewline = 0;

  private curStart = 0;
  /** Bytes of the current cell that have no width: escape markers and UTF-8 continuation bytes. */
  private curSkip = 0;
  private curPlain = true;

  constructor(capacity: number) {
    this.text = takeBuffer(capacity);
  }

  /** Empties this for reuse, keeping the cell arrays. */
  reset(capacity: number): void {
    this.text = takeBuffer(capacity);
    this.cells = 0;
    this.lines = 0;
    this.lineFirst[0] = 0;
    this.curStart = 0;
    this.curSkip = 0;
    this.curPlain = true;
  }

  /** Appends source bytes src[from, to); true when none needs account(). */
  appendBytes(src: Uint8Array, from: number, to: number): boolean {
    return appendBytes(this.text, src, from, to);
  }

  /** Appends `s` as UTF-8; true when no byte needs account(). */
  appendString(s: string): boolean {
    return appendString(this.text, s);
  }

  /**
   * Records the bytes appended since text index `from` that are not printable
   * ASCII: cuts cells at layout characters (unless `escaped`) and counts the
   * width of multi-byte characters. Returns how many '\n' and '\f' there were.
   */
  account(from: number, escaped: boolean): number {
    const d = this.text.data;
    const end = this.text.length;
    let newlines = 0;
    for (let i = from; i < end; i++) {
      const c = d[i];
      if (c >= 0x80) {
        if ((c & 0xc0) === 0x80) this.curSkip++;
      } else if (c < 0x20) {
        const lineEnd = c === 0x0a || c === 0x0c;
        if (lineEnd) {
          newlines++;
          this.lastNewline = i;
        }
        if (escaped) continue;
        if (lineEnd || c === 0x09 || c === 0x0b) this.endCell(i, c);
        else this.curPlain = false;
      }
    }
    return newlines;
  }

  /** Appends an escape marker. */
  escape(): void {
    this.text.push(ESC);
    this.curSkip++;
    this.curPlain = false;
  }

  /** Appends `n` blanks. */
  blanks(n: number): void {
    if (n === 1) this.text.push(0x20);
    else this.text.pushRepeat(0x20, n);
  }

  /** Appends a layout character: tab, vertical tab, newline or form feed. */
  layout(ch: number): void {
    const end = this.text.length;
    this.text.push(ch);
    this.endCell(end, ch);
  }

  /** Appends `n` tabs at the start of a line (indentation): each ends an empty cell. */
  tabs(n: number): void {
    const text = this.text;
    if (this.curStart !== text.length) {
      for (let i = 0; i < n; i++) this.layout(0x09);
      return;
    }
    text.reserve(n);
    while (this.cells + n > this.cellStart.length) this.growCells();
    const d = text.data;
    let pos = text.length;
    for (let k = this.cells, last = k + n; k < last; k++) {
      d[pos] = 0x09;
      this.cellStart[k] = pos++;
      this.cellSize[k] = 0;
      this.cellWidth[k] = 0;
      this.cellFlags[k] = HTAB;
    }
    text.length = pos;
    this.cells += n;
    this.curStart = pos;
  }

  private growCells(): void {
    this.cellStart = grow(this.cellStart);
    this.cellSize = grow(this.cellSize);
    this.cellWidth = grow(this.cellWidth);
    this.cellFlags = grow(this.cellFlags);
  }

  /**
   * Ends the current cell at text index `end`, where its terminator `ch` is
   * (0 at the end of the text).
   */
  private endCell(end: number, ch: number): void {
    const k = this.cells;
    if (k === this.cellStart.length) this.growCells();
    const start = this.curStart;
    const size = end - start;
    this.cellStart[k] = start;
    this.cellSize[k] = size;
    this.cellWidth[k] = size - this.curSkip;
    const plain = this.curPlain && size > 0 && this.text.data[end - 1] !== 0x20;
    this.cellFlags[k] = (ch === 0x09 ? HTAB : 0) | (plain ? PLAIN : 0);
    this.cells = k + 1;
    this.curStart = end + 1;
    this.curSkip = 0;
    this.curPlain = true;
    if (ch !== 0x0a && ch !== 0x0c) return;
    const n = this.lines;
    if (n + 2 >= this.lineFirst.length) {
      this.lineFirst = grow(this.lineFirst);
      this.lineFF = grow(this.lineFF);
    }
    this.lineFF[n] = ch === 0x0c ? 1 : 0;
    this.lineFirst[n + 1] = k + 1;
    this.lines = n + 1;
  }

  /** Ends the text: text after the last line end becomes an unfinished line. */
  finish(): void {
    if (this.text.length > this.curStart) {
      this.endCell(this.text.length, 0);
      this.curStart = this.text.length;
    }
    this.lineFirst[this.lines + 1] = this.cells;
  }

  /** Number of lines, an unfinished last line included. */
  lineCount(): number {
    return this.cells > this.lineFirst[this.lines] ? this.lines + 1 : this.lines;
  }
}

let spare: LaidOut | undefined;

/** An empty LaidOut, reusing the arrays of one released earlier when possible. */
export function takeLaidOut(capacity: number): LaidOut {
  const lo = spare;
  spare = undefined;
  if (lo === undefined) return new LaidOut(capacity);
  lo.reset(capacity);
  return lo;
}

/** Gives a LaidOut back once its contents are no longer needed. */
export function releaseLaidOut(lo: LaidOut): void {
  releaseBuffer(lo.text);
  if (lo.cellStart.length <= 1 << 20) spare = lo;
}
