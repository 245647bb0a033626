// Templates and JMESPath expressions come from configs: any depth or size gives an error, never a
// stack overflow or a hang. Each case below overflowed the stack (or ran for hours) before.
import { MAX_DEPTH } from '@alloy-lint/parser';
import { describe, expect, it } from 'vitest';
import { compileTemplate, TemplateError } from '../src/loki/index.js';
import { MAX_EXEC_DEPTH, MAX_EXEC_STEPS } from '../src/loki/template/exec.js';
import { configError, one } from './loki-helpers.js';

const N = 100_000;
const tooDeep = `nesting deeper than ${MAX_DEPTH} levels is not supported`;
const compileError = (src: string) => {
  try {
    compileTemplate(src);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  return undefined;
};
const execError = (src: string) => {
  try {
    compileTemplate(src).execute(new Map());
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
};

describe('templates from a config', () => {
  it('nested if/with/range blocks past the limit are a parse error', () => {
    expect(compileError('{{ if 1 }}'.repeat(N) + '{{ end }}'.repeat(N))).toBe(tooDeep);
    expect(compileError('{{ with 1 }}'.repeat(MAX_DEPTH - 1) + 'x' + '{{ end }}'.repeat(MAX_DEPTH - 1))).toBeUndefined();
  });

  it('an else-if chain past the limit is a parse error', () => {
    expect(compileError('{{ if 0 }}' + '{{ else if 0 }}'.repeat(N) + '{{ end }}')).toBe(tooDeep);
  });

  it('nested parentheses past the limit are a parse error', () => {
    expect(compileError('{{ ' + '('.repeat(N) + '1' + ')'.repeat(N) + ' }}')).toBe(tooDeep);
    expect(compileTemplate('{{ ' + '('.repeat(MAX_DEPTH - 1) + '1' + ')'.repeat(MAX_DEPTH - 1) + ' }}').execute(new Map())).toBe('1');
  });

  it('a template that calls itself stops at the template depth', () => {
    expect(execError('{{ define "x" }}{{ template "x" }}{{ end }}{{ template "x" }}')).toBe(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
  });

  it('a huge range stops after the step budget', () => {
    expect(execError('{{ range 100000000000 }}{{ end }}')).toBe(`template execution exceeded ${MAX_EXEC_STEPS.toLocaleString('en')} steps`);
  });
});

describe('JMESPath expressions from a config', () => {
  it('an expression of 100k operators is a config error', () => {
    for (const expr of ['a' + '.a'.repeat(N), '('.repeat(N) + 'a' + ')'.repeat(N), 'a' + ' || a'.repeat(N), '!'.repeat(N) + 'a']) {
      expect(configError(`stage.json {\n  expressions = { x = "${expr}" }\n}`)).toContain(`more than ${MAX_DEPTH} operators`);
    }
  });

  it('an expression within the limit runs', () => {
    const out = one(`stage.json {\n  expressions = { x = "${'a' + '.a'.repeat(MAX_DEPTH - 1)}" }\n}`, '{"a":{"a":1}}');
    expect(out.extracted).toEqual({ x: null });
  });
});

describe('template calls with many arguments', () => {
  it('print of 200k operands (a spread call overflowed the stack)', () => {
    const args = Array.from({ length: 200_000 }, () => '1').join(' ');
    expect(compileTemplate(`{{ print ${args} }}`).execute(new Map())).toBe(Array.from({ length: 200_000 }, () => '1').join(' '));
  });
});
