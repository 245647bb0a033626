// Time.Format with reference-time layouts, and the common RFC3339Nano case in UTC.

import { nsToCivil, daysFromCivil, NS } from './time-civil.js';
import { DAYS, Layout, layoutChunks, MONTHS } from './time-layout.js';
import { UTC, type Location } from './time-location.js';

const pad = (n: number, w: number) => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));

function zone(off: number, kind: string): string {
  if (kind[0] === 'Z' && off === 0) return 'Z';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const hh = pad(Math.floor(a / 3600), 2);
  const mm = pad(Math.floor(a / 60) % 60, 2);
  const ss = pad(a % 60, 2);
  switch (kind.slice(1)) {
    case '07':
      return sign + hh;
    case '0700':
      return sign + hh + mm;
    case '07:00':
      return sign + hh + ':' + mm;
    case '070000':
      return sign + hh + mm + ss;
    default:
      return sign + hh + ':' + mm + ':' + ss;
  }
}

/** `t.In(loc).Format(layout)`; `t` is nanoseconds since the epoch. */
export function formatTime(t: bigint, layout: string, loc: Location = UTC): string {
  const off = loc.offsetAt(t);
  const c = nsToCivil(t + BigInt(off) * NS);
  const yday = daysFromCivil(c.y, c.m, c.d) - daysFromCivil(c.y, 1, 1) + 1;
  const wday = (((daysFromCivil(c.y, c.m, c.d) + 4) % 7) + 7) % 7;
  const h12 = c.h % 12 === 0 ? 12 : c.h % 12;
  let out = '';
  for (const p of layoutChunks(layout)) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    switch (p.kind) {
      case '2006': out += pad(c.y, 4); break;
      case '06': out += pad(((c.y % 100) + 100) % 100, 2); break;
      case 'January': out += MONTHS[c.m - 1]; break;
      case 'Jan': out += MONTHS[c.m - 1].slice(0, 3); break;
      case '1': out += c.m; break;
      case '01': out += pad(c.m, 2); break;
      case 'Monday': out += DAYS[wday]; break;
      case 'Mon': out += DAYS[wday].slice(0, 3); break;
      case '2': out += c.d; break;
      case '_2': out += String(c.d).padStart(2, ' '); break;
      case '02': out += pad(c.d, 2); break;
      case '__2': out += String(yday).padStart(3, ' '); break;
      case '002': out += pad(yday, 3); break;
      case '15': out += pad(c.h, 2); break;
      case '3': out += h12; break;
      case '03': out += pad(h12, 2); break;
      case '4': out += c.mi; break;
      case '04': out += pad(c.mi, 2); break;
      case '5': out += c.s; break;
      case '05': out += pad(c.s, 2); break;
      case 'PM': out += c.h >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += c.h >= 12 ? 'pm' : 'am'; break;
      case 'MST': out += loc === UTC ? 'UTC' : loc.abbrevAt(t) || zone(off, '-0700'); break;
      case 'frac0': out += p.sep + pad(c.ns, 9).slice(0, p.n); break;
      case 'frac9': {
        const digits = pad(c.ns, 9).slice(0, p.n).replace(/0+$/, '');
        if (digits) out += p.sep + digits;
        break;
      }
      default: out += zone(off, p.kind);
    }
  }
  return out;
}

let lastNs: bigint | undefined;
let lastText = '';

/** `t.UTC().Format(time.RFC3339Nano)` (the last result is cached: entries share timestamps). */
export function formatRFC3339Nano(t: bigint): string {
  if (t !== lastNs) {
    lastText = formatTime(t, Layout.RFC3339Nano);
    lastNs = t;
  }
  return lastText;
}
