import { byteLength } from '@alloy-lint/gostd';
import type { Piece, PieceKind } from './pieces.js';

/** UTF-8 length of a string (lone surrogates count as U+FFFD). */
export const utf8Length = byteLength;

/** Where a YAML offset lands in the embedded text. */
export interface EmbeddedPoint {
  /** Byte offset in the embedded Alloy text. */
  offset: number;
  /** How that text came from the YAML: `copy` maps byte for byte. */
  kind: PieceKind;
}

/**
 * Byte offsets of an embedded Alloy text ↔ byte offsets of the YAML file. Built from
 * pieces (UTF-16) and the YAML's UTF-16 → byte table; lookups are binary searches.
 */
export class OffsetMap {
  /** Embedded text length in bytes. */
  readonly length: number;
  private readonly eStart: number[];
  private readonly eEnd: number[];
  private readonly sStart: number[];
  private readonly sEnd: number[];
  private readonly kinds: PieceKind[];
  /** Piece indices with a YAML range, sorted by YAML start (built on first use). */
  private hostIndex: number[] | undefined;

  constructor(pieces: Piece[], hostByte: (utf16: number) => number) {
    const n = pieces.length;
    this.eStart = new Array<number>(n);
    this.eEnd = new Array<number>(n);
    this.sStart = new Array<number>(n);
    this.sEnd = new Array<number>(n);
    this.kinds = new Array<PieceKind>(n);
    let e = 0;
    for (let i = 0; i < n; i++) {
      const p = pieces[i];
      const s0 = hostByte(p.from);
      const s1 = hostByte(p.to);
      // A copy has the bytes of its YAML range; only decoded and added text is measured.
      const len = p.kind === 'copy' ? s1 - s0 : utf8Length(p.text);
      this.eStart[i] = e;
      this.eEnd[i] = e + len;
      this.sStart[i] = s0;
      this.sEnd[i] = s1;
      this.kinds[i] = p.kind;
      e += len;
    }
    this.length = e;
  }

  private get byHost(): number[] {
    if (this.hostIndex) return this.hostIndex;
    const idx: number[] = [];
    let sorted = true;
    for (let i = 0; i < this.kinds.length; i++) {
      if (this.kinds[i] === 'synthetic') continue;
      if (idx.length && this.sStart[i] < this.sStart[idx[idx.length - 1]]) sorted = false;
      idx.push(i);
    }
    if (!sorted) idx.sort((a, b) => this.sStart[a] - this.sStart[b] || a - b);
    return (this.hostIndex = idx);
  }

  /** Index of the piece holding embedded byte `e` (`start`: e in [s, end); `end`: e in (s, end]). */
  private pieceAt(e: number, bias: 'start' | 'end'): number {
    const n = this.eStart.length;
    if (n === 0) return -1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.eStart[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    if (bias === 'end') while (lo > 0 && this.eStart[lo] >= e) lo--;
    else while (lo + 1 < n && this.eEnd[lo] <= e && this.eStart[lo + 1] <= e) lo++;
    return lo;
  }

  /** The kind of text at embedded byte `e`. */
  kindAt(e: number): PieceKind | undefined {
    const i = this.pieceAt(e, 'start');
    return i < 0 || e >= this.eEnd[i] ? undefined : this.kinds[i];
  }

  /**
   * YAML byte offset of embedded byte `e`. Inside text decoded from an escape or a
   * folded line, `start` gives the start of what produced it and `end` its end.
   */
  toHost(e: number, bias: 'start' | 'end' = 'start'): number {
    const i = this.pieceAt(e, bias);
    if (i < 0) return 0;
    if (this.kinds[i] === 'copy') return this.sStart[i] + Math.min(Math.max(e - this.eStart[i], 0), this.eEnd[i] - this.eStart[i]);
    if (bias === 'start') return e <= this.eStart[i] ? this.sStart[i] : e >= this.eEnd[i] ? this.sEnd[i] : this.sStart[i];
    return e <= this.eStart[i] ? this.sStart[i] : this.sEnd[i];
  }

  /**
   * Embedded byte offset of YAML byte `s`, or undefined when `s` lies outside every
   * piece. YAML bytes that produce nothing (indentation) land on the next text.
   */
  toEmbedded(s: number): EmbeddedPoint | undefined {
    const idx = this.byHost;
    if (idx.length === 0) return undefined;
    let lo = 0;
    let hi = idx.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sStart[idx[mid]] <= s) lo = mid;
      else hi = mid - 1;
    }
    const i = idx[lo];
    if (s < this.sStart[i]) return undefined;
    if (s < this.sEnd[i]) {
      const exact = this.kinds[i] === 'copy';
      return { offset: exact ? this.eStart[i] + (s - this.sStart[i]) : this.eStart[i], kind: this.kinds[i] };
    }
    // Between two pieces (indentation, a deleted line prefix): the next piece's start.
    const next = idx[lo + 1];
    if (next === undefined) return s === this.sEnd[i] ? { offset: this.eEnd[i], kind: this.kinds[i] } : undefined;
    return { offset: this.eStart[next], kind: this.kinds[next] };
  }

  /** True when `[start, end)` (embedded bytes) touches a placeholder or synthetic text. */
  touchesStandIn(start: number, end: number): boolean {
    for (let i = Math.max(this.pieceAt(start, 'start'), 0); i < this.eStart.length && this.eStart[i] < Math.max(end, start + 1); i++) {
      const k = this.kinds[i];
      if ((k === 'placeholder' || k === 'synthetic') && this.eEnd[i] > start) return true;
    }
    return false;
  }

  /** True when every byte of `[start, end)` maps byte for byte (only copies). */
  isExact(start: number, end: number): boolean {
    if (end <= start) {
      const k = this.kindAt(start);
      return k === undefined || k === 'copy';
    }
    for (let i = Math.max(this.pieceAt(start, 'start'), 0); i < this.eStart.length && this.eStart[i] < end; i++) {
      if (this.eEnd[i] > start && this.kinds[i] !== 'copy') return false;
    }
    return true;
  }

  /** The placeholder piece (embedded and YAML byte ranges) holding embedded byte `e`, if any. */
  standInAt(e: number): { start: number; end: number; hostStart: number; hostEnd: number; kind: PieceKind } | undefined {
    const i = this.pieceAt(e, 'start');
    if (i < 0 || e >= this.eEnd[i] || (this.kinds[i] !== 'placeholder' && this.kinds[i] !== 'synthetic')) return undefined;
    return { start: this.eStart[i], end: this.eEnd[i], hostStart: this.sStart[i], hostEnd: this.sEnd[i], kind: this.kinds[i] };
  }
}
