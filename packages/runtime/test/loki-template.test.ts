import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../src/loki/index.js';
import { one } from './loki-helpers.js';

const render = (src: string, data: Record<string, string> = {}) => compileTemplate(src).execute(new Map(Object.entries(data)));

describe('Go templates', () => {
  it('prints fields, and <no value> for missing keys', () => {
    expect(render('{{ .a }}-{{ .missing }}', { a: 'x' })).toBe('x-<no value>');
  });

  it('pipes the previous value as the last argument', () => {
    expect(render('{{ .a | ToUpper | printf "%s!" }}', { a: 'hi' })).toBe('HI!');
    expect(render('{{ Replace .a "o" "0" -1 }}', { a: 'foo' })).toBe('f00');
    expect(render('{{ Replace .a "o" "0" 1 }}', { a: 'foo' })).toBe('f0o');
  });

  it('supports if/else if/else with eq and comparisons', () => {
    const t = '{{ if eq .s "200" }}ok{{ else if eq .s "404" "410" }}gone{{ else }}other{{ end }}';
    expect(render(t, { s: '200' })).toBe('ok');
    expect(render(t, { s: '410' })).toBe('gone');
    expect(render(t, { s: '500' })).toBe('other');
    expect(render('{{ if lt 1 2 }}y{{ end }}')).toBe('y');
  });

  it('trims whitespace around {{- and -}}', () => {
    expect(render('a  {{- .x -}}  b', { x: '1' })).toBe('a1b');
  });

  it('has variables, range and with', () => {
    expect(render('{{ $n := .a }}{{ $n }}{{ $n }}', { a: 'z' })).toBe('zz');
    expect(render('{{ range $i, $p := splitList "," .a }}{{ $i }}={{ $p }};{{ end }}', { a: 'x,y' })).toBe('0=x;1=y;');
    expect(render('{{ with .a }}[{{ . }}]{{ else }}none{{ end }}', { a: '' })).toBe('none');
  });

  it('runs sprig and pipeline helper functions', () => {
    expect(render('{{ add 1 2 3 }} {{ sub 5 7 }} {{ div 7 2 }}')).toBe('6 -2 3');
    expect(render('{{ trim "  x  " }}|{{ TrimSpace "\\t y " }}|{{ Trim "--x--" "-" }}')).toBe('x|y|x');
    expect(render('{{ default "d" .missing }} {{ default "d" .a }}', { a: 'v' })).toBe('d v');
    expect(render('{{ regexReplaceAll "(\\\\d+)" .a "<$1>" }}', { a: 'a1b22' })).toBe('a<1>b<22>');
    expect(render('{{ Sha2Hash "" "abc" }}')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(render('{{ Hash "" "abc" }}')).toBe('3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532');
    expect(render('{{ toJson (list 1 "a") }}')).toBe('[1,"a"]');
  });

  it('rejects unknown functions and bad syntax when parsing', () => {
    expect(() => compileTemplate('{{ nosuch .a }}')).toThrow(/not defined/);
    expect(() => compileTemplate('{{{ .a }}}')).toThrow();
    expect(() => compileTemplate('{{ if .a }}x')).toThrow(/EOF/);
  });

  it('fails at run time on a wrong argument type or a missing comparison operand', () => {
    expect(() => render('{{ ToLower .missing }}')).toThrow(/invalid value/);
    expect(() => render('{{ if eq .missing "x" }}y{{ end }}')).toThrow(/invalid value/);
    expect(() => render('{{ eq 1 "1" }}')).toThrow(/incompatible types/);
    expect(render('{{ print .missing }}')).toBe('<nil>');
  });
});

describe('stage.template', () => {
  it('sets the source key, removes it when the result is empty, and leaves it alone on errors', () => {
    const base = 'stage.regex {\n  expression = "(?P<v>\\\\w+)"\n}\n';
    expect(one(base + 'stage.template {\n  source = "v"\n  template = "{{ .Value }}-{{ .Entry }}"\n}', 'abc').extracted!.v).toBe('abc-abc');
    expect(one(base + 'stage.template {\n  source = "v"\n  template = "{{ if false }}x{{ end }}"\n}', 'abc').extracted).not.toHaveProperty('v');
    expect(one(base + 'stage.template {\n  source = "v"\n  template = "{{ ToLower .nothing }}"\n}', 'ABC').extracted!.v).toBe('ABC');
  });
});
