import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_BLOCKS, generate, type GenerateResult } from '../src/generate.js';
import { componentInfo, type ComponentSchema } from '@alloy-lint/schemas';

const fixture = fileURLToPath(new URL('../testdata/mini', import.meta.url));
let res: GenerateResult;
const schema = (name: string) => res.files.get(`components/${name}.json`) as unknown as ComponentSchema;
const props = (s: unknown) => (s as { properties: Record<string, Record<string, unknown>> }).properties;

beforeAll(async () => {
  res = await generate({
    src: fixture,
    version: 'v0.0.1',
    configBlocks: CONFIG_BLOCKS.filter((b) => b.name === 'logging' || b.name === 'declare'),
  });
});

describe('generator on the mini fixture', () => {
  it('finds registrations through internal/component/all, honouring build constraints', () => {
    const comps = res.index.entries.filter((e) => e.kind === 'component');
    expect(comps.map((e) => e.name)).toEqual(['demo.const', 'demo.widget', 'other.thing']);
    expect(comps.find((e) => e.name === 'demo.widget')).toMatchObject({ stability: 'generally-available', community: false, file: 'components/demo.widget.json' });
    expect(comps.find((e) => e.name === 'demo.const')?.stability).toBe('experimental');
    expect(comps.find((e) => e.name === 'other.thing')).toMatchObject({ stability: 'undefined', community: true });
  });

  it('maps Go types to Alloy types', () => {
    const p = props(schema('demo.widget'));
    const t = (n: string) => p[n]['x-alloy-type'];
    expect(t('url')).toBe('string');
    expect(t('timeout')).toBe('duration');
    expect(t('size')).toBe('string');
    expect(t('labels')).toBe('map(string)');
    expect(t('ports')).toBe('list(number)');
    expect(p.ports.type).toBe('array');
    expect(t('ratio')).toBe('number');
    expect(t('password')).toBe('secret');
    expect(t('content')).toBe('optional_secret');
    expect(t('level')).toBe('string');
    expect(t('forward_to')).toBe('list(capsule(common.LogsReceiver))');
    expect(t('appendable')).toBe('capsule(storage.Appendable)');
    expect(t('anything')).toBe('any');
    expect(t('object')).toBe('object');
    expect(props(p.object)).toHaveProperty('x');
    expect(t('extra')).toBe('string');
    expect(p).not.toHaveProperty('internal');
    expect(p).not.toHaveProperty('Untagged');
  });

  it('records types from outside the tree as unresolved any', () => {
    const p = props(schema('demo.widget'));
    expect(p.mystery['x-alloy-type']).toBe('any');
    expect(p.mystery['x-alloy-unresolved']).toContain('github.com/example/external.Thing');
    expect(res.unresolved.get('github.com/example/external.Thing')).toBe(1);
  });

  it('evaluates defaults from SetToDefault and Default vars', () => {
    const p = props(schema('demo.widget'));
    expect(p.timeout.default).toBe('10s');
    expect(p.size.default).toBe('2MiB');
    expect(p.labels.default).toEqual({ env: 'prod' });
    expect(p.ports.default).toEqual([80, 443]);
    expect(p.ratio.default).toBe(0.5);
    expect(p.level.default).toBe('info');
    expect(p.follow_redirects.default).toBe(true); // squashed, from CloneDefaultHTTPClient()
    expect(p.url).not.toHaveProperty('default');
    const endpoint = props((p.endpoint as { items: unknown }).items);
    expect(endpoint.wait.default).toBe('1s');
    const backoff = props(p.backoff);
    expect(backoff.min_period.default).toBe('500ms');
    expect(backoff.max_period.default).toBe('5m0s');
  });

  it('finds allowed values in UnmarshalText and Validate', () => {
    const p = props(schema('demo.widget'));
    expect(p.level.enum).toEqual(['debug', 'info', 'warn']);
    expect(p.action.enum).toEqual(['keep', 'drop']);
    expect(p.mode.enum).toEqual(['fast', 'slow']);
  });

  it('handles squash, blocks, labels, enums and recursion', () => {
    const s = schema('demo.widget');
    const p = props(s);
    expect(s.required).toEqual(['url', 'forward_to', 'endpoint']);
    expect(p.bearer_token['x-alloy-type']).toBe('secret');
    expect(p.tls_config).toMatchObject({ 'x-alloy-kind': 'block', 'x-alloy-repeatable': false });
    expect(p.endpoint).toMatchObject({ 'x-alloy-repeatable': true, 'x-alloy-labelled': false, minItems: 1, type: 'array' });
    expect(p.rule).toMatchObject({ 'x-alloy-repeatable': false, 'x-alloy-labelled': true });
    expect(Object.keys(props(p.rule))).toEqual(['keep']);
    expect(p['stage.json']).toMatchObject({ 'x-alloy-enum': 'stage', 'x-alloy-repeatable': true });
    expect(p['stage.match']).toMatchObject({ items: { $ref: '#/$defs/demo.MatchStage' } });
    const match = s.$defs?.['demo.MatchStage'];
    expect(match?.properties).toHaveProperty('stage.match');
    expect(match?.required).toEqual(['selector']);
    const info = componentInfo(s);
    expect(info.blocks.map((b) => b.path.join('>'))).toContain('stage.match>stage.json');
    expect(info.blocks.map((b) => b.path.join('>'))).toContain('stage.match>stage.match');
    expect(info.attributes.find((a) => a.path.join('>') === 'stage.match>stage.json>expressions')?.type).toBe('map(string)');
  });

  it('writes exports, stability, docs and no exports for nil', () => {
    const s = schema('demo.widget');
    expect(s['x-alloy-exports']).toEqual({
      receiver: { 'x-alloy-kind': 'attribute', 'x-alloy-type': 'capsule(common.LogsReceiver)' },
      targets: expect.objectContaining({ 'x-alloy-type': 'list(map(string))' }),
    });
    expect(s['x-alloy-docs']).toBe('https://grafana.com/docs/alloy/latest/reference/components/demo/demo.widget/');
    expect(schema('demo.const')['x-alloy-exports']).toEqual({});
    expect(props(schema('demo.const')).enabled['x-alloy-type']).toBe('bool');
    expect(schema('other.thing').properties).toEqual({});
  });

  it('generates config blocks', () => {
    const logging = res.files.get('blocks/logging.json') as Record<string, unknown>;
    expect(logging['x-alloy-kind']).toBe('config-block');
    expect(props(logging).level).toMatchObject({ default: 'info', enum: ['debug', 'info', 'warn'] });
    expect(props(logging).format.default).toBe('logfmt');
    const declare = res.files.get('blocks/declare.json') as Record<string, unknown>;
    expect(declare).toMatchObject({ 'x-alloy-free-form': true, 'x-alloy-labelled': true });
  });
});
