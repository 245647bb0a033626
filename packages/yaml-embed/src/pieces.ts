/**
 * Pieces: embedded text as runs, each knowing the range of the layer below it came from.
 * Layers: YAML text → scalar value (escapes, folding, indentation removed) → Alloy text
 * (template actions replaced, wrapper added). Offsets here are UTF-16 code units.
 */

export type PieceKind =
  /** `text` equals the lower layer's `[from, to)`. */
  | 'copy'
  /** `text` was produced from `[from, to)` by YAML rules (an escape, a folded line break, CRLF). */
  | 'decoded'
  /** Stands in for a Helm template action at `[from, to)`; positions inside it are not reported. */
  | 'placeholder'
  /** Text that is not in the file (a wrapper around a fragment); `from === to`. */
  | 'synthetic';

export interface Piece {
  text: string;
  from: number;
  to: number;
  kind: PieceKind;
}

export const copy = (text: string, from: number): Piece => ({ text, from, to: from + text.length, kind: 'copy' });

/** Appends a piece, merging adjacent copies to keep maps small. */
export function push(out: Piece[], p: Piece): void {
  const last = out[out.length - 1];
  if (last && p.kind === 'copy' && last.kind === 'copy' && last.to === p.from) {
    last.text += p.text;
    last.to = p.to;
    return;
  }
  out.push(p);
}

/** Starts (in the middle text) of each piece of `lower`, plus the total length at the end. */
function starts(lower: Piece[]): number[] {
  const s = new Array<number>(lower.length + 1);
  let at = 0;
  for (let i = 0; i < lower.length; i++) {
    s[i] = at;
    at += lower[i].text.length;
  }
  s[lower.length] = at;
  return s;
}

/** Index of the last lower piece starting at or before `pos` (binary search). */
function pieceAt(st: number[], n: number, pos: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (st[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps a middle-text offset to the base layer: exact inside copies, else to the piece's edge. */
function mapPoint(lower: Piece[], st: number[], pos: number, bias: 'start' | 'end'): number {
  if (lower.length === 0) return 0;
  let i = pieceAt(st, lower.length, pos);
  // At a boundary, 'end' belongs to the piece that ends there.
  if (bias === 'end') while (i > 0 && st[i] === pos) i--;
  else while (i + 1 < lower.length && st[i + 1] === pos && lower[i].text.length === 0) i++;
  const p = lower[i];
  const off = pos - st[i];
  if (p.kind === 'copy') return p.from + Math.min(off, p.text.length);
  if (off === 0 && bias === 'start') return p.from;
  if (off >= p.text.length && bias === 'end') return p.to;
  return bias === 'start' ? p.from : p.to;
}

/**
 * Composes two layers: `upper` refers to the text made by `lower`; the result refers
 * to the text below `lower`.
 */
export function compose(upper: Piece[], lower: Piece[]): Piece[] {
  const st = starts(lower);
  const out: Piece[] = [];
  for (const u of upper) {
    if (u.kind !== 'copy') {
      const from = mapPoint(lower, st, u.from, 'start');
      const to = u.to === u.from ? from : Math.max(from, mapPoint(lower, st, u.to, 'end'));
      push(out, { text: u.text, from, to, kind: u.kind });
      continue;
    }
    let i = pieceAt(st, lower.length, u.from);
    let pos = u.from;
    while (pos < u.to && i < lower.length) {
      const p = lower[i];
      const pEnd = st[i] + p.text.length;
      if (pEnd <= pos) {
        i++;
        continue;
      }
      const a = pos;
      const b = Math.min(u.to, pEnd);
      const text = u.text.slice(a - u.from, b - u.from);
      if (p.kind === 'copy') push(out, { text, from: p.from + (a - st[i]), to: p.from + (b - st[i]), kind: 'copy' });
      else push(out, { text, from: p.from, to: p.to, kind: p.kind === 'synthetic' ? 'synthetic' : p.kind === 'placeholder' ? 'placeholder' : 'decoded' });
      pos = b;
      i++;
      // Zero-width lower pieces (deleted YAML text) inside the range keep their place.
      while (i < lower.length && lower[i].text.length === 0 && st[i] <= u.to) push(out, { ...lower[i++] });
    }
  }
  return out;
}

/** The text the pieces make. */
export const joinText = (pieces: Piece[]): string => pieces.map((p) => p.text).join('');
