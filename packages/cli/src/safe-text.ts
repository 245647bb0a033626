// Text from a configuration, escaped before it reaches a terminal: control characters
// (escape sequences could rewrite the screen) and bidirectional overrides become visible.

// C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => {
  const n = c.charCodeAt(0);
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/** `s` with every unsafe character written as an escape (`\x1b`, `\u202e`). */
export function safeText(s: string): string {
  return s.replace(UNSAFE, escape);
}
