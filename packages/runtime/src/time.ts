// RFC 3339 timestamps with nanoseconds, as Go's time.RFC3339Nano reads and writes them
// (sample files may also use a lowercase t/z or a space between date and time).

import { formatRFC3339Nano, nsFromDate, parseRFC3339, trimSpace } from '@alloy-lint/gostd';

/** Nanoseconds since the Unix epoch, or undefined when the text is not RFC 3339. */
export function parseInstant(text: string): bigint | undefined {
  const t = trimSpace(text);
  return parseRFC3339(t.length > 10 && (t[10] === 't' || t[10] === ' ') ? t.slice(0, 10) + 'T' + t.slice(11).replace(/z$/, 'Z') : t.replace(/z$/, 'Z'));
}

/** Go's RFC3339Nano in UTC: trailing zeros of the fraction dropped. */
export const formatInstant = formatRFC3339Nano;

/** Normalises a timestamp to RFC3339Nano UTC (unparseable text is returned as is). */
export function normalizeTimestamp(text: string): string {
  const ns = parseInstant(text);
  return ns === undefined ? text : formatInstant(ns);
}

/** A Date as RFC3339Nano UTC. */
export function dateToTimestamp(d: Date): string {
  return formatRFC3339Nano(nsFromDate(d));
}

/** Go's zero time, what an entry without a timestamp carries. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';
