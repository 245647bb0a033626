// Stage blocks are decoded against the catalog of the selected release: which stages exist, their
// attributes, types, required fields and defaults come from the schema of loki.process.
import { parse, type Block } from '@alloy-lint/parser';
import type { BodySpec } from '@alloy-lint/schemas';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { evaluate } from '@alloy-lint/values';
import { describe, expect, it } from 'vitest';
import { decodeBody, innerSpec } from '../src/loki/decode.js';
import type { BuildEnv } from '../src/loki/types.js';
import { build } from './loki-helpers.js';

const args = loadSchemaCatalog('v1.18.1').component('loki.process')!.args!;

function decode(stage: string, body: string, spec: BodySpec = innerSpec(args, stage)!) {
  const { ast, source } = parse(`${stage} {\n${body}\n}`);
  const env = {
    evalAttr: (e, goType) => {
      const r = evaluate(e, undefined, { target: goType, source });
      if (r.error) throw new Error(r.error.message);
      return r.value!;
    },
  } as BuildEnv;
  return decodeBody(ast.body[0] as Block, spec, env);
}

describe('decoding stage blocks against the catalog', () => {
  it("fills the release's defaults for attributes left out", () => {
    expect(decode('stage.multiline', 'firstline = "^x"').v).toEqual({ firstline: '^x', max_lines: 128, max_wait_time: 3_000_000_000n, trim_newlines: true });
    expect(decode('stage.cri', '').v).toEqual({ max_partial_lines: 100, max_partial_line_size: 0, max_partial_line_size_truncate: false });
    expect(decode('stage.sampling', 'rate = 0.5').v).toEqual({ rate: 0.5, drop_counter_reason: 'sampling_stage' });
    expect(decode('stage.eventlogmessage', '').v.source).toBe('message');
  });

  it('converts by Go type: integers, floats, durations, byte sizes', () => {
    expect(decode('stage.limit', 'rate = 10\nburst = 20').v).toMatchObject({ rate: 10, burst: 20 });
    expect(decode('stage.drop', 'older_than = "1h"\nlonger_than = "1KiB"').v).toEqual({ older_than: 3_600_000_000_000n, longer_than: 1024 });
    expect(decode('stage.drop', 'longer_than = 300').v).toEqual({ longer_than: 300 });
    expect(() => decode('stage.drop', 'longer_than = "3 bananas"')).toThrow(/units: /);
  });

  it("reports unknown, repeated and missing fields with Alloy's messages", () => {
    expect(() => decode('stage.json', 'expresions = {}')).toThrow('unrecognized attribute name "expresions"');
    expect(() => decode('stage.json', 'source = "a"\nsource = "b"')).toThrow('attribute "source" may only be provided once');
    expect(() => decode('stage.regex', '')).toThrow('missing required attribute "expression"');
    expect(() => decode('stage.truncate', '')).toThrow('missing required block "rule"');
    expect(() => decode('stage.metrics', 'metric.summary {}')).toThrow('unrecognized block name "metric.summary"');
  });
});

describe('stages per release', () => {
  const SPLIT = 'stage.split_json {\n  source = "items"\n}';
  it('v1.18.1 has no stage.split_json: Alloy rejects the block', () => {
    expect(build(SPLIT)).toMatchObject({ error: 'unrecognized block name "stage.split_json"' });
  });

  it('v1.19.0-rc.3 has it; the simulation says it cannot run it', () => {
    const r = build(SPLIT, { catalog: loadSchemaCatalog('v1.19.0-rc.3') });
    expect(r).toMatchObject({ error: 'cannot simulate stage.split_json: the simulation has no stage.split_json stage' });
  });
});
