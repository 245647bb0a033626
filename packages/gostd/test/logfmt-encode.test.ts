// logfmt encoding as go-logfmt's MarshalKeyvals writes it (cases after its encoder tests).
import { describe, expect, it } from 'vitest';
import { logfmtValue, marshalLogfmt, type LogfmtValue } from '../src/index.js';

describe('marshalLogfmt', () => {
  it.each<[string, LogfmtValue, string]>([
    // (titles show the key and case number: vitest cannot print bigints)
    ['k', 'v', 'k=v'],
    ['k', null, 'k=null'],
    ['k', '', 'k='],
    ['k', 'null', 'k="null"'],
    ['k', '<nil>', 'k=<nil>'],
    ['k', true, 'k=true'],
    ['k', 1n, 'k=1'],
    ['k', 1.025, 'k=1.025'],
    ['k', 1e-3, 'k=0.001'],
    ['k', 1e21, 'k=1e+21'],
    ['k', 3, 'k=3'],
    ['k', 'v v', 'k="v v"'],
    ['k', ' ', 'k=" "'],
    ['k', '"', 'k="\\""'],
    ['k', '=', 'k="="'],
    ['k', '\\', 'k=\\'],
    ['k', '=\\', 'k="=\\\\"'],
    ['k', '\\"', 'k="\\\\\\""'],
    ['k', '\ufffd\x00', 'k="\ufffd\\u0000"'],
    ['k', 'a\tb\nc\rd\x01', 'k="a\\tb\\nc\\rd\\u0001"'],
    ['k', 'del\x7f', 'k="del\x7f"'],
    ['k', 'é', 'k=é'],
    ['k', new Uint8Array([0x61, 0xbd]), 'k="a\\ufffd"'],
    ['k', new Uint8Array([0x6e, 0x75, 0x6c, 0x6c]), 'k=null'],
    ['k', new Map([['a', 1]]), 'k="unsupported value type"'],
    ['k', [1, 2], 'k="unsupported value type"'],
    ['k=', 'v', 'k=v'],
    ['a b"c', 'v', 'abc=v'],
  ])('key %s: case %#', (k, v, want) => {
    expect(marshalLogfmt([[k, v]])).toEqual({ line: want });
  });

  it('pairs are separated by one space; an empty key fails the whole line', () => {
    expect(marshalLogfmt([['a', '1'], ['b', 2n]])).toEqual({ line: 'a=1 b=2' });
    expect(marshalLogfmt([['a', '1'], ['\ufffd', 'v']])).toEqual({ error: 'invalid key' });
    expect(marshalLogfmt([['', 'v']])).toEqual({ error: 'invalid key' });
    expect(logfmtValue('x y')).toBe('"x y"');
  });
});
