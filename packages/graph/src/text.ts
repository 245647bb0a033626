/** Text helpers for SVG output built without a DOM. */

/** Monospace fonts found on common systems; all of them advance about 0.6 em per character. */
export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';
export const SANS = 'system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif';

/** Width of `s` in a monospace font of `size` px, rounded up a little so no font overflows. */
export function monoWidth(s: string, size: number): number {
  let n = 0;
  for (const ch of s) n += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return Math.ceil(n * size * 0.62);
}

/** A generous width estimate for short sans-serif text (legend, captions). */
export function sansWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[mwMW@]/.test(ch) ? 0.9 : /[A-Z0-9]/.test(ch) ? 0.68 : /[il.,:;'|! ]/.test(ch) ? 0.32 : 0.56;
  return Math.ceil(w * size);
}

/** Escapes text for SVG/XML content and attribute values. */
export function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Rounds coordinates to keep the SVG small. */
export const r = (n: number) => Math.round(n * 10) / 10;
