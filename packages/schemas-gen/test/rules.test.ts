// The rules generator on two small trees: a check found again, its message and values read from
// the release, and left out where the release lacks its place, field or code.
import { fileURLToPath } from 'node:url';
import { type ComponentSchema, loadCatalog } from '@alloy-lint/schemas';
import { describe, expect, it } from 'vitest';
import { type Catalogue, type CatalogueCheck, readCatalogue } from '../src/rules/checks.js';
import { Places } from '../src/rules/places.js';
import { releaseRules } from '../src/rules/release.js';
import { GoTree } from '../src/rules/source.js';
import { compactJson } from '../src/rules/write.js';

const tree = (name: string) => new GoTree(fileURLToPath(new URL(`../testdata/rules/${name}/`, import.meta.url)));

function places(version: string, attrs: string[]): Places {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'x.y', 'x-alloy-kind': 'component', 'x-alloy-name': 'x.y',
    'x-alloy-version': version, 'x-alloy-labelled': true, 'x-alloy-docs': '', type: 'object',
    properties: Object.fromEntries(attrs.map((a) => [a, { 'x-alloy-kind': 'attribute', 'x-alloy-type': 'string' }])),
  } as ComponentSchema;
  const index = { version, entries: [{ name: 'x.y', kind: 'component', stability: 'generally-available', community: false, file: 'x.json' }] };
  return new Places(loadCatalog(index, { 'x.json': schema }));
}

const FILE = 'internal/x/x.go';
const check = (c: Partial<CatalogueCheck> & Pick<CatalogueCheck, 'id' | 'kind' | 'fields' | 'message' | 'source'>): CatalogueCheck =>
  ({ applies: 'block', at: ['x.y'], phase: 'decode', via: 'Validate', ...c }) as CatalogueCheck;

const catalogue: Catalogue = readCatalogue({
  reference: 'ref',
  checks: [
    check({ id: 'both', kind: 'mutually_exclusive', fields: ['a', 'b'], message: 'at most one of a, b must be configured', source: { file: FILE, line: 19, code: 'return errBoth', messageFrom: 'errBoth' } }),
    check({
      id: 'mode', kind: 'allowed_values', fields: ['mode'], values: ['fast', 'slow'], message: 'mode must be fast or slow, got %q',
      source: { file: FILE, line: 22, code: 'return fmt.Errorf("mode must be fast or slow, got %q", a.Mode)', valuesFrom: 'package' },
    }),
    check({ id: 'n', kind: 'range', fields: ['n'], min: 0, minExclusive: true, message: 'n must be greater than 0', source: { file: FILE, line: 25, code: 'return fmt.Errorf("n must be greater than 0")' } }),
    check({ id: 'elsewhere', kind: 'non_empty', at: ['z.z'], fields: ['a'], message: 'a is required', source: { file: FILE, line: 19, code: 'return errBoth' } }),
  ],
});

describe('rules generator', () => {
  it('keeps every check of the reference release as written, with its line', () => {
    const { rules, report } = releaseRules(catalogue, 'ref', tree('ref'), places('ref', ['a', 'b', 'mode', 'n']), places('ref', ['a', 'b', 'mode', 'n']));
    expect(rules.map((r) => [r.id, r.upstream, r.message])).toEqual([
      ['both', `${FILE}:19@ref`, 'at most one of a, b must be configured'],
      ['mode', `${FILE}:22@ref`, 'mode must be fast or slow, got %q'],
      ['n', `${FILE}:25@ref`, 'n must be greater than 0'],
    ]);
    expect(report.absent).toEqual([{ id: 'elsewhere', reason: 'no block z.z' }]);
  });

  it("takes another release's messages and values from its source and leaves out what it lacks", () => {
    const ref = places('ref', ['a', 'b', 'mode', 'n']);
    const { rules, report } = releaseRules(catalogue, 'next', tree('next'), places('next', ['a', 'b', 'mode']), ref);
    expect(rules).toEqual([
      expect.objectContaining({ id: 'both', fields: ['a', 'b'], message: 'only one of a and b may be set', upstream: `${FILE}:20@next` }),
      expect.objectContaining({ id: 'mode', values: ['fast'], message: 'mode must be fast or turbo, got %q', upstream: `${FILE}:23@next` }),
    ]);
    expect(report.absent).toEqual([
      { id: 'n', reason: 'field n absent' },
      { id: 'elsewhere', reason: 'no block z.z' },
    ]);
    expect(report.values).toEqual([{ id: 'mode', dropped: ['slow'] }]);
    expect(report.messages.map((m) => m.id)).toEqual(['both', 'mode']);
  });

  it('leaves out a check whose code is gone even when its field stays', () => {
    const { report } = releaseRules(catalogue, 'next', tree('next'), places('next', ['a', 'b', 'mode', 'n']), places('ref', ['a', 'b', 'mode', 'n']));
    expect(report.absent[0]).toEqual({ id: 'n', reason: 'check not found' });
  });

  it('rejects a catalogue entry it cannot use, naming it', () => {
    expect(() => readCatalogue({ reference: 'r', checks: [{ id: 'a', kind: 'nope' }] })).toThrow(/entry 0 \(a\): unknown kind "nope"/);
    expect(() => readCatalogue({ reference: 'r', checks: [catalogue.checks[0], catalogue.checks[0]] })).toThrow(/duplicate id/);
  });

  it('writes short lists on one line', () => {
    expect(compactJson({ at: ['a', 'b'], n: [1, 2], o: [{ x: 1 }] })).toBe('{\n "at": ["a", "b"],\n "n": [1, 2],\n "o": [\n  {\n   "x": 1\n  }\n ]\n}\n');
  });
});
