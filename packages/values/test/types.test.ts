import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '@alloy-lint/parser';
import { array, bool, decode, float64, int64, NULL, object, optionalSecret, parseGoType, secret, string, typeOfValue, type Value } from '../src/index.js';
import { arrayOf, capsuleOf, constantFold, conversionProblem, isConstant, parseTypeName, printValue, staticTypeName, structOf, typeName, typeOf, type StaticType } from '../src/index.js';

const t = (src: string, env?: Record<string, StaticType>) => {
  const s = typeOf(parseExpression(src).expr, env);
  return s.kind === 'array' ? `array<${s.elem.kind}>` : staticTypeName(s);
};

describe('typeOf', () => {
  it.each([
    ['1', 'number'],
    ['"a" + "b"', 'string'],
    ['1 + 2.5', 'number'],
    ['x + 1', 'any'],
    ['1 < 2 && true', 'bool'],
    ['-x', 'number'],
    ['[1, 2]', 'array<number>'],
    ['[1, "a"]', 'array<any>'],
    ['{a = "x"}.a', 'string'],
    ['{a = "x"}["b"]', 'null'],
    ['[[1]][0]', 'array<number>'],
    ['string.format("%d", 1)', 'string'],
    ['string.split("a", ",")', 'array<string>'],
    ['encoding.from_json("1")', 'any'],
    ['encoding.from_base64("")', 'array<number>'],
    ['json_path("{}", "$")', 'array<any>'],
    ['array.concat([1])', 'array<number>'],
    ['array.concat([1], ["a"])', 'array<any>'],
    ['coalesce("a", "b")', 'string'],
    ['coalesce("a", 1)', 'any'],
    ['sys.env("X")', 'string'],
    ['constants.os', 'string'],
    ['string', 'object'],
    ['unknown.field', 'any'],
    ['null', 'null'],
  ])('%s : %s', (src, want) => {
    expect(t(src)).toBe(want);
  });

  it('uses the types of references first', () => {
    expect(t('targets', { targets: { kind: 'array', elem: { kind: 'object' } } })).toBe('array<object>');
    expect(t('string.to_upper("a")', { string: { kind: 'number' } })).toBe('any');
  });
});

describe('constantFold', () => {
  const fold = (src: string, opts?: Parameters<typeof constantFold>[1]) => {
    const r = constantFold(parseExpression(src).expr, opts);
    if (!r) return undefined;
    return r.error ? 'error: ' + r.error.message : printValue(r.value!);
  };

  it.each([
    ['1 + 2 * 3', '7'],
    ['string.to_upper("a") + "b"', '"Ab"'],
    ['[1, 2][5]', 'error: 5 index 5 is out of range of array with length 2'],
    ['x + 1', undefined],
    ['sys.env("HOME")', undefined],
    ['constants.os', undefined],
  ])('%s', (src, want) => {
    expect(fold(src)).toBe(want);
  });

  it('folds with known inputs', () => {
    expect(fold('sys.env("A")', { env: { A: 'x' } })).toBe('"x"');
    expect(fold('constants.arch', { constants: { arch: 'arm64' } })).toBe('"arm64"');
    expect(isConstant(parseExpression('x').expr, { scope: { x: { t: 'null' } } })).toBe(true);
  });
});

describe('package purity', () => {
  it('imports nothing from Node', () => {
    const dir = join(import.meta.dirname, '..', 'src');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect(i.startsWith('.') || i === '@alloy-lint/parser' || i === '@alloy-lint/gostd' || i === '@alloy-lint/gostd/regexp' || i === 'yaml', `${f} imports ${i}`).toBe(true);
      expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
    }
  });
});

describe('schema types and conversions (static decode rules)', () => {
  const P = parseTypeName;
  const problem = (from: string, to: string) => conversionProblem(P(from), P(to));

  it('parses and prints schema types', () => {
    for (const t of ['list(capsule(loki.LogsReceiver))', 'map(secret)', 'duration', 'optional_secret', 'list(map(string))', 'capsule(discovery.Target)', 'object']) {
      expect(typeName(P(t))).toBe(t);
    }
    expect(P('something(else)').kind).toBe('any');
  });

  it.each([
    // from, to, Alloy's message or undefined when it converts
    ['list(capsule(discovery.Target))', 'list(map(string))', undefined],
    ['list(object)', 'list(map(string))', undefined],
    ['object', 'capsule(discovery.Target)', undefined],
    ['number', 'string', undefined],
    ['string', 'number', undefined],
    ['optional_secret', 'string', undefined],
    ['optional_secret', 'number', undefined],
    ['optional_secret', 'bool', 'should be bool, got capsule'],
    ['string', 'secret', undefined],
    ['optional_secret', 'secret', undefined],
    ['secret', 'optional_secret', undefined],
    ['map(optional_secret)', 'map(string)', undefined],
    ['secret', 'string', 'secrets may not be converted into strings'],
    ['number', 'secret', 'should be capsule, got number'],
    ['bool', 'string', 'should be string, got bool'],
    ['capsule(loki.LogsReceiver)', 'list(capsule(loki.LogsReceiver))', 'should be array, got capsule'],
    ['list(capsule(discovery.Target))', 'capsule(loki.LogsReceiver)', 'should be capsule, got array'],
    ['list(capsule(discovery.Target))', 'capsule(relabel.Rules)', 'should be capsule, got array'],
    ['capsule(otelcol.Consumer)', 'capsule(loki.LogsReceiver)', 'expected capsule("loki.LogsReceiver"), got capsule("otelcol.Consumer")'],
    ['capsule(discovery.Target)', 'capsule(loki.LogsReceiver)', "target::ConvertInto: conversion to '*loki.LogsReceiver' is not supported"],
    ['string', 'capsule(discovery.Target)', "target::ConvertFrom: conversion from 'string' is not supported"],
    ['capsule(relabel.Rules)', 'capsule(discovery.Target)', "target::ConvertFrom: conversion from 'capsule(relabel.Rules)' is not supported"],
    ['capsule(otelcol.Consumer)', 'map(string)', 'should be object, got capsule'],
  ])('%s into %s', (from, to, want) => {
    expect(problem(from, to)?.message).toBe(want);
  });

  it('says where inside a value it fails', () => {
    expect(problem('list(capsule(discovery.Target))', 'list(capsule(loki.LogsReceiver))')).toEqual({ path: '[0]', message: "target::ConvertInto: conversion to '*loki.LogsReceiver' is not supported" });
    expect(conversionProblem(typeOf(parseExpression('{a = "x", b = true}').expr), P('map(string)'))).toEqual({ path: '.b', message: 'should be string, got bool' });
  });

  it('any and null convert into anything', () => {
    expect(problem('any', 'capsule(loki.LogsReceiver)')).toBeUndefined();
    expect(problem('null', 'list(string)')).toBeUndefined();
  });
});

describe('typeOf reports what fails on evaluation', () => {
  const problems = (src: string, env?: Record<string, StaticType>) => {
    const out: string[] = [];
    typeOf(parseExpression(src).expr, env, (p) => out.push(`${p.start}-${p.end} ${p.message}${p.fields ? ` [${p.fields.join(',')}]` : ''}`));
    return out;
  };

  it.each([
    ['constants.hostnme', ['10-17 field "hostnme" does not exist [hostname,os,arch,version]']],
    ['sys.envv("X")', ['4-8 field "envv" does not exist [env]']],
    ['{a = 1}.b', ['8-9 field "b" does not exist [a]']],
    ['{a = 1}["b"]', []],
    ['"x".y', ['0-3 cannot access field "y" on value of type string']],
    ['[1][0].z', ['0-6 cannot access field "z" on value of type number']],
    ['"a" - 1', ['0-3 should be one of [number] for binop -, got string']],
    ['"a" + 1', ['6-7 should be string, got number']],
    ['!1', ['1-2 should be bool, got number']],
    ['"s"()', ['0-3 should be function, got string']],
    ['unknown.x.y', []],
  ])('%s', (src, want) => {
    expect(problems(src)).toEqual(want);
  });

  it('knows capsules from the environment', () => {
    const env = { c: structOf(new Map([['input', capsuleOf('otelcol.Consumer')], ['targets', arrayOf(capsuleOf('discovery.Target'))]])) };
    expect(problems('c.input.x', env)).toEqual(['0-7 expected object or array or a capsule convertible to an object, got capsule']);
    expect(problems('c.targets[0].job', env)).toEqual([]);
    expect(typeName(typeOf(parseExpression('c.targets[0]["job"]').expr, env))).toBe('string');
    expect(typeName(typeOf(parseExpression('array.concat(c.targets, [{}])').expr, env))).toBe('list(any)');
    expect(typeName(typeOf(parseExpression('array.concat(c.targets, c.targets)').expr, env))).toBe('list(capsule(discovery.Target))');
  });
});

describe('the static conversion rules never reject what decoding accepts', () => {
  const values: [string, Value][] = [
    ['"5"', string('5')],
    ['"x"', string('x')],
    ['"5s"', string('5s')],
    ['1', int64(1n)],
    ['1.5', float64(1.5)],
    ['true', bool(true)],
    ['null', NULL],
    ['["a"]', array([string('a')])],
    ['[1]', array([int64(1n)])],
    ['{a = "x"}', object(new Map([['a', string('x')]]))],
    ['{a = 1}', object(new Map([['a', int64(1n)]]))],
    ['secret', secret('s')],
    ['optional "5"', optionalSecret('5', false)],
    ['optional secret', optionalSecret('x', true)],
  ];
  const targets: [string, string][] = [
    ['string', 'string'],
    ['number', 'int64'],
    ['bool', 'bool'],
    ['duration', 'time.Duration'],
    ['secret', 'alloytypes.Secret'],
    ['optional_secret', 'alloytypes.OptionalSecret'],
    ['list(string)', '[]string'],
    ['list(number)', '[]float64'],
    ['map(string)', 'map[string]string'],
    ['map(secret)', 'map[string]alloytypes.Secret'],
  ];
  for (const [schema, go] of targets) {
    it(`into ${schema}`, () => {
      for (const [name, v] of values) {
        let decodes = true;
        try {
          decode(v, parseGoType(go));
        } catch {
          decodes = false;
        }
        const problem = conversionProblem(typeOfValue(v), parseTypeName(schema));
        if (decodes) expect(problem, `${name} decodes into ${schema}`).toBeUndefined();
      }
    });
  }
});
