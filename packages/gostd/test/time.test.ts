// time.Parse, ParseInLocation and Time.Format with reference layouts.
import { describe, expect, it } from 'vitest';
import { formatRFC3339Nano, formatTime, Layout, loadLocation, parseRFC3339, parseTime, type Location } from '../src/index.js';

const loc = (name: string): Location => {
  const l = loadLocation(name);
  if ('error' in l) throw new Error(l.error);
  return l;
};
const iso = (layout: string, value: string, l?: Location) => formatRFC3339Nano(parseTime(layout, value, l).ns);

describe('parseTime (time.Parse)', () => {
  it.each([
    [Layout.RFC3339, '2006-01-02T15:04:05Z', '2006-01-02T15:04:05Z'],
    [Layout.RFC3339, '2006-01-02T15:04:05+07:00', '2006-01-02T08:04:05Z'],
    [Layout.RFC3339Nano, '2006-01-02T15:04:05.123456789-01:30', '2006-01-02T16:34:05.123456789Z'],
    [Layout.RFC3339, '2006-01-02T15:04:05.5Z', '2006-01-02T15:04:05.5Z'], // a fraction after seconds is accepted
    [Layout.ANSIC, 'Thu Feb  4 21:00:57 2010', '2010-02-04T21:00:57Z'],
    [Layout.UnixDate, 'Thu Feb  4 21:00:57 PST 2010', '2010-02-04T21:00:57Z'], // unknown abbreviation: offset 0
    [Layout.RubyDate, 'Thu Feb 04 21:00:57 -0800 2010', '2010-02-05T05:00:57Z'],
    [Layout.RFC1123, 'Thu, 04 Feb 2010 21:00:57 GMT+3', '2010-02-04T18:00:57Z'],
    [Layout.RFC850, 'Thursday, 04-Feb-10 21:00:57 UTC', '2010-02-04T21:00:57Z'],
    [Layout.Kitchen, '9:07PM', '0000-01-01T21:07:00Z'],
    [Layout.StampMilli, 'Feb  4 21:00:57.012', '0000-02-04T21:00:57.012Z'],
    ['02/Jan/2006:15:04:05 -0700', '25/Jan/2000:14:00:01 -0500', '2000-01-25T19:00:01Z'],
    ['2006-01-02 15:04:05,000', '2021-03-04 05:06:07,089', '2021-03-04T05:06:07.089Z'],
    ['2006 002', '2020 060', '2020-02-29T00:00:00Z'],
    ['2006-1-2', '2021-1-2', '2021-01-02T00:00:00Z'],
    ['Jan 2 2006', 'JAN 3 2010', '2010-01-03T00:00:00Z'], // names match in any case
  ])('Parse(%j, %j) = %s', (layout, value, want) => {
    expect(iso(layout, value)).toBe(want);
  });

  it.each([
    [Layout.RFC3339, '2006-01-02T15:04:05'],
    [Layout.RFC3339, '2006-13-02T15:04:05Z'],
    [Layout.RFC3339, '2006-02-30T15:04:05Z'],
    [Layout.RFC3339, '2006-01-02T24:04:05Z'],
    [Layout.ANSIC, 'Thu Feb  4 21:00:57 2010 extra'],
    [Layout.Kitchen, '9:07XM'],
    ['2006-01-02', '2021-1-02'],
  ])('Parse(%j, %j) fails', (layout, value) => {
    expect(() => parseTime(layout, value)).toThrow();
  });

  it('reports whether the layout had a year', () => {
    expect(parseTime(Layout.Stamp, 'Feb  4 21:00:57').year).toBe(0);
    expect(parseTime(Layout.ANSIC, 'Thu Feb  4 21:00:57 2010').year).toBe(2010);
  });

  it('interprets wall times in a location', () => {
    expect(iso(Layout.DateTime, '2021-07-01 12:00:00', loc('Europe/Berlin'))).toBe('2021-07-01T10:00:00Z');
    expect(iso(Layout.DateTime, '2021-01-01 12:00:00', loc('America/New_York'))).toBe('2021-01-01T17:00:00Z');
    expect(loadLocation('Not/AZone')).toEqual({ error: 'unknown time zone Not/AZone' });
  });
});

describe('parseRFC3339', () => {
  it('parses RFC 3339 timestamps, undefined for anything else', () => {
    expect(formatRFC3339Nano(parseRFC3339('2024-01-02T03:04:05.120+02:00')!)).toBe('2024-01-02T01:04:05.12Z');
    expect(formatRFC3339Nano(parseRFC3339('0001-01-01T00:00:00Z')!)).toBe('0001-01-01T00:00:00Z');
    expect(parseRFC3339('2024-13-02T03:04:05Z')).toBeUndefined();
    expect(parseRFC3339('yesterday')).toBeUndefined();
  });
});

describe('formatTime (Time.Format)', () => {
  const t = parseRFC3339('2009-11-10T23:04:05.0120Z')!;
  it.each([
    [Layout.ANSIC, 'Tue Nov 10 23:04:05 2009'],
    [Layout.UnixDate, 'Tue Nov 10 23:04:05 UTC 2009'],
    [Layout.RFC1123Z, 'Tue, 10 Nov 2009 23:04:05 +0000'],
    [Layout.RFC3339, '2009-11-10T23:04:05Z'],
    [Layout.RFC3339Nano, '2009-11-10T23:04:05.012Z'],
    [Layout.Kitchen, '11:04PM'],
    [Layout.StampMicro, 'Nov 10 23:04:05.012000'],
    ['Monday January 2 _2 002 __2 06 3 03 4 5 pm -07 -07:00:00', 'Tuesday November 10 10 314 314 09 11 11 4 5 pm +00 +00:00:00'],
    ['2006-01-02 15:04:05,000', '2009-11-10 23:04:05,012'],
    ['.999 .000 ,9', '.012 .012 '], // a zero fraction of 9s disappears with its separator
  ])('Format(%j) = %j', (layout, want) => {
    expect(formatTime(t, layout)).toBe(want);
  });

  it('formats in a location', () => {
    expect(formatTime(t, '2006-01-02T15:04:05-07:00', loc('Asia/Kolkata'))).toBe('2009-11-11T04:34:05+05:30');
    expect(formatTime(t, Layout.RFC3339, loc('UTC'))).toBe('2009-11-10T23:04:05Z');
  });

  it('formats years outside 0..9999 and the zero time', () => {
    expect(formatRFC3339Nano(-62135596800000000000n)).toBe('0001-01-01T00:00:00Z');
    expect(formatRFC3339Nano(-62198755200000000000n)).toBe('-0001-01-01T00:00:00Z');
  });
});
