// Telling Alloy text from anything else before it is parsed or echoed: binary data gives
// one short diagnostic instead of thousands of lines of excerpts.

const SAMPLE = 8000;

/** Why `bytes` do not look like an Alloy file (NUL bytes, as git decides "binary"), or undefined. */
export function notAlloy(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'this does not look like an Alloy file (it contains NUL bytes)';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (n >= 64 && control * 10 > n) return 'this does not look like an Alloy file (it is mostly control characters)';
  return undefined;
}

/** Whether a file's diagnostics may quote its lines: Alloy sources being checked, not arbitrary files. */
export function isAlloySourceName(name: string): boolean {
  return name === '<stdin>' || name.endsWith('.alloy') || name.includes('#');
}
