// Grammar vectors written from the OTTL language docs (contrib pkg/ottl LANGUAGE.md and the
// ottlfuncs examples): what must parse, into what, and what must fail, where.
import { describe, expect, it } from 'vitest';
import { parseCondition, parseStatement, parseValueExpression, type BoolExpr, type Statement, type Value } from '../src/index.js';

const ok = (text: string): Statement => {
  const r = parseStatement(text);
  expect(r.errors, text).toEqual([]);
  return r.ast!;
};
const cond = (text: string): BoolExpr => {
  const r = parseCondition(text);
  expect(r.errors, text).toEqual([]);
  return r.ast!;
};
const val = (text: string): Value => {
  const r = parseValueExpression(text);
  expect(r.errors, text).toEqual([]);
  return r.ast!;
};
const firstError = (r: { errors: { message: string; start: number; end: number }[] }) => r.errors[0];

describe('statements', () => {
  it('an editor call with a path and a literal', () => {
    const s = ok('set(attributes["http.path"], "/foo")');
    expect(s.editor).toMatchObject({ kind: 'Call', name: 'set', editor: true });
    expect(s.editor.args[0].value).toMatchObject({ kind: 'Path', fields: [{ name: 'attributes', keys: [{ value: { kind: 'String', value: 'http.path' } }] }] });
    expect(s.editor.args[1].value).toMatchObject({ kind: 'String', value: '/foo' });
    expect(s.where).toBeUndefined();
  });

  it('a where clause with and/or/not and parentheses', () => {
    const s = ok('set(severity_text, "FAIL") where body == "request failed" and not (x == 1 or IsMatch(name, "a.*"))');
    expect(s.where).toMatchObject({ kind: 'And', items: [{ kind: 'Compare', op: '==' }, { kind: 'Not', expr: { kind: 'Or' } }] });
  });

  it('context-qualified paths keep the context apart from the fields', () => {
    const s = ok('set(resource.attributes["k8s.pod.name"], span.attributes["pod"])');
    expect(s.editor.args[0].value).toMatchObject({ context: { name: 'resource' }, fields: [{ name: 'attributes' }] });
    expect(s.editor.args[1].value).toMatchObject({ context: { name: 'span' }, fields: [{ name: 'attributes' }] });
  });

  it('a first segment with keys is a field, not a context', () => {
    const v = val('cache["a"]["b"].c');
    expect(v).toMatchObject({ kind: 'Path', fields: [{ name: 'cache', keys: [{}, {}] }, { name: 'c' }] });
    expect((v as { context?: unknown }).context).toBeUndefined();
  });

  it('nested keys, int keys and path keys', () => {
    const v = val('body["items"][0][attributes["k"]]');
    expect(v).toMatchObject({ fields: [{ name: 'body', keys: [{ value: { kind: 'String' } }, { value: { kind: 'Int', value: 0n } }, { value: { kind: 'Path' } }] }] });
  });

  it('named arguments and a bare function name as an argument', () => {
    const s = ok('replace_pattern(name, "^kube_([0-9A-Za-z]+_)", "k8s.$$1.", function = SHA256, replacement_format = "x%s")');
    expect(s.editor.args.map((a) => a.name?.name)).toEqual([undefined, undefined, undefined, 'function', 'replacement_format']);
    expect(s.editor.args[3].value).toMatchObject({ kind: 'Enum', name: 'SHA256' });
    const t = ok('replace_all_patterns(attributes, "value", "a", "b", ConvertCase)');
    expect(t.editor.args[4].value).toMatchObject({ kind: 'FuncName', name: 'ConvertCase' });
  });

  it('literals: ints with sign, floats, bytes, booleans, nil, escapes', () => {
    const s = ok('set(attributes["a"], [-1, +2, 1.5, .5, -2.5e3, 0xDEAD, true, false, nil, "tab\\there \\"q\\" \\u00e9"])');
    const items = (s.editor.args[1].value as { items: Value[] }).items;
    expect(items.map((i) => i.kind)).toEqual(['Int', 'Int', 'Float', 'Float', 'Float', 'Bytes', 'Bool', 'Bool', 'Nil', 'String']);
    expect(items.slice(0, 5).map((i) => (i as { value: unknown }).value)).toEqual([-1n, 2n, 1.5, 0.5, -2500]);
    expect(Array.from((items[5] as { value: Uint8Array }).value)).toEqual([0xde, 0xad]);
    expect((items[9] as { value: string }).value).toBe('tab\there "q" é');
  });

  it('maps and lists', () => {
    const s = ok('merge_maps(attributes, {"a": 1, "b": {"c": [1, 2]}, "d": nil}, "upsert")');
    expect(s.editor.args[1].value).toMatchObject({ kind: 'Map', entries: [{ key: { value: 'a' } }, { key: { value: 'b' }, value: { kind: 'Map' } }, { key: { value: 'd' } }] });
  });

  it('math: * and / bind tighter than + and -, parentheses group', () => {
    const v = val('attributes["a"] + 2 * (3 - Len(name)) / 4');
    expect(v).toMatchObject({ kind: 'Math', op: '+', right: { kind: 'Math', op: '/', left: { kind: 'Math', op: '*', right: { kind: 'Paren' } } } });
  });

  it('a converter with keys after the call', () => {
    const v = val('ParseJSON(body)["level"]');
    expect(v).toMatchObject({ kind: 'Call', name: 'ParseJSON', keys: [{ value: { value: 'level' } }] });
  });

  it('converter names are glued from the case-split tokens', () => {
    expect(ok('set(x, IsMatch(body, "a"))').editor.args[1].value).toMatchObject({ name: 'IsMatch' });
    expect(ok('set(x, SHA256("a"))').editor.args[1].value).toMatchObject({ name: 'SHA256' });
  });

  it('enums', () => {
    const c = cond('kind == SPAN_KIND_SERVER and status.code != STATUS_CODE_ERROR');
    expect(c).toMatchObject({ items: [{ right: { kind: 'Enum', name: 'SPAN_KIND_SERVER' } }, { left: { context: { name: 'status' }, fields: [{ name: 'code' }] } }] });
  });

  it('list comprehensions', () => {
    const v = val('[x for x in attributes["list"] if x != "b"]');
    expect(v).toMatchObject({ kind: 'Comprehension', ident: { name: 'x' }, list: { kind: 'Path' }, cond: { kind: 'Compare' } });
  });
});

describe('conditions', () => {
  it('a converter alone, true alone', () => {
    expect(cond('IsMatch(body, ".*password.*")')).toMatchObject({ kind: 'Const', value: { kind: 'Call' } });
    expect(cond('true')).toMatchObject({ kind: 'Const', value: { kind: 'Bool', value: true } });
  });

  it('a parenthesised math value compared, against a parenthesised condition', () => {
    expect(cond('(1 + 2) * 3 == 9')).toMatchObject({ kind: 'Compare', left: { kind: 'Math', op: '*' } });
    expect(cond('(a == 1)')).toMatchObject({ kind: 'Compare', op: '==' });
    expect(cond('not(IsMatch(x, "y"))')).toMatchObject({ kind: 'Not', expr: { kind: 'Const' } });
  });

  it('or binds looser than and', () => {
    expect(cond('a == 1 or b == 2 and c == 3')).toMatchObject({ kind: 'Or', items: [{ kind: 'Compare' }, { kind: 'And' }] });
  });
});

describe('errors carry exact offsets', () => {
  it('missing closing paren', () => {
    const text = 'set(name, "a"';
    expect(firstError(parseStatement(text))).toMatchObject({ start: text.length, end: text.length, message: expect.stringContaining('")"') });
  });

  it('an unknown character', () => {
    expect(firstError(parseStatement('set(name, "a") where name == $x'))).toMatchObject({ start: 29, end: 30, message: 'invalid character "$"' });
  });

  it('a path alone is not a condition', () => {
    expect(firstError(parseCondition('attributes["a"]'))).toMatchObject({ start: 0, end: 15 });
  });

  it('a converter as the statement, an editor as a value, an indexed editor', () => {
    expect(firstError(parseStatement('Set(name, "a")'))).toMatchObject({ start: 0, end: 3, message: "editor names must start with a lowercase letter but got 'Set'" });
    expect(firstError(parseStatement('set(name, concat(["a"], ""))'))).toMatchObject({ start: 10, end: 16, message: expect.stringContaining('uppercase') });
    expect(firstError(parseStatement('set(name, "a")["k"]'))).toMatchObject({ start: 14, message: expect.stringContaining('indexed') });
  });

  it('a sign glued to a number makes it one token, as in contrib (`1 -1` is two values)', () => {
    expect(parseStatement('set(x, 1 -1)').errors.length).toBeGreaterThan(0);
    expect(parseStatement('set(x, 1 - 1)').errors).toEqual([]);
  });

  it('a bad escape in a string', () => {
    expect(firstError(parseStatement('replace_pattern(name, "\\d+", "")'))).toMatchObject({ start: 22, end: 27, message: expect.stringContaining('escape') });
  });

  it('several errors are reported after recovery', () => {
    const r = parseStatement('set(attributes["a" "b"], ) where name == ');
    expect(r.errors.length).toBeGreaterThanOrEqual(2);
    expect(r.errors[0].start).toBe(19);
  });

  it('deep nesting is reported, not recursed into', () => {
    const text = 'set(x, ' + '['.repeat(5000) + ']'.repeat(5000) + ')';
    expect(firstError(parseStatement(text)).message).toContain('nested');
  });

  it('an empty text', () => {
    expect(firstError(parseStatement('  '))).toMatchObject({ message: 'empty statement' });
  });
});
