// The checker against the catalogues: contexts, inference of the flat form, functions, arity, enums.
import { describe, expect, it } from 'vitest';
import { check, checkStatements } from '../src/index.js';

const rules = (text: string, ...args: Parameters<typeof check> extends [unknown, unknown, ...infer R] ? R : never) =>
  check('statement', text, ...args).problems.map((p) => `${p.rule}@${p.start}-${p.end}`);

describe('paths', () => {
  it('a path without a context belongs to the block context', () => {
    expect(rules('set(attributes["a"], name)', { context: 'span' })).toEqual([]);
    expect(rules('set(status.code, 1)', { context: 'span' })).toEqual([]);
    expect(rules('set(attributes["a"], resource.attributes["b"])', { context: 'datapoint' })).toEqual([]);
  });

  it('unknown segments, a context not reachable from here', () => {
    expect(rules('set(attributes["a"], nme)', { context: 'span' })).toEqual(['ottl-unknown-path@21-24']);
    expect(rules('set(attributes["a"], 1)', { context: 'metric' })).toEqual(['ottl-unknown-path@4-14']);
    expect(rules('set(name, log.body)', { context: 'span' })).toEqual(['ottl-unknown-path@10-13']);
    expect(rules('set(name, status.codes)', { context: 'span' })).toEqual(['ottl-unknown-path@17-22']);
    expect(rules('set(name["x"], "a")', { context: 'span' })).toEqual(['ottl-unknown-path@8-13']);
  });

  it('the flat form infers the most specific context named and wants every path qualified', () => {
    const r = check('statement', 'set(metric.description, "x") where datapoint.attributes["t"] == "p"', { signal: 'metric' });
    expect(r.context).toBe('datapoint');
    expect(r.problems).toEqual([]);
    expect(rules('set(attributes["a"], "b")', { signal: 'trace' })).toEqual(['ottl-unknown-path@4-19']);
    expect(rules('set(span.attributes["a"], log.body)', { signal: 'trace' })).toEqual(['ottl-unknown-path@26-29']);
  });

  it('cache is the main context\'s', () => {
    expect(rules('merge_maps(cache, ParseJSON(body), "upsert")', { context: 'log' })).toEqual([]);
    expect(rules('set(log.cache["a"], 1)', { signal: 'log' })).toEqual([]);
  });
});

describe('functions', () => {
  it('unknown names, wrong case, component-only functions', () => {
    expect(rules('delete_kee(attributes, "a")', { context: 'span' })).toEqual(['ottl-unknown-function@0-10']);
    expect(rules('set(name, Concatenate(["a"], ""))', { context: 'span' })).toEqual(['ottl-unknown-function@10-21']);
    expect(rules('convert_sum_to_gauge()', { context: 'metric' }, { host: 'transform' })).toEqual([]);
    expect(rules('convert_sum_to_gauge()', { context: 'datapoint' }, { host: 'transform' })).toEqual(['ottl-unknown-function@0-20']);
    expect(rules('set_semconv_span_name("1.37.0")', { context: 'span' }, { host: 'filter' })).toEqual(['ottl-unknown-function@0-21']);
  });

  it('arity: too few, too many, optionals', () => {
    expect(rules('set(name)', { context: 'span' })).toEqual(['ottl-arity@0-9']);
    expect(rules('set(name, "a", "b")', { context: 'span' })).toEqual(['ottl-arity@15-18']);
    expect(rules('replace_pattern(name, "a", "b", SHA256)', { context: 'span' })).toEqual([]);
    expect(rules('set(name, Concat(["a"]))', { context: 'span' })).toEqual(['ottl-arity@10-23']);
    expect(rules('set(name, "a") where IsMatch(name)', { context: 'span' })).toEqual(['ottl-arity@21-34']);
  });
});

describe('enums', () => {
  it('known per context', () => {
    expect(rules('set(kind, SPAN_KIND_SERVER)', { context: 'span' })).toEqual([]);
    expect(rules('set(kind, SPAN_KIND_SERVR)', { context: 'span' })).toEqual(['ottl-unknown-path@10-25']);
    expect(check('condition', 'severity_number < SEVERITY_NUMBER_WARN', { context: 'log' }).problems).toEqual([]);
    expect(check('condition', 'metric.type == METRIC_DATA_TYPE_SUM', { context: 'datapoint' }).problems).toEqual([]);
  });
});

it('checkStatements gives one list per statement', () => {
  expect(checkStatements('log', ['set(body, "a")', 'set(body'])).toMatchObject([[], [{ rule: 'ottl-syntax' }]]);
});
