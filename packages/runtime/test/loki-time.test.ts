import { describe, expect, it } from 'vitest';
import { formatRFC3339Nano, goParseTime, loadLocation, parseRFC3339 } from '../src/loki/index.js';
import { configError, entry, pipeline } from './loki-helpers.js';

const iso = (layout: string, value: string, loc?: string) => {
  const l = loc ? loadLocation(loc) : undefined;
  if (l && 'error' in l) throw new Error(l.error);
  return formatRFC3339Nano(goParseTime(layout, value, l).ns);
};

describe('Go time layouts', () => {
  it('parses RFC 3339 with offsets and fractions', () => {
    expect(formatRFC3339Nano(parseRFC3339('2024-01-02T03:04:05.120+02:00')!)).toBe('2024-01-02T01:04:05.12Z');
    expect(parseRFC3339('2024-13-02T03:04:05Z')).toBeUndefined();
    expect(formatRFC3339Nano(parseRFC3339('0001-01-01T00:00:00Z')!)).toBe('0001-01-01T00:00:00Z');
  });

  it('parses reference-time layouts', () => {
    expect(iso('02/Jan/2006:15:04:05 -0700', '25/Jan/2000:14:00:01 -0500')).toBe('2000-01-25T19:00:01Z');
    expect(iso('Mon Jan _2 15:04:05 2006', 'Tue Feb  3 04:05:06 2015')).toBe('2015-02-03T04:05:06Z');
    expect(iso('2006-01-02 3:04PM', '2021-06-07 1:30PM')).toBe('2021-06-07T13:30:00Z');
    expect(iso('2006-01-02 15:04:05.000', '2021-06-07 01:02:03.456')).toBe('2021-06-07T01:02:03.456Z');
    expect(iso('2006-01-02 15:04:05', '2021-06-07 01:02:03.456789')).toBe('2021-06-07T01:02:03.456789Z');
  });

  it('rejects values that do not fit', () => {
    expect(() => goParseTime('2006-01-02', '2021-02-30')).toThrow();
    expect(() => goParseTime('2006-01-02', '2021-02-03 extra')).toThrow();
  });

  it('applies a location when the value has no zone', () => {
    expect(iso('2006-01-02 15:04', '2024-07-01 12:00', 'Europe/Paris')).toBe('2024-07-01T10:00:00Z');
    expect(iso('2006-01-02 15:04', '2024-01-01 12:00', 'America/New_York')).toBe('2024-01-01T17:00:00Z');
    expect(loadLocation('Mars/Olympus')).toEqual({ error: 'unknown time zone Mars/Olympus' });
  });
});

describe('stage.timestamp', () => {
  const ts = (format: string, value: string, extra = '') => {
    const p = pipeline(`stage.regex {\n  expression = "^(?P<t>.*)$"\n}\nstage.timestamp {\n  source = "t"\n  format = "${format}"\n${extra}}`);
    return p.process(entry(value)).outputs[0].timestamp;
  };

  it('understands named formats and Unix variants', () => {
    expect(ts('RFC3339', '2020-01-01T00:00:00+01:00')).toBe('2019-12-31T23:00:00Z');
    expect(ts('Unix', '1700000000.25')).toBe('2023-11-14T22:13:20.25Z');
    expect(ts('UnixMs', '1700000000123')).toBe('2023-11-14T22:13:20.123Z');
    expect(ts('UnixNs', '1700000000000000001')).toBe('2023-11-14T22:13:20.000000001Z');
  });

  it('tries fallback formats in order', () => {
    expect(ts('RFC3339', '1700000000', '  fallback_formats = ["UnixMs", "Unix"]\n')).toBe('1970-01-20T16:13:20Z');
  });

  it('fills in the year for layouts without one', () => {
    const p = pipeline('stage.regex {\n  expression = "^(?P<t>.*)$"\n}\nstage.timestamp {\n  source = "t"\n  format = "Jan _2 15:04:05"\n}', {
      now: () => new Date('2024-03-01T00:00:00Z'),
    });
    expect(p.process(entry('Feb  5 10:00:00')).outputs[0].timestamp).toBe('2024-02-05T10:00:00Z');
  });

  it('fudges failed and duplicate times per label set', () => {
    const p = pipeline('stage.regex {\n  expression = "^(?P<t>\\\\S*)"\n}\nstage.timestamp {\n  source = "t"\n  format = "RFC3339"\n}');
    const out = ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'bad'].map((l) => p.process(entry(l)).outputs[0].timestamp);
    expect(out).toEqual(['2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000000001Z', '2024-01-01T00:00:00.000000002Z']);
  });

  it('validates its options', () => {
    expect(configError('stage.timestamp {\n  source = "t"\n  format = "RFC3339"\n  location = "Nowhere/Land"\n}')).toContain(
      'invalid location specified',
    );
    expect(configError('stage.timestamp {\n  source = "t"\n  format = "RFC3339"\n  action_on_failure = "x"\n}')).toContain(
      'invalid action on failure (supported values are [skip fudge])',
    );
  });
});
