/**
 * Elastic tabstops with the exact behaviour of Go's text/tabwriter, in the
 * configuration Alloy's printer uses: minimum width 0, tab width 8, padding 1,
 * spaces for padding, empty columns discarded, leading empty cells written as
 * tabs. Only the features that configuration needs are implemented.
 *
 * The text arrives already cut into cells and lines (see laidout.ts).
 */
import { HTAB, type LaidOut, PLAIN } from './laidout.js';
import type { Trimmer } from './trimmer.js';

const TAB_WIDTH = 8;
const PADDING = 1;
const MIN_WIDTH = 0;

/** One level of Go's recursive `format`: lines [line0, line1), scanning from `cur`. */
interface Frame {
  line0: number;
  line1: number;
  cur: number;
}

export class TabWriter {
  private lo!: LaidOut;
  private readonly widths: number[] = [];

  constructor(private readonly out: Trimmer) {}

  /** Aligns the cells of `lo` and writes everything out. */
  write(lo: LaidOut): void {
    this.lo = lo;
    const lineFirst = lo.lineFirst;
    // Lines are buffered from `first` on until something ends the alignment block.
    let first = 0;
    for (let line = 0; line < lo.lines; line++) {
      const ncells = lineFirst[line + 1] - lineFirst[line];
      if (ncells === 1 && line === first) {
        // A lone line of one cell: nothing to align, write it straight out.
        this.writeCell(lineFirst[line]);
        this.out.newline();
        first = line + 1;
      } else if (ncells === 1 || lo.lineFF[line] === 1) {
        this.format(first, line + 1);
        first = line + 1;
      }
    }
    this.format(first, lo.lineCount());
  }

  private lineLength(line: number): number {
    return this.lo.lineFirst[line + 1] - this.lo.lineFirst[line];
  }

  /**
   * Lays out lines [line0, line1) as Go's tabwriter does, column by column. Go recurses
   * once per column; here the recursion is an explicit stack, so a line of a million
   * cells cannot exhaust the JS stack. `widths` holds one width per open frame but the first.
   */
  private format(line0: number, line1: number): void {
    const frames: Frame[] = [{ line0, line1, cur: line0 }];
    while (frames.length > 0) {
      const f = frames[frames.length - 1];
      const column = this.widths.length;
      let opened = false;
      for (; f.cur < f.line1; f.cur++) {
        if (column >= this.lineLength(f.cur) - 1) continue;
        // This line has a cell in `column`: it opens a block of lines that all do.
        this.writeLines(f.line0, f.cur);
        let cur = f.cur;
        let width = MIN_WIDTH;
        let discardable = true;
        for (; cur < f.line1; cur++) {
          if (column >= this.lineLength(cur) - 1) break;
          const k = this.lo.lineFirst[cur] + column;
          const w = this.lo.cellWidth[k] + PADDING;
          if (w > width) width = w;
          if (w > PADDING || (this.lo.cellFlags[k] & HTAB) !== 0) discardable = false;
        }
        this.widths.push(discardable ? 0 : width);
        frames.push({ line0: f.cur, line1: cur, cur: f.cur });
        // Where Go's loop goes on once the block's lines are written (its `this++` included).
        f.line0 = cur;
        f.cur = cur + 1;
        opened = true;
        break;
      }
      if (opened) continue;
      this.writeLines(f.line0, f.line1);
      frames.pop();
      if (frames.length > 0) this.widths.pop();
    }
  }

  private writeLines(line0: number, line1: number): void {
    const out = this.out;
    const widths = this.widths;
    const lo = this.lo;
    for (let i = line0; i < line1; i++) {
      const first = lo.lineFirst[i];
      const n = this.lineLength(i);
      let useTabs = true;
      for (let j = 0; j < n; j++) {
        const k = first + j;
        if (lo.cellSize[k] === 0) {
          if (j < widths.length) this.writePadding(lo.cellWidth[k], widths[j], useTabs);
        } else {
          useTabs = false;
          this.writeCell(k);
          if (j < widths.length) this.writePadding(lo.cellWidth[k], widths[j], false);
        }
      }
      // An unfinished last line has no line end.
      if (i < lo.lines) out.newline();
    }
  }

  private writeCell(k: number): void {
    const lo = this.lo;
    const start = lo.cellStart[k];
    const end = start + lo.cellSize[k];
    if (end === start) return;
    if ((lo.cellFlags[k] & PLAIN) !== 0) this.out.writePlain(lo.text.data, start, end);
    else this.out.write(lo.text.data, start, end);
  }

  private writePadding(textWidth: number, cellWidth: number, useTabs: boolean): void {
    if (useTabs) {
      // Widths are small non-negative integers: ceil(x / 8) is (x + 7) >> 3.
      const cw = ((cellWidth + TAB_WIDTH - 1) >> 3) * TAB_WIDTH;
      this.out.writeRepeat(0x09, (cw - textWidth + TAB_WIDTH - 1) >> 3);
    } else {
      this.out.writeRepeat(0x20, cellWidth - textWidth);
    }
  }
}
