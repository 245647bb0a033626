/**
 * Elastic tabstops with the exact behaviour of Go's text/tabwriter, in the
 * configuration Alloy's printer uses: minimum width 0, tab width 8, padding 1,
 * spaces for padding, empty columns discarded, leading empty cells written as
 * tabs. Only the features that configuration needs are implemented.
 *
 * Text is cut into cells at '\t' and '\v'; '\n' ends a line and '\f' ends a
 * line and the alignment block. Text between two ESCAPE characters is opaque:
 * layout characters inside it are plain text. Widths count code points.
 */
import { ESCAPE } from './layout.js';
import type { Trimmer } from './trimmer.js';

const TAB_WIDTH = 8;
const PADDING = 1;
const MIN_WIDTH = 0;
const ESC = ESCAPE.charCodeAt(0);

export class TabWriter {
  private input: Uint16Array = new Uint16Array(0);
  // Buffered cells, one entry per cell in each array.
  private readonly cellStart: number[] = [];
  /** Length in code units (0 for an empty cell). */
  private readonly cellSize: number[] = [];
  /** Width in code points, escape markers excluded. */
  private readonly cellWidth: number[] = [];
  /** Ended by a '\t' (rather than '\v' or a line end). */
  private readonly cellHtab: boolean[] = [];
  /** Only characters from U+0020 up, and not ending in a blank. */
  private readonly cellPlain: boolean[] = [];
  private cells = 0;
  /** Index of the first cell of each buffered line. */
  private readonly lineFirst: number[] = [0];
  private lines = 1;
  private readonly widths: number[] = [];

  private curStart = 0;
  private curWidth = 0;
  private curPlain = true;

  constructor(private readonly out: Trimmer) {}

  /** Feeds text[0, length) and writes everything out. */
  write(text: Uint16Array, length: number): void {
    this.input = text;
    this.curStart = 0;
    let width = 0;
    let inEscape = false;
    let plain = true;
    for (let i = 0; i < length; i++) {
      const c = text[i];
      if (inEscape) {
        if (c === ESC) inEscape = false;
        else if ((c & 0xfc00) !== 0xdc00) width++;
      } else if (c >= 0x20) {
        if ((c & 0xfc00) !== 0xdc00) width++;
      } else if (c === 0x09 || c === 0x0b || c === 0x0a || c === 0x0c) {
        this.curWidth = width;
        this.curPlain = plain;
        width = 0;
        plain = true;
        const ncells = this.terminateCell(i, c === 0x09);
        this.curStart = i + 1;
        if (c === 0x0a || c === 0x0c) {
          if (ncells === 1 && this.lines === 1) {
            // A lone line of one cell: nothing to align, write it straight out.
            this.writeCell(0);
            this.out.newline();
            this.cells = 0;
          } else {
            this.lineFirst[this.lines++] = this.cells;
            if (c === 0x0c || ncells === 1) this.flushLines();
          }
        }
      } else if (c === ESC) {
        inEscape = true;
        plain = false;
      } else {
        width++;
        plain = false;
      }
    }
    if (length > this.curStart) {
      this.curWidth = width;
      this.curPlain = plain;
      this.terminateCell(length, false);
      this.curStart = length;
    }
    this.flushLines();
  }

  /** Adds the current cell to the last line; returns that line's cell count. */
  private terminateCell(end: number, htab: boolean): number {
    const k = this.cells++;
    this.cellStart[k] = this.curStart;
    this.cellSize[k] = end - this.curStart;
    this.cellWidth[k] = this.curWidth;
    this.cellHtab[k] = htab;
    this.cellPlain[k] = this.curPlain && end > this.curStart && this.input[end - 1] !== 0x20;
    this.curWidth = 0;
    return this.cells - this.lineFirst[this.lines - 1];
  }

  private lineLength(line: number): number {
    return (line + 1 < this.lines ? this.lineFirst[line + 1] : this.cells) - this.lineFirst[line];
  }

  private flushLines(): void {
    this.format(0, this.lines);
    this.cells = 0;
    this.lines = 1;
  }

  /** Lays out lines [line0, line1); the widths of the columns to the left are known. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lineLength(cur) - 1) continue;
      // This line has a cell in `column`: it opens a block of lines that all do.
      this.writeLines(line0, cur);
      line0 = cur;
      let width = MIN_WIDTH;
      let discardable = true;
      for (; cur < line1; cur++) {
        if (column >= this.lineLength(cur) - 1) break;
        const k = this.lineFirst[cur] + column;
        const w = this.cellWidth[k] + PADDING;
        if (w > width) width = w;
        if (this.cellWidth[k] > 0 || this.cellHtab[k]) discardable = false;
      }
      if (discardable) width = 0;
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    const out = this.out;
    const widths = this.widths;
    for (let i = line0; i < line1; i++) {
      const first = this.lineFirst[i];
      const n = this.lineLength(i);
      let useTabs = true;
      for (let j = 0; j < n; j++) {
        const k = first + j;
        const size = this.cellSize[k];
        if (size === 0) {
          if (j < widths.length) this.writePadding(this.cellWidth[k], widths[j], useTabs);
        } else {
          useTabs = false;
          this.writeCell(k);
          if (j < widths.length) this.writePadding(this.cellWidth[k], widths[j], false);
        }
      }
      // The last buffered line has no line end; its pending cell is always empty here.
      if (i + 1 !== this.lines) out.newline();
    }
  }

  private writeCell(k: number): void {
    const start = this.cellStart[k];
    const end = start + this.cellSize[k];
    if (end === start) return;
    if (this.cellPlain[k]) this.out.writePlain(this.input, start, end);
    else this.out.write(this.input, start, end);
  }

  private writePadding(textWidth: number, cellWidth: number, useTabs: boolean): void {
    if (useTabs) {
      const cw = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
      this.out.writeRepeat(0x09, Math.ceil((cw - textWidth) / TAB_WIDTH));
    } else {
      this.out.writeRepeat(0x20, cellWidth - textWidth);
    }
  }
}
