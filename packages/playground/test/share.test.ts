// The share codec: any state round-trips through a link; any fragment decodes to a state or
// an error, never an exception; an inflation bomb is refused.
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, MAX_STATE_BYTES, type PlaygroundState, readSettings, shareLink, STABILITY_LEVELS } from '../src/share.js';
import { property } from '../../../test/support/property.js';

const state = fc.record({
  config: fc.string({ unit: 'binary' }),
  samples: fc.string(),
  test: fc.string(),
  settings: fc.record({
    alloyVersion: fc.constantFrom('v1.17.1', 'v1.18.1', 'v1.19.0-rc.3'),
    stabilityLevel: fc.constantFrom(...STABILITY_LEVELS),
    communityComponents: fc.boolean(),
    rules: fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== '__proto__'), fc.constantFrom('error', 'warning', 'info', 'off')),
  }),
}) as fc.Arbitrary<PlaygroundState>;

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('share links', () => {
  it('round-trip every state (property)', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(decodeState(encodeState(s))).toEqual(s);
      }),
      property('packages/playground/test/share.test.ts', 300),
    );
  });

  it('are URL-safe and short for the seed-sized config', () => {
    const config = 'loki.write "default" {\n\tendpoint {\n\t\turl = "http://loki:3100/loki/api/v1/push"\n\t}\n}\n'.repeat(10);
    const link = shareLink({ config, samples: '', test: '', settings: readSettings({}) }, 'https://example.org/p/');
    expect(link).toMatch(/^https:\/\/example\.org\/p\/#v1\.[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(config.length / 3);
  });

  it('decode any fragment without throwing (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string().map((s) => `v1.${s}`), fc.uint8Array().map((b) => `#v1.${b64url(b)}`)), (f) => {
      const r = decodeState(f);
      expect(typeof r).toBe('object');
    }), property('packages/playground/test/share.test.ts', 500));
  });

  it('explain what is wrong with a damaged link', () => {
    expect(decodeState('#hello')).toEqual({ error: 'the link holds no playground state (expected #v1.…)' });
    expect(decodeState('#v1.***')).toEqual({ error: 'the link is damaged: not base64url' });
    expect(decodeState('#v1.AAAA')).toEqual({ error: `the link is damaged or unpacks to more than ${MAX_STATE_BYTES} bytes` });
    expect(decodeState(`#v1.${b64url(deflateSync(new TextEncoder().encode('[1,2]')))}`)).toEqual({ error: 'the link is damaged: not a playground state' });
  });

  it('refuse a fragment that inflates past the cap', () => {
    const bomb = deflateSync(new Uint8Array(MAX_STATE_BYTES + 1024).fill(32), { level: 9 });
    expect(bomb.length).toBeLessThan(10000);
    expect(decodeState(`v1.${b64url(bomb)}`)).toEqual({ error: `the link is damaged or unpacks to more than ${MAX_STATE_BYTES} bytes` });
  });

  it('keep only known settings values', () => {
    expect(readSettings({ alloyVersion: '<script>', stabilityLevel: 'beta', communityComponents: 'yes', rules: { a: 'error', b: 'loud', c: 3 } })).toEqual({
      alloyVersion: 'v1.18.1',
      stabilityLevel: 'generally-available',
      communityComponents: false,
      rules: { a: 'error' },
    });
  });
});
