// RFC 3339 timestamps with nanoseconds, as Go's time.RFC3339Nano reads and writes them.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** Nanoseconds since the Unix epoch, or undefined when the text is not RFC 3339. */
export function parseInstant(text: string): bigint | undefined {
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[8].toUpperCase()}`);
  if (Number.isNaN(ms)) return undefined;
  const frac = BigInt((m[7] ?? '').padEnd(9, '0') || '0');
  return BigInt(ms) * 1_000_000n + frac;
}

/** Go's RFC3339Nano in UTC: trailing zeros of the fraction dropped. */
export function formatInstant(ns: bigint): string {
  let sec = ns / 1_000_000_000n;
  let frac = ns % 1_000_000_000n;
  if (frac < 0n) {
    frac += 1_000_000_000n;
    sec -= 1n;
  }
  const iso = new Date(Number(sec) * 1000).toISOString().slice(0, 19);
  const f = frac === 0n ? '' : '.' + frac.toString().padStart(9, '0').replace(/0+$/, '');
  return `${iso}${f}Z`;
}

/** Normalises a timestamp to RFC3339Nano UTC (unparseable text is returned as is). */
export function normalizeTimestamp(text: string): string {
  const ns = parseInstant(text);
  return ns === undefined ? text : formatInstant(ns);
}

let lastMs = NaN;
let lastText = '';

/** A Date as RFC3339Nano UTC (the last one is cached: sources stamp many entries with one clock reading). */
export function dateToTimestamp(d: Date): string {
  const ms = d.getTime();
  if (ms !== lastMs) {
    lastMs = ms;
    lastText = formatInstant(BigInt(ms) * 1_000_000n);
  }
  return lastText;
}

/** Go's zero time, what an entry without a timestamp carries. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';
