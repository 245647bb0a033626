// text/template's HTMLEscapeString (the `html` builtin).

const ESC: Record<string, string> = { '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;', '\0': '\ufffd' };

/** template.HTMLEscapeString: `"'&<>` as entities, NUL as U+FFFD. */
export function htmlEscapeString(s: string): string {
  return s.replace(/["'&<>\0]/g, (c) => ESC[c]);
}
