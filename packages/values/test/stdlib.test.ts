import { describe, expect, it } from 'vitest';
import { DEPRECATED_IDENTIFIERS, EXPERIMENTAL_IDENTIFIERS, STDLIB_IDENTIFIERS } from '../src/index.js';
import { run, typed, value } from './helpers.js';

describe('string', () => {
  it.each([
    ['string.format("Hello %s", "World")', '"Hello World"'],
    ['string.format("%05d|%x|%o|%c|%U", 42, 255, 8, 65, 233)', '"00042|ff|10|A|U+00E9"'],
    ['string.format("%t %v %s", 1, null, null)', '"%!t(int=1) <nil> %!s(<nil>)"'],
    ['string.format("%v %v", 1)', '"1 %!v(MISSING)"'],
    ['string.format("no verbs", 1)', '"no verbs%!(EXTRA int=1)"'],
    ['string.format("%v", {b = 1, a = [2, "x"]})', '"map[a:[2 x] b:1]"'],
    ['string.format("%T %T %T", [1], 1.5, "s")', '"[]interface {} float64 string"'],
    ['string.format("%*d|%-4d|%+.2f", 5, 42, 7, 3.14159)', '"   42|7   |+3.14"'],
    ['string.format("%e %g %v", 123456.789, 1e-7, 1e21)', '"1.234568e+05 1e-07 1e+21"'],
    ['string.format("%q %#v %X", "hi", "s", "hi")', '"\\"hi\\" \\"s\\" 6869"'],
    ['string.join(["a", 1], "-")', '"a-1"'],
    ['string.join(encoding.from_base64("aGk="), ",")', '"104,105"'],
    ['string.replace("aaa", "a", "b")', '"bbb"'],
    ['replace("", "", "x")', '"x"'],
    ['string.split("a,b,,c", ",")', '["a", "b", "", "c"]'],
    ['string.split("héllo", "")', '["h", "é", "l", "l", "o"]'],
    ['string.split("", ",")', '[""]'],
    ['string.to_upper("ﬁ ı ǆ")', '"ﬁ I Ǆ"'],
    ['string.to_lower("İÀ")', '"ià"'],
    ['string.trim("?!hello?!", "!?")', '"hello"'],
    ['string.trim_space("\\u00a0 x \\u2003\\n")', '"x"'],
    ['string.trim_space("\\ufeffx")', '"\\ufeffx"'],
    ['string.trim_prefix("foobar", "foo")', '"bar"'],
    ['string.trim_suffix("foobar", "bar")', '"foo"'],
    ['string.to_lower(1)', '"1"'],
    ['string.to_lower(null)', '""'],
  ])('%s', (src, want) => {
    expect(run(src)).toBe(want);
  });

  it.each([
    ['string.to_lower()', '1:1: string.to_lower expected 1 args, got 0'],
    ['string.format()', '1:1: string.format expected at least 1 args, got 0'],
    ['string.to_lower(true)', '1:17: true should be string, got bool'],
    ['string.join([1, true], ",")', '1:17: true should be string, got bool'],
    ['to_lower(string.to_lower())', '1:10: string.to_lower expected 1 args, got 0'],
  ])('%s fails', (src, want) => {
    expect(run(src)).toBe('error: ' + want);
  });
});

describe('encoding', () => {
  it.each([
    ['encoding.from_json("{\\"a\\": [1, 2.5, null]}")', '{\n\ta = [1, 2.5, null],\n}'],
    ['encoding.from_yaml("a: [1, 2]\\nb: {c: d}")', '{\n\ta = [1, 2],\n\tb = {\n\t\tc = "d",\n\t},\n}'],
    ['encoding.from_yaml("2001-12-14")', '"2001-12-14T00:00:00Z"'],
    ['encoding.from_yaml("1: a")', 'capsule("map[interface {}]interface {}")'],
    ['encoding.from_yaml("")', 'null'],
    ['encoding.to_json({b = 2, a = {c = [1, "x", true, null]}})', '"{\\"a\\":{\\"c\\":[1,\\"x\\",true,null]},\\"b\\":2}"'],
    ['encoding.to_json({"<>&" = 1e21})', '"{\\"\\\\u003c\\\\u003e\\\\u0026\\":1e+21}"'],
    ['encoding.to_base64("hi?")', '"aGk/"'],
    ['encoding.to_URLbase64("hi?")', '"aGk_"'],
    ['encoding.from_base64("+/8=")', '[251, 255]'],
    ['encoding.url_encode("a b&é~")', '"a+b%26%C3%A9~"'],
    ['encoding.url_decode("a+b%20c")', '"a b c"'],
  ])('%s', (src, want) => {
    expect(run(src)).toBe(want);
  });

  it('keeps YAML ints as ints and JSON numbers as floats', () => {
    expect(typed(value('encoding.from_yaml("[1, 1.5, 0x10, 18446744073709551615]")'))).toBe('[int:1 float64:1.5 int:16 uint64:18446744073709551615]');
    expect(typed(value('encoding.from_json("[1, 1.5]")'))).toBe('[float64:1 float64:1.5]');
  });

  it.each([
    ['encoding.from_json("{")', '1:1: encoding.from_json unexpected end of JSON input'],
    ['encoding.from_json("[1,]")', "1:1: encoding.from_json invalid character ']' looking for beginning of value"],
    ['encoding.from_json("{\\"a\\":1} x")', "1:1: encoding.from_json invalid character 'x' after top-level value"],
    ['encoding.from_json("1e400")', '1:1: encoding.from_json json: cannot unmarshal number 1e400 into Go value of type float64'],
    ['encoding.from_yaml("a: b: c")', '1:1: encoding.from_yaml yaml: mapping values are not allowed in this context'],
    ['encoding.from_yaml("a: 1\\na: 2")', '1:1: encoding.from_yaml yaml: unmarshal errors:\n  line 2: mapping key "a" already defined at line 1'],
    ['encoding.from_yaml("{")', '1:1: encoding.from_yaml yaml: line 1: did not find expected node content'],
    ['encoding.from_base64("x")', '1:1: encoding.from_base64 illegal base64 data at input byte 0'],
    ['encoding.from_URLbase64("aGVsbG8")', '1:1: encoding.from_URLbase64 illegal base64 data at input byte 4'],
    ['encoding.url_decode("%zz")', '1:1: encoding.url_decode invalid URL escape "%zz"'],
    ['encoding.to_json([1])', '1:1: encoding.to_json jsonEncode only supports map'],
  ])('%s fails', (src, want) => {
    expect(run(src)).toBe('error: ' + want);
  });
});

describe('array, coalesce, json_path, file, sys', () => {
  it.each([
    ['array.concat([1], [], ["a"])', '[1, "a"]'],
    ['concat()', '[]'],
    ['coalesce(null, "", 0, [], {}, "x")', '"x"'],
    ['coalesce(false, false)', 'false'],
    ['coalesce()', 'null'],
    ['coalesce(0.0, 2)', '2'],
    ['array.combine_maps([{a = 1, b = 1}], [{a = 1, c = 2}], ["a"])', '[{\n\ta = 1,\n\tb = 1,\n\tc = 2,\n}]'],
    ['array.combine_maps([{a = 1}], [{a = 1.0}], ["a"])', '[]'],
    ['array.combine_maps([{a = 1}, {a = 2}], [{a = 2, z = 0}], ["a"], true)', '[{\n\ta = 1,\n}, {\n\ta = 2,\n\tz = 0,\n}]'],
    ['array.group_by([{k = "x", n = 1}, {n = 2}], "k", true)', '[{\n\titems = [{\n\t\tk = "x",\n\t\tn = 1,\n\t}],\n\tk = "x",\n}]'],
    ['json_path("{\\"a\\": [{\\"b\\": 1}, {\\"b\\": 2}]}", "$.a[?(@.b > 1)].b")', '[2]'],
    ['json_path("{\\"a\\": [1, 2, 3, 4]}", "$.a[1:3]")', '[2, 3]'],
    ['json_path("{\\"a\\": [1, 2, 3]}", "$.a[-1]")', '[3]'],
    ['json_path("{\\"a\\": {\\"b\\": {\\"c\\": 5}}}", "$..c")', '[5]'],
    ['json_path("{\\"a\\": \\"b\\"}", ".nope")', '[]'],
    ['file.path_join("/", "a", "..", "b")', '"/b"'],
    ['file.path_join("a/", "/b/")', '"a/b"'],
    ['file.path_join()', '""'],
  ])('%s', (src, want) => {
    expect(run(src)).toBe(want);
  });

  it.each([
    ['array.concat([1], 2)', '1:19: 2 should be array, got number'],
    ['array.concat(null)', '-:  should be array, got null'],
    ['array.group_by([{k = "x"}], "k")', 'group_by: expected 3 arguments, got 2'],
    ['array.group_by([{k = 1}], "k", false)', '1:22: 1 should be string, got number'],
    ['array.combine_maps([], [], [])', '1:28: [] combine_maps: merge conditions must not be empty'],
    ['array.combine_maps([], [])', 'combine_maps: expected 3 or 4 arguments, got 2'],
    ['sys.env("A", "B")', '1:1: sys.env expected 1 args, got 2'],
  ])('%s fails', (src, want) => {
    expect(run(src)).toBe('error: ' + want);
  });

  it('reads the environment it is given', () => {
    expect(run('sys.env("HOME") + env("X")', { env: { HOME: '/h', X: '!' } })).toBe('"/h!"');
    expect(run('sys.env("toString")')).toBe('""');
  });

  it('exposes namespaces as objects of functions', () => {
    expect(run('file')).toBe('{\n\tpath_join = function,\n}');
    expect(run('constants.os')).toBe('"linux"');
  });

  it('lists identifiers', () => {
    expect(STDLIB_IDENTIFIERS).toContain('json_path');
    expect(DEPRECATED_IDENTIFIERS.has('to_lower')).toBe(true);
    expect(EXPERIMENTAL_IDENTIFIERS.has('array.group_by')).toBe(true);
  });
});
