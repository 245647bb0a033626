import type { SourceFile } from '@alloy-lint/parser';

/**
 * 1-based line numbers of byte offsets. Printing asks about offsets that are
 * mostly close to the previous question, so the search starts from the
 * previous answer and widens exponentially.
 */
export class LineLocator {
  private hint = 0;
  private readonly starts: number[];

  constructor(src: SourceFile) {
    this.starts = src.lineStarts;
  }

  lineOf(offset: number): number {
    const starts = this.starts;
    const n = starts.length;
    const h = this.hint;
    // Invariant of the search: starts[lo] <= offset < starts[hi] (hi may be n).
    let lo: number;
    let hi: number;
    if (starts[h] <= offset) {
      if (h + 1 === n || offset < starts[h + 1]) return h + 1;
      lo = h + 1;
      let step = 1;
      hi = lo + step;
      while (hi < n && starts[hi] <= offset) {
        lo = hi;
        step *= 2;
        hi = lo + step;
      }
      if (hi > n) hi = n;
    } else {
      hi = h;
      let step = 1;
      lo = hi - step;
      while (lo > 0 && starts[lo] > offset) {
        hi = lo;
        step *= 2;
        lo = hi - step;
      }
      if (lo < 0) lo = 0;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid;
    }
    this.hint = lo;
    return lo + 1;
  }
}
