import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '@alloy-lint/parser';
import { constantFold, isConstant, printValue, staticTypeName, typeOf, type StaticType } from '../src/index.js';

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
