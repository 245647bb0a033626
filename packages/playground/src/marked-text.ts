// The runtime's text reports (`alloy-lint run --trace`) in colour on a page: the worker paints
// with markers, the page escapes the text and turns the markers into spans. Nothing from the
// report reaches the page as markup.
import type { Style } from '@alloy-lint/runtime';

const OPEN = '\u0001';
const MID = '\u0002';
const CLOSE = '\u0003';

const paint = (cls: string) => (s: string) => `${OPEN}${cls}${MID}${s}${CLOSE}`;

/** Colours as markers, for `runText(result, { style: MARKED })`. */
export const MARKED: Style = { bold: paint('b'), dim: paint('dim'), red: paint('red'), green: paint('green'), yellow: paint('yellow'), cyan: paint('cyan') };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** HTML of a marked text: escaped, with `<span class="t-…">` for each colour. */
export function markedToHtml(text: string): string {
  let depth = 0;
  const html = escape(text).replace(/\u0001([a-z]+)\u0002|\u0003/g, (m, cls: string | undefined) => {
    if (cls) {
      depth++;
      return `<span class="t-${cls}">`;
    }
    if (!depth) return '';
    depth--;
    return '</span>';
  });
  return html + '</span>'.repeat(depth);
}

/** The text without markers (copying, tests). */
export const markedToPlain = (text: string) => text.replace(/\u0001[a-z]+\u0002|\u0003/g, '');
