// Go's reference-time layouts: the named layouts and the splitter that turns a layout
// into literal text and elements ("2006", "Jan", "-07:00", ".000", …).

export const Layout = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
  Kitchen: '3:04PM',
  Stamp: 'Jan _2 15:04:05',
  StampMilli: 'Jan _2 15:04:05.000',
  StampMicro: 'Jan _2 15:04:05.000000',
  StampNano: 'Jan _2 15:04:05.000000000',
  DateTime: '2006-01-02 15:04:05',
  DateOnly: '2006-01-02',
  TimeOnly: '15:04:05',
} as const;

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** One layout element: `kind` is its reference spelling ('2006', '_2', '-07:00', …) or frac0/frac9 with `n` digits. */
export interface Std {
  kind: string;
  n?: number;
  /** The separator of a fraction: '.' or ','. */
  sep?: string;
}

export const isDigitAt = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

/** Splits a Go layout into literal text and reference-time elements. */
function chunks(layout: string): (string | Std)[] {
  const out: (string | Std)[] = [];
  let lit = '';
  const push = (k: string, len: number, n?: number, sep?: string) => {
    if (lit) out.push(lit);
    lit = '';
    out.push(sep ? { kind: k, n, sep } : { kind: k, n });
    return len;
  };
  for (let i = 0; i < layout.length; ) {
    const r = layout.slice(i);
    const c = layout[i];
    let adv = 0;
    if (c === 'J' && r.startsWith('Jan')) adv = r.startsWith('January') ? push('January', 7) : push('Jan', 3);
    else if (c === 'M' && r.startsWith('Mon')) adv = r.startsWith('Monday') ? push('Monday', 6) : push('Mon', 3);
    else if (c === 'M' && r.startsWith('MST')) adv = push('MST', 3);
    else if (c === '0' && /^0[1-6]/.test(r)) adv = push(r.slice(0, 2), 2);
    else if (c === '0' && r.startsWith('002')) adv = push('002', 3);
    else if (c === '1') adv = r.startsWith('15') ? push('15', 2) : push('1', 1);
    else if (c === '2') adv = r.startsWith('2006') ? push('2006', 4) : push('2', 1);
    else if (c === '_' && r.startsWith('_2')) {
      if (r.startsWith('_2006')) {
        lit += '_';
        adv = 1;
      } else adv = r.startsWith('__2') ? push('__2', 3) : push('_2', 2);
    } else if (c === '_' && r.startsWith('__2')) adv = push('__2', 3);
    else if (c === '3' || c === '4' || c === '5') adv = push(c, 1);
    else if (c === 'P' && r.startsWith('PM')) adv = push('PM', 2);
    else if (c === 'p' && r.startsWith('pm')) adv = push('pm', 2);
    else if (c === '-' || c === 'Z') {
      const m = /^[-Z](070000|07:00:00|0700|07:00|07)/.exec(r);
      if (m) adv = push(c + m[1], m[0].length);
    } else if ((c === '.' || c === ',') && (r[1] === '0' || r[1] === '9')) {
      let j = 1;
      while (j < r.length && r[j] === r[1]) j++;
      if (!isDigitAt(r, j)) adv = push(r[1] === '0' ? 'frac0' : 'frac9', j, j - 1, c);
    }
    if (adv === 0) {
      lit += c;
      adv = 1;
    }
    i += adv;
  }
  if (lit) out.push(lit);
  return out;
}

const cache = new Map<string, (string | Std)[]>();

/** The elements of `layout` (cached). */
export function layoutChunks(layout: string): (string | Std)[] {
  let parts = cache.get(layout);
  if (!parts) {
    if (cache.size > 1000) cache.clear();
    parts = chunks(layout);
    cache.set(layout, parts);
  }
  return parts;
}
