import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parse, parseExpression, type Expr } from '../src/index.js';

function messages(text: string | Uint8Array): string[] {
  const { source, diagnostics } = parse(text);
  return diagnostics.map((d) => {
    const p = source.position(d.start);
    return `${p.line}:${p.column}: ${d.message}`;
  });
}

/** Renders an expression tree with explicit parentheses. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'Binary': return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'Unary': return `(${e.op}${shape(e.value)})`;
    case 'Literal': return e.raw;
    case 'Identifier': return e.name;
    case 'Access': return `${shape(e.value)}.${e.name.name}`;
    case 'Index': return `${shape(e.value)}[${shape(e.index)}]`;
    case 'Call': return `${shape(e.value)}(${e.args.map(shape).join(', ')})`;
    case 'Paren': return `(${shape(e.inner)})`;
    case 'Array': return `[${e.elements.map(shape).join(', ')}]`;
    case 'Object': return `{${e.fields.map((f) => `${f.name.name}=${shape(f.value)}`).join(', ')}}`;
    case 'Bad': return '<bad>';
  }
}

describe('expressions', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['2 ^ 3 ^ 2', '(2 ^ (3 ^ 2))'],
    ['-2 ^ 2', '((-2) ^ 2)'],
    ['a || b && c == d', '(a || (b && (c == d)))'],
    ['1 < 2 == 3 > 4', '(((1 < 2) == 3) > 4)'],
    ['10 - 2 - 3', '((10 - 2) - 3)'],
    ['!a.b[0](1)', '(!a.b[0](1))'],
    ['-[1][0]', '(-[1][0])'],
    ['{a = 1, "b c" = 2}.a', '{a=1, b c=2}.a'],
  ])('%s', (src, want) => {
    const r = parseExpression(src);
    expect(r.diagnostics).toEqual([]);
    expect(shape(r.expr)).toBe(want);
  });

  it('rejects trailing tokens', () => {
    expect(parseExpression('1 2').diagnostics.map((d) => d.message)).toEqual(['expected TERMINATOR, got NUMBER']);
  });
});

describe('ranges', () => {
  it('gives byte offsets, Alloy line/column and UTF-16 offsets', () => {
    const text = 'é = "ü"\nb = 1\n';
    const { ast, source } = parse(text);
    const [first, second] = ast.body;
    expect(first.kind).toBe('Attribute');
    expect([first.start, first.end]).toEqual([0, 9]);
    expect(source.position(second.start)).toEqual({ line: 2, column: 1, offset: 10 });
    expect(source.utf16Offset(second.start)).toBe(8);
  });

  it('spans blocks from name to closing brace', () => {
    const text = 'a.b "l" {\n  x = [1, 2]\n}\n';
    const { ast } = parse(text);
    const b = ast.body[0];
    expect(b.kind === 'Block' && text.slice(b.start, b.end)).toBe(text.trimEnd());
    if (b.kind !== 'Block') return;
    expect(b.label).toBe('l');
    expect(text.slice(b.labelSpan!.start, b.labelSpan!.end)).toBe('"l"');
    const attr = b.body[0];
    expect(text.slice(attr.start, attr.end)).toBe('x = [1, 2]');
  });

  it('keeps comments in groups of adjacent lines', () => {
    const { ast } = parse('// a\n// b\n\n// c\nx = 1 // d\n');
    expect(ast.comments.map((g) => g.map((c) => c.text))).toEqual([['// a', '// b'], ['// c'], ['// d']]);
  });
});

describe('Alloy diagnostics', () => {
  it.each([
    ['a = [1,\n2\n]\n', ["2:2: missing ',' in expression list"]],
    ['a = "x\\q"\n', ['1:8: unknown escape sequence']],
    ['a = "\\400"\n', ['1:7: escape sequence is invalid Unicode code point']],
    ['a = "\\xZ1"\n', ["1:7: illegal character U+005A 'Z' in escape sequence"]],
    ['a = "abc\n', ['1:5: string literal not terminated']],
    ['/* open', ['1:1: block comment not terminated']],
    ['a = #\n', ["1:5: illegal character U+0023 '#'", '1:5: expected expression, got ILLEGAL']],
    ['a = 1\u0000\n', ['1:6: illegal character NUL', '1:6: illegal character U+0000', '1:6: expected TERMINATOR, got ILLEGAL']],
    ['\ufeffa = 1\n', []],
    ['a = 1\n\ufeff', ['2:1: illegal byte order mark', '2:1: expected identifier, got ILLEGAL']],
    ['a = 1 & 2\n', ['1:8: missing second & in &&']],
    ['a {\n', ['2:1: expected }, got EOF']],
    ['a = \n', ['2:1: expected expression, got EOF']],
  ])('%j', (src, want) => {
    expect(messages(src)).toEqual(want);
  });

  it('reports invalid UTF-8 by byte position', () => {
    expect(messages(new Uint8Array([0x61, 0x20, 0x3d, 0x20, 0x22, 0xff, 0x22, 0x0a]))).toEqual(['1:6: illegal UTF-8 encoding']);
  });

  it('handles CRLF line endings', () => {
    expect(messages('a = 1\r\nb {\r\n  c = 2\r\n}\r\n')).toEqual([]);
  });

  it('reports nesting deeper than the limit instead of overflowing the stack', () => {
    const deep = 'a = ' + '['.repeat(MAX_DEPTH * 20) + '\n';
    const r = parse(deep);
    expect(r.diagnostics.some((d) => d.message.includes('nesting deeper'))).toBe(true);
    const okDepth = 'a = ' + '['.repeat(200) + ']'.repeat(200) + '\n';
    expect(parse(okDepth).diagnostics).toEqual([]);
  });

  it('always returns a tree', () => {
    const r = parse('a = 1\nb = [\nc { d = }\n');
    expect(r.ast.kind).toBe('File');
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('attribute name ranges', () => {
  it('end in bytes for non-ASCII names', () => {
    const text = 'ñame = 1\n';
    const a = parse(text).ast.body[0];
    expect(a.kind === 'Attribute' && [a.name.start, a.name.end]).toEqual([0, 5]);
  });
});
