import { describe, expect, it } from 'vitest';
import { describe as describeCmd, describeJson, describeText, diffCatalogs, formatDiff, loadCatalog, type ComponentSchema } from '../src/index.js';
import { loadSchemaCatalog } from '../src/node.js';

const v117 = loadSchemaCatalog('v1.17.1');
const v118 = loadSchemaCatalog('v1.18.1');

function tiny(version: string, props: Record<string, unknown>, exports: Record<string, unknown> = {}) {
  const schema: ComponentSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'x.y', type: 'object',
    'x-alloy-kind': 'component', 'x-alloy-name': 'x.y', 'x-alloy-version': version, 'x-alloy-stability': 'experimental',
    'x-alloy-labelled': true, 'x-alloy-docs': 'https://example/x.y/',
    properties: props as ComponentSchema['properties'], required: ['a'], 'x-alloy-exports': exports as ComponentSchema['x-alloy-exports'],
  };
  const index = { version, entries: [{ name: 'x.y', kind: 'component', stability: 'experimental', community: false, file: 'components/x.y.json' }] };
  return loadCatalog(index, { 'components/x.y.json': schema });
}

describe('describe', () => {
  it('json lists every registered component with its stability', () => {
    const j = describeJson(v118);
    expect(j.version).toBe('v1.18.1');
    expect(j.components).toHaveLength(184);
    const lw = j.components.find((c) => c.name === 'loki.write')!;
    expect(lw).toMatchObject({ stability: 'generally-available', community: false, exports: [{ name: 'receiver', type: 'capsule(loki.LogsReceiver)' }] });
    expect(lw.attributes).toContainEqual({ path: ['endpoint', 'batch_wait'], type: 'duration', required: false, default: '1s' });
    expect(lw.blocks).toContainEqual({ path: ['endpoint'], required: false, repeatable: true, labelled: false });
    const lp = describeJson(v118, ['loki.process']).components[0];
    expect(lp.blocks.some((b) => b.path.join('/') === 'stage.match/stage.json')).toBe(true);
    expect(() => describeJson(v118, ['no.such'])).toThrow(/unknown component/);
  });

  it('describe() renders the command output', () => {
    const list = describeCmd(v118);
    expect(list).toContain('Alloy v1.18.1: 184 components');
    expect(list).toMatch(/otelcol\.exporter\.datadog +community/);
    expect(list).toContain('Config blocks: logging, tracing');
    expect(JSON.parse(describeCmd(v118, ['loki.write'], 'json')).components[0].name).toBe('loki.write');
    expect(describeCmd(v118, ['logging'])).toContain('Config block, stability: generally-available');
    expect(() => describeCmd(v118, ['nope'])).toThrow(/unknown component/);
  });

  it('text reads as a reference', () => {
    const t = describeText(v118.info('loki.write')!, 'v1.18.1');
    expect(t).toContain('loki.write (Alloy v1.18.1)');
    expect(t).toContain('stability: generally-available');
    expect(t).toMatch(/endpoint {2}\[optional, repeatable\]/);
    expect(t).toMatch(/url +string +required/);
    expect(t).toMatch(/batch_wait +duration +optional {2}default "1s"/);
    expect(t).toMatch(/receiver +capsule\(loki\.LogsReceiver\)/);
    expect(t).toContain('https://grafana.com/docs/alloy/latest/reference/components/loki/loki.write/');
  });
});

describe('diffCatalogs', () => {
  it('names the components added in 1.18', () => {
    const d = diffCatalogs(v117, v118);
    expect(d.from).toBe('v1.17.1');
    expect(d.componentsAdded.map((c) => c.name)).toEqual(['database_observability.sql_server', 'discovery.aws', 'otelcol.connector.signaltometrics']);
    expect(d.componentsRemoved).toEqual([]);
    expect(d.changes).toContainEqual({ component: 'otelcol.processor.k8sattributes', change: 'attribute-added', path: ['watch_sync_period'], to: 'duration' });
    const text = formatDiff(d);
    expect(text).toContain('+ discovery.aws (generally-available)');
    expect(text).toContain('Components added (3)');
  });

  it('reports types, defaults, required and exports on small catalogs', () => {
    const a = tiny('v1', {
      a: { 'x-alloy-kind': 'attribute', 'x-alloy-type': 'string', default: 'x' },
      gone: { 'x-alloy-kind': 'attribute', 'x-alloy-type': 'bool' },
      blk: { 'x-alloy-kind': 'block', 'x-alloy-repeatable': false, 'x-alloy-labelled': false, type: 'object', properties: {} },
    }, { out: { 'x-alloy-type': 'string' } });
    const b = tiny('v2', {
      a: { 'x-alloy-kind': 'attribute', 'x-alloy-type': 'number', default: 1 },
      added: { 'x-alloy-kind': 'attribute', 'x-alloy-type': 'bool' },
      nb: { 'x-alloy-kind': 'block', 'x-alloy-repeatable': true, 'x-alloy-labelled': false, type: 'array', items: { type: 'object', properties: { inner: { 'x-alloy-kind': 'attribute', 'x-alloy-type': 'string' } } } },
    }, { out: { 'x-alloy-type': 'number' } });
    const kinds = diffCatalogs(a, b).changes.map((c) => `${c.change}:${c.path.join('>')}`).sort();
    expect(kinds).toEqual([
      'attribute-added:added', 'attribute-removed:gone', 'block-added:nb', 'block-removed:blk',
      'default-changed:a', 'export-type-changed:out', 'type-changed:a',
    ]);
    expect(formatDiff(diffCatalogs(a, a))).toContain('No changes.');
  });

  it('loadCatalog rejects what is not an index', () => {
    expect(() => loadCatalog({}, {})).toThrow(/not a schema index/);
  });
});
