import { toBytes, utf8Decode } from '@alloy-lint/gostd';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column counted in bytes, as Alloy prints it. */
  column: number;
  /** 0-based byte offset. */
  offset: number;
}

/** Source text as bytes with a line index; converts offsets for Alloy and for editors. */
export class SourceFile {
  readonly bytes: Uint8Array;
  readonly lineStarts: number[];
  private utf16: Uint32Array | undefined;
  private textCache: string | undefined;

  constructor(
    input: string | Uint8Array,
    readonly name = '',
  ) {
    this.bytes = toBytes(input);
    const starts = [0];
    const b = this.bytes;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get text(): string {
    return (this.textCache ??= utf8Decode(this.bytes));
  }

  /** 0-based index of the line holding byte `offset`. */
  lineIndex(offset: number): number {
    const s = this.lineStarts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const i = this.lineIndex(offset);
    return { line: i + 1, column: offset - this.lineStarts[i] + 1, offset };
  }

  /** Byte offset of a 1-based line and byte column. */
  offsetAt(line: number, column: number): number {
    const start = this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1];
    return Math.min(start + column - 1, this.bytes.length);
  }

  /** Bytes of line `line` (1-based) without its newline. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    let end = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.bytes.length;
    if (end < start) end = start;
    return utf8Decode(this.bytes, start, end);
  }

  /** UTF-16 code-unit offset of byte `offset`, for editors. */
  utf16Offset(offset: number): number {
    if (this.bytes.length === this.text.length) return offset;
    const map = (this.utf16 ??= this.buildUtf16());
    return map[Math.min(Math.max(offset, 0), this.bytes.length)];
  }

  private buildUtf16(): Uint32Array {
    const b = this.bytes;
    const map = new Uint32Array(b.length + 1);
    let u = 0;
    for (let i = 0; i < b.length; ) {
      const c = b[i];
      const w = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      const units = w === 4 && c >= 0xf0 && c <= 0xf4 ? 2 : 1;
      for (let k = 0; k < w && i + k < b.length; k++) map[i + k] = u;
      i += w;
      u += units;
    }
    map[b.length] = u;
    return map;
  }
}
