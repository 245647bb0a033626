// logfmt decoding as go-logfmt decodes: bare and quoted values, JSON escapes, errors
// with byte positions; pairs before an error are kept.
import { describe, expect, it } from 'vitest';
import { decodeLogfmt } from '../src/index.js';

function decode(s: string): { pairs: string[]; err?: string } {
  const pairs: string[] = [];
  const err = decodeLogfmt(s, (k, v) => pairs.push(`${k}=${v}`));
  return err === undefined ? { pairs } : { pairs, err };
}

describe('decodeLogfmt', () => {
  it.each([
    ['a=1 b="x y" c= d', ['a=1', 'b=x y', 'c=', 'd=']],
    ['a=1\nb=2\r\nc=3', ['a=1', 'b=2', 'c=3']],
    ['msg="a \\"quoted\\" \\\\ \\u00e9\\t"', ['msg=a "quoted" \\ é\t']],
    ['e=\\u', ['e=\\u']], // escapes only mean something inside quotes
    ['k="\\ud83d\\ude00" l="\\ud83d"', ['k=😀', 'l=\ufffd']],
    ['  a=1   ', ['a=1']],
    ['é=ü', ['é=ü']],
    ['', []],
  ])('%j → %j', (s, want) => {
    expect(decode(s)).toEqual({ pairs: want });
  });

  it.each([
    ['a="open', ['logfmt syntax error at pos 8: unterminated quoted value', []]],
    ['=x', ["logfmt syntax error at pos 1: unexpected '='", []]],
    ['a=1 b"=2', ['logfmt syntax error at pos 6: unexpected \'"\'', ['a=1']]],
    ['a=b=c', ["logfmt syntax error at pos 4: unexpected '='", []]],
    ['a="\\x"', ['logfmt syntax error at pos 6: invalid quoted value', []]],
    ['a="tab\there"', ['logfmt syntax error at pos 12: invalid quoted value', []]], // control characters must be escaped
    ['é="x', ['logfmt syntax error at pos 6: unterminated quoted value', []]], // positions count bytes
  ])('%j fails with %s', (s, [err, pairs]) => {
    expect(decode(s as string)).toEqual({ pairs, err });
  });
});
