// time.Location: UTC, or an IANA zone resolved through Intl (no zoneinfo files: this
// runs in a browser too).

import { daysFromCivil, NS } from './time-civil.js';

/** A time zone: UTC, or an IANA name resolved with Intl. */
export interface Location {
  name: string;
  /** Offset east of UTC in seconds at the instant `t` (ns). */
  offsetAt(t: bigint): number;
  /** Zone abbreviation at `t`, when Intl knows one. */
  abbrevAt(t: bigint): string;
}

export const UTC: Location = { name: 'UTC', offsetAt: () => 0, abbrevAt: () => 'UTC' };
const locCache = new Map<string, Location>();

/** `time.LoadLocation`; "Local" is taken as UTC since the simulation has no host zone. */
export function loadLocation(name: string): Location | { error: string } {
  if (name === '' || name === 'UTC' || name === 'Local') return UTC;
  const hit = locCache.get(name);
  if (hit) return hit;
  let fmt: Intl.DateTimeFormat;
  let abbr: Intl.DateTimeFormat;
  try {
    if (!/^[A-Za-z0-9_+\-/]+$/.test(name) || name.startsWith('/') || name.includes('..')) throw new Error();
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
    abbr = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'short' });
  } catch {
    return { error: `unknown time zone ${name}` };
  }
  const loc: Location = {
    name,
    offsetAt(t) {
      const ms = Number(t / 1_000_000n);
      const parts: Record<string, string> = {};
      for (const p of fmt.formatToParts(new Date(ms))) parts[p.type] = p.value;
      let y = Number(parts.year);
      if (parts.era === 'BC' || parts.era === 'B') y = 1 - y;
      const wall = daysFromCivil(y, Number(parts.month), Number(parts.day)) * 86400 + Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
      return wall - Math.floor(ms / 1000);
    },
    abbrevAt(t) {
      const p = abbr.formatToParts(new Date(Number(t / 1_000_000n))).find((x) => x.type === 'timeZoneName');
      return p?.value ?? '';
    },
  };
  locCache.set(name, loc);
  return loc;
}

/** Interprets wall-clock nanoseconds in `loc` (Go's Date with a location). */
export function wallToInstant(wall: bigint, loc: Location): bigint {
  if (loc === UTC) return wall;
  const off1 = loc.offsetAt(wall);
  const guess = wall - BigInt(off1) * NS;
  const off2 = loc.offsetAt(guess);
  return off2 === off1 ? guess : wall - BigInt(off2) * NS;
}

