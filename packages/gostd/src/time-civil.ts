// Calendar arithmetic for the time package. Times are bigint nanoseconds since the Unix
// epoch (UTC), which also covers Go's zero time (year 1) and years before it.

export const NS = 1_000_000_000n;

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

export function daysIn(m: number, y: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Wall-clock fields (as if UTC) → nanoseconds. Months and days may overflow, as in Go's Date. */
export function dateToNs(y: number, mo: number, d: number, h: number, mi: number, s: number, ns: number): bigint {
  const mAdj = mo - 1;
  y += Math.floor(mAdj / 12);
  mo = (((mAdj % 12) + 12) % 12) + 1;
  const days = daysFromCivil(y, mo, 1) + d - 1;
  return (BigInt(days) * 86400n + BigInt(h * 3600 + mi * 60 + s)) * NS + BigInt(ns);
}

export interface Civil {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ns: number;
}

export function nsToCivil(t: bigint): Civil {
  let sec = t / NS;
  let ns = t % NS;
  if (ns < 0n) {
    ns += NS;
    sec -= 1n;
  }
  let days = sec / 86400n;
  let rem = sec % 86400n;
  if (rem < 0n) {
    rem += 86400n;
    days -= 1n;
  }
  const { y, m, d } = civilFromDays(Number(days));
  const r = Number(rem);
  return { y, m, d, h: Math.floor(r / 3600), mi: Math.floor((r % 3600) / 60), s: r % 60, ns: Number(ns) };
}

/** Adds years/months/days like Go's AddDate (wall clock in UTC). */
export function addDate(t: bigint, years: number, months: number, days: number): bigint {
  const c = nsToCivil(t);
  return dateToNs(c.y + years, c.m + months, c.d + days, c.h, c.mi, c.s, c.ns);
}

/** Nanoseconds of a JS Date. */
export function nsFromDate(d: Date): bigint {
  return BigInt(d.getTime()) * 1_000_000n;
}
