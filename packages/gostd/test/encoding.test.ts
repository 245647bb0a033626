// encoding/base64, net/url query escaping, path.Clean/filepath.Join, template.HTMLEscapeString.
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, cleanPath, htmlEscapeString, pathJoin, queryEscape, queryUnescape } from '../src/index.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('base64', () => {
  it.each([
    ['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy'],
  ])('%j ↔ %s (RFC 4648 vectors)', (plain, enc) => {
    expect(base64Encode(plain)).toBe(enc);
    expect(text(base64Decode(enc))).toBe(plain);
  });

  it('uses the URL alphabet when asked', () => {
    expect(base64Encode(Uint8Array.from([0xfb, 0xff]), true)).toBe('-_8=');
    expect(base64Encode(Uint8Array.from([0xfb, 0xff]))).toBe('+/8=');
    expect(Array.from(base64Decode('-_8=', true))).toEqual([0xfb, 0xff]);
  });

  it.each([
    ['Zg', 'illegal base64 data at input byte 0'],
    ['Zg=', 'illegal base64 data at input byte 3'],
    ['Z===', 'illegal base64 data at input byte 1'],
    ['Zm9v!', 'illegal base64 data at input byte 4'],
    ['Zg==Zg==', 'illegal base64 data at input byte 4'],
  ])('%j fails with %s', (s, msg) => {
    expect(() => base64Decode(s)).toThrow(expect.objectContaining({ message: msg }));
  });

  it('skips newlines', () => {
    expect(text(base64Decode('Zm9v\r\nYmFy\n'))).toBe('foobar');
  });
});

describe('url query escaping', () => {
  it('escapes like url.QueryEscape (encodeURIComponent leaves !\'()* alone)', () => {
    expect(queryEscape("a b!'()*~é/?&=")).toBe('a+b%21%27%28%29%2A~%C3%A9%2F%3F%26%3D');
    expect(encodeURIComponent("!'()*")).toBe("!'()*");
  });
  it('unescapes like url.QueryUnescape', () => {
    expect(queryUnescape('a+b%21%C3%A9')).toBe('a b!é');
    expect(() => queryUnescape('%zz')).toThrow(expect.objectContaining({ message: 'invalid URL escape "%zz"' }));
    expect(() => queryUnescape('ab%4')).toThrow(expect.objectContaining({ message: 'invalid URL escape "%4"' }));
  });
});

describe('paths', () => {
  it.each([
    ['', '.'], ['abc', 'abc'], ['abc/def/', 'abc/def'], ['a//c', 'a/c'], ['abc/./def', 'abc/def'], ['abc/../..', '..'],
    ['/../abc', '/abc'], ['/', '/'], ['abc/def/../ghi/../jkl', 'abc/jkl'], ['../../abc', '../../abc'],
  ])('Clean(%j) = %j', (p, want) => {
    expect(cleanPath(p)).toBe(want);
  });
  it('joins like filepath.Join', () => {
    expect(pathJoin(['a', 'b', 'c'])).toBe('a/b/c');
    expect(pathJoin(['a', '', 'c'])).toBe('a/c');
    expect(pathJoin(['', ''])).toBe('');
    expect(pathJoin(['/', 'a/../b'])).toBe('/b');
  });
});

describe('htmlEscapeString', () => {
  it('escapes like text/template', () => {
    expect(htmlEscapeString(`<a href="x">'&'</a>\0`)).toBe('&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;\ufffd');
  });
});
