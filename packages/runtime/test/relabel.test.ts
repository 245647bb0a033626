import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse, type Block } from '@alloy-lint/parser';
import { evaluate } from '@alloy-lint/values';
import { compileRules, relabel, relabelTrace, rulesFromBlocks, type RelabelRule } from '../src/relabel/index.js';

function run(rules: RelabelRule[], labels: Record<string, string>) {
  const c = compileRules(rules);
  if ('error' in c) throw new Error(c.error);
  return relabel(c.rules, labels);
}

function errorOf(rules: RelabelRule[]): string | null {
  const c = compileRules(rules);
  return 'error' in c ? c.error : null;
}

describe('relabel actions', () => {
  it('replace uses the defaults: regex (.*), replacement $1, separator ;', () => {
    expect(run([{ source_labels: ['a', 'b'], target_label: 'c' }], { a: 'x', b: 'y' })).toEqual({ a: 'x', b: 'y', c: 'x;y' });
  });

  it('anchors the regex on both sides', () => {
    const rules = [{ source_labels: ['a'], regex: 'o+', target_label: 'hit', replacement: 'yes' }];
    expect(run(rules, { a: 'foo' })).toEqual({ a: 'foo' });
    expect(run(rules, { a: 'oo' })).toEqual({ a: 'oo', hit: 'yes' });
  });

  it('lets `.` match newlines (the s flag)', () => {
    expect(run([{ source_labels: ['a'], regex: 'x.y', target_label: 'm', replacement: 'ok' }], { a: 'x\ny' })).toEqual({ a: 'x\ny', m: 'ok' });
  });

  it('expands groups in target_label and replacement', () => {
    const rules = [{ source_labels: ['k'], regex: '(\\w+)=(\\w+)', target_label: 'tag_${1}', replacement: '${2}!' }];
    expect(run(rules, { k: 'env=prod' })).toEqual({ k: 'env=prod', tag_env: 'prod!' });
  });

  it('deletes the target when the replacement expands to nothing', () => {
    expect(run([{ source_labels: ['missing'], regex: '.*', target_label: 'a', replacement: '$1' }], { a: 'x' })).toEqual({});
  });

  it('treats empty input values as absent', () => {
    expect(run([{ source_labels: ['a'], regex: '', action: 'keep' }], { a: '' })).toEqual({});
  });

  it('keep and drop return null when the target goes', () => {
    expect(run([{ source_labels: ['a'], regex: 'x', action: 'keep' }], { a: 'y' })).toBeNull();
    expect(run([{ source_labels: ['a'], regex: 'x', action: 'drop' }], { a: 'x' })).toBeNull();
    expect(run([{ source_labels: ['a'], regex: 'x', action: 'drop' }], { a: 'y' })).toEqual({ a: 'y' });
  });

  it('keepequal and dropequal compare with target_label (missing is "")', () => {
    expect(run([{ source_labels: ['a'], target_label: 'b', action: 'keepequal' }], { a: '1', b: '1' })).toEqual({ a: '1', b: '1' });
    expect(run([{ source_labels: ['a'], target_label: 'b', action: 'keepequal' }], { a: '1' })).toBeNull();
    expect(run([{ source_labels: ['a'], target_label: 'b', action: 'dropequal' }], { a: '1', b: '1' })).toBeNull();
  });

  it('hashmod takes bytes 8..15 of the MD5 digest modulo the modulus', () => {
    const digest = createHash('md5').update('10.0.0.1:9100').digest();
    const want = (digest.readBigUInt64BE(8) % 7n).toString();
    expect(run([{ source_labels: ['addr'], modulus: 7, target_label: 'shard', action: 'hashmod' }], { addr: '10.0.0.1:9100' })).toEqual({
      addr: '10.0.0.1:9100',
      shard: want,
    });
  });

  it('lowercase and uppercase map code points one by one', () => {
    expect(run([{ source_labels: ['a'], target_label: 'b', action: 'lowercase' }], { a: 'İSTANBUL' }).b).toBe('istanbul');
    expect(run([{ source_labels: ['a'], target_label: 'b', action: 'uppercase' }], { a: 'straße' }).b).toBe('STRAßE');
    expect(run([{ source_labels: ['a'], target_label: 'b', action: 'lowercase' }], { a: 'ΟΔΟΣ' }).b).toBe('οδοσ');
  });

  it('labelmap copies matching labels under new names and keeps the old ones', () => {
    const out = run([{ regex: '__meta_kubernetes_pod_label_(.+)', action: 'labelmap' }], { __meta_kubernetes_pod_label_app: 'web', job: 'x' });
    expect(out).toEqual({ __meta_kubernetes_pod_label_app: 'web', app: 'web', job: 'x' });
  });

  it('labeldrop and labelkeep match names', () => {
    expect(run([{ regex: '__.*', action: 'labeldrop' }], { __a: '1', b: '2' })).toEqual({ b: '2' });
    expect(run([{ regex: 'b|c', action: 'labelkeep' }], { a: '1', b: '2', c: '3' })).toEqual({ b: '2', c: '3' });
  });

  it('stops at the first rule that drops', () => {
    const c = compileRules([
      { source_labels: ['a'], regex: 'x', action: 'drop' },
      { target_label: 'never', replacement: 'set' },
    ]);
    if ('error' in c) throw new Error(c.error);
    const t = relabelTrace(c.rules, { a: 'x' });
    expect(t.result).toBeNull();
    expect(t.steps).toHaveLength(1);
    expect(t.steps[0]).toMatchObject({ rule: 0, action: 'drop', before: { a: 'x' }, after: null });
  });
});

describe('relabel validation', () => {
  it('reports Alloy messages', () => {
    expect(errorOf([{ action: 'replace' }])).toBe("relabel configuration for replace action requires 'target_label' value");
    expect(errorOf([{ action: 'hashmod', target_label: 'x' }])).toBe('relabel configuration for hashmod requires non-zero modulus');
    expect(errorOf([{ action: 'labeldrop', source_labels: [] }])).toBe("labeldrop action requires only 'regex', and no other fields");
    expect(errorOf([{ action: 'keepequal', target_label: 'x', regex: 'a' }])).toBe(
      "keepequal action requires only 'source_labels' and 'target_label', and no other fields",
    );
    expect(errorOf([{ action: 'uppercase', target_label: 'x', replacement: 'y' }])).toBe("'replacement' can not be set for uppercase action");
    expect(errorOf([{ action: 'labelmap', replacement: 'a-b' }])).toBe('"a-b" is invalid \'replacement\' for labelmap action');
    expect(errorOf([{ target_label: '1${1}' }])).toBe('"1${1}" is invalid \'target_label\' for replace action');
    expect(errorOf([{ action: 'Keep' }])).toBe('"Keep" unrecognized action type "Keep"');
  });

  it('quotes the regex and gives Go\'s parse error for the wrapped pattern', () => {
    expect(errorOf([{ source_labels: ['a'], regex: '(x', target_label: 'b' }])).toBe('"(x" error parsing regexp: missing closing ): `^(?s:(x)$`');
  });

  it('accepts UTF-8 target labels without $', () => {
    expect(errorOf([{ target_label: 'with-dash' }])).toBeNull();
  });

  it('checks every rule before any is used, first failure wins', () => {
    expect(errorOf([{ target_label: 'ok' }, { action: 'nope' }, { action: 'replace' }])).toBe('"nope" unrecognized action type "nope"');
  });
});

describe('rulesFromBlocks', () => {
  const blocksOf = (text: string): Block[] => {
    const { ast } = parse(`discovery.relabel "x" {\n${text}\n}`);
    return (ast.body[0] as Block).body.filter((s): s is Block => s.kind === 'Block');
  };
  const evalExpr = (e: Parameters<typeof evaluate>[0]) => evaluate(e);

  it('decodes rule blocks with Alloy conversions', () => {
    const r = rulesFromBlocks(
      blocksOf(`rule {
  source_labels = ["a", "b"]
  separator     = "-"
  target_label  = "c"
}
rule {
  action       = "hashmod"
  modulus      = 4
  target_label = "shard"
  replacement  = 12
}`),
      evalExpr,
    );
    expect(r).toEqual({
      rules: [
        { source_labels: ['a', 'b'], separator: '-', target_label: 'c' },
        { action: 'hashmod', modulus: 4, target_label: 'shard', replacement: '12' },
      ],
    });
  });

  it('reports unknown attributes and evaluation errors', () => {
    expect(rulesFromBlocks(blocksOf('rule {\n  colour = "red"\n}'), evalExpr)).toEqual({ error: 'unrecognized attribute name "colour"' });
    const bad = rulesFromBlocks(blocksOf('rule {\n  source_labels = "a"\n}'), evalExpr);
    expect('error' in bad).toBe(true);
  });

  it('accepts plain JS values from the evaluator', () => {
    const r = rulesFromBlocks(blocksOf('rule {\n  target_label = x\n}'), () => 'from_scope');
    expect(r).toEqual({ rules: [{ target_label: 'from_scope' }] });
  });
});
