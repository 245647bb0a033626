// time.Parse / ParseInLocation with reference-time layouts (and a fast path for
// RFC 3339). Results are bigint nanoseconds since the Unix epoch.

import { GoError } from './errors.js';
import { dateToNs, daysIn, isLeap, NS } from './time-civil.js';
import { DAYS, isDigitAt as isDigit, Layout, layoutChunks, MONTHS } from './time-layout.js';
import { UTC, wallToInstant, type Location } from './time-location.js';

/** A value that does not match its layout (the message says which element failed). */
export class TimeParseError extends GoError {}

function getnum(v: string, fixed: boolean): [number, string] {
  if (!isDigit(v, 0)) throw new TimeParseError('bad number');
  if (!isDigit(v, 1)) {
    if (fixed) throw new TimeParseError('bad number');
    return [v.charCodeAt(0) - 48, v.slice(1)];
  }
  return [(v.charCodeAt(0) - 48) * 10 + (v.charCodeAt(1) - 48), v.slice(2)];
}

function lookup(names: string[], v: string, short: boolean): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const n = short ? names[i].slice(0, 3) : names[i];
    if (v.length >= n.length && v.slice(0, n.length).toLowerCase() === n.toLowerCase()) return [i, v.slice(n.length)];
  }
  throw new TimeParseError('bad name');
}

function skipLiteral(v: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') throw new TimeParseError('literal mismatch');
      prefix = prefix.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v.length === 0 || v[0] !== prefix[0]) throw new TimeParseError('literal mismatch');
    v = v.slice(1);
    prefix = prefix.slice(1);
  }
  return v;
}

function parseNanos(v: string, n: number): number {
  if (v[0] !== '.' && v[0] !== ',') throw new TimeParseError('bad fraction');
  let digits = v.slice(1, n);
  if (!/^\d+$/.test(digits)) throw new TimeParseError('bad fraction');
  if (digits.length > 9) digits = digits.slice(0, 9);
  return Number(digits.padEnd(9, '0'));
}

/** Zone abbreviations Go's parseTimeZone accepts (3–5 letters, a few shapes). */
function zoneAbbrevLength(v: string): number {
  if (v.length < 3) return 0;
  if (v.startsWith('ChST') || v.startsWith('MeST')) return 4;
  if (v.startsWith('GMT')) {
    const m = /^GMT([+-]\d{1,2})?/.exec(v)!;
    if (m[1] && (Number(m[1]) < -23 || Number(m[1]) > 23)) return 3;
    return m[0].length;
  }
  if (v[0] === '+' || v[0] === '-') return /^[+-]\d\d(\d\d)?/.exec(v)?.[0].length ?? 0;
  let n = 0;
  while (n < v.length && v.charCodeAt(n) >= 65 && v.charCodeAt(n) <= 90) n++;
  if (n === 3) return 3;
  if (n === 4) return v[3] === 'T' || v.startsWith('WITA') ? 4 : 0;
  if (n === 5) return v[4] === 'T' ? 5 : 0;
  return 0;
}

/** `time.Parse(layout, value)` (loc = UTC) or `time.ParseInLocation`. Year 0 means the layout had none. Throws TimeParseError. */
export function parseTime(layout: string, value: string, loc: Location = UTC): { ns: bigint; year: number } {
  const parts = layoutChunks(layout);
  let v = value;
  let year = 0, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  let pm = false, am = false;
  let zoneOffset: number | undefined;
  let zoneName = '';
  let utc = false;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (typeof p === 'string') {
      v = skipLiteral(v, p);
      continue;
    }
    switch (p.kind) {
      case '06': {
        if (!isDigit(v, 0) || !isDigit(v, 1)) throw new TimeParseError('bad year');
        const y = Number(v.slice(0, 2));
        year = y >= 69 ? 1900 + y : 2000 + y;
        v = v.slice(2);
        break;
      }
      case '2006':
        if (v.length < 4 || !/^\d{4}/.test(v)) throw new TimeParseError('bad year');
        year = Number(v.slice(0, 4));
        v = v.slice(4);
        break;
      case 'January':
      case 'Jan':
        [month, v] = lookup(MONTHS, v, p.kind === 'Jan');
        month++;
        break;
      case '1':
      case '01':
        [month, v] = getnum(v, p.kind === '01');
        if (month <= 0 || month > 12) throw new TimeParseError('month out of range');
        break;
      case 'Monday':
      case 'Mon':
        [, v] = lookup(DAYS, v, p.kind === 'Mon');
        break;
      case '2':
      case '_2':
      case '02':
        if (p.kind === '_2' && v[0] === ' ') v = v.slice(1);
        [day, v] = getnum(v, p.kind === '02');
        break;
      case '__2':
      case '002': {
        const m = /^ {0,2}\d{1,3}/.exec(v);
        if (!m || (p.kind === '002' && !/^\d{3}/.test(v))) throw new TimeParseError('bad yday');
        yday = Number(m[0].trim());
        v = v.slice(m[0].length);
        if (yday < 1 || yday > 366) throw new TimeParseError('day-of-year out of range');
        break;
      }
      case '15':
        [hour, v] = getnum(v, false);
        if (hour < 0 || hour > 23) throw new TimeParseError('hour out of range');
        break;
      case '3':
      case '03':
        [hour, v] = getnum(v, p.kind === '03');
        if (hour < 0 || hour > 12) throw new TimeParseError('hour out of range');
        break;
      case '4':
      case '04':
        [min, v] = getnum(v, p.kind === '04');
        if (min < 0 || min >= 60) throw new TimeParseError('minute out of range');
        break;
      case '5':
      case '05': {
        [sec, v] = getnum(v, p.kind === '05');
        if (sec < 0 || sec >= 60) throw new TimeParseError('second out of range');
        const next = parts[k + 1];
        if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v, 1) && !(typeof next === 'object' && next.kind.startsWith('frac'))) {
          let n = 2;
          while (n < v.length && isDigit(v, n)) n++;
          nsec = parseNanos(v, n);
          v = v.slice(n);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        const s = v.slice(0, 2);
        v = v.slice(2);
        if (s === (p.kind === 'PM' ? 'PM' : 'pm')) pm = true;
        else if (s === (p.kind === 'PM' ? 'AM' : 'am')) am = true;
        else throw new TimeParseError('bad am/pm');
        break;
      }
      case 'MST': {
        if (v.startsWith('UTC')) {
          utc = true;
          v = v.slice(3);
          break;
        }
        const n = zoneAbbrevLength(v);
        if (!n) throw new TimeParseError('bad zone');
        zoneName = v.slice(0, n);
        v = v.slice(n);
        break;
      }
      case 'frac0': {
        const nd = 1 + (p.n ?? 1);
        if (v.length < nd) throw new TimeParseError('bad fraction');
        nsec = parseNanos(v, nd);
        v = v.slice(nd);
        break;
      }
      case 'frac9': {
        if (v.length < 2 || (v[0] !== '.' && v[0] !== ',') || !isDigit(v, 1)) break;
        let i = 0;
        while (i + 1 < v.length && isDigit(v, i + 1)) i++;
        nsec = parseNanos(v, 1 + i);
        v = v.slice(1 + i);
        break;
      }
      default: {
        // numeric zones: -0700, -07:00, -07, Z07:00 and friends
        if (p.kind[0] === 'Z' && v[0] === 'Z') {
          utc = true;
          v = v.slice(1);
          break;
        }
        const shape = p.kind.slice(1);
        const re = { '070000': /^[+-]\d{6}/, '07:00:00': /^[+-]\d\d:\d\d:\d\d/, '0700': /^[+-]\d{4}/, '07:00': /^[+-]\d\d:\d\d/, '07': /^[+-]\d\d/ }[shape]!;
        const m = re.exec(v);
        if (!m) throw new TimeParseError('bad zone offset');
        const d = m[0].replace(/:/g, '');
        const hh = Number(d.slice(1, 3)), mm = Number(d.slice(3, 5) || 0), ss = Number(d.slice(5, 7) || 0);
        if (hh > 24 || mm > 60 || ss > 60) throw new TimeParseError('zone offset out of range');
        zoneOffset = (hh * 3600 + mm * 60 + ss) * (d[0] === '-' ? -1 : 1);
        v = v.slice(m[0].length);
      }
    }
  }
  if (v.length > 0) throw new TimeParseError('extra text');
  if (pm && hour < 12) hour += 12;
  else if (am && hour === 12) hour = 0;
  if (yday >= 0) {
    let m = 0, d = yday;
    if (isLeap(year) && d === 31 + 29) m = 2;
    else {
      if (isLeap(year) && d > 31 + 29) d--;
      const cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
      if (d > 365) throw new TimeParseError('day-of-year does not match');
      m = cum.findIndex((c) => d <= c);
      d -= cum[m - 1];
      if (isLeap(year) && m === 2 && yday > 59) d++;
    }
    if ((month >= 0 && month !== m) || (day >= 0 && day !== (m === 2 && yday === 60 && isLeap(year) ? 29 : d))) throw new TimeParseError('day-of-year does not match');
    month = m;
    day = m === 2 && yday === 60 && isLeap(year) ? 29 : d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw new TimeParseError('day out of range');
  const wall = dateToNs(year, month, day, hour, min, sec, nsec);
  if (utc) return { ns: wall, year };
  if (zoneOffset !== undefined) return { ns: wall - BigInt(zoneOffset) * NS, year };
  if (zoneName) {
    if (loc !== UTC && loc.abbrevAt(wallToInstant(wall, loc)) === zoneName) return { ns: wallToInstant(wall, loc), year };
    let off = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) off = Number(zoneName.slice(3)) * 3600;
    return { ns: wall - BigInt(off) * NS, year };
  }
  return { ns: wallToInstant(wall, loc), year };
}


const RFC3339_FAST = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|([+-])(\d\d):(\d\d))$/;
let lastText = '';
let lastNs: bigint | undefined;

/** Parses an RFC 3339 timestamp (Go's time.RFC3339Nano layout); undefined when it does not parse. */
export function parseRFC3339(s: string): bigint | undefined {
  if (s === lastText) return lastNs;
  let r: bigint | undefined;
  const m = RFC3339_FAST.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= daysIn(Number(m[2]), Number(m[1])) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60 && (!m[9] || (Number(m[10]) < 24 && Number(m[11]) < 60))) {
    const ns = m[7] ? Number(m[7].padEnd(9, '0')) : 0;
    r = dateToNs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ns);
    if (m[9]) r -= BigInt((Number(m[10]) * 3600 + Number(m[11]) * 60) * (m[9] === '-' ? -1 : 1)) * NS;
  } else {
    try {
      r = parseTime(Layout.RFC3339Nano, s).ns;
    } catch {
      r = undefined;
    }
  }
  lastText = s;
  lastNs = r;
  return r;
}

