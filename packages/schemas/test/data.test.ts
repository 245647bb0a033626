import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ALLOY_KEYWORDS, JSON_SCHEMA_DRAFT } from '../src/index.js';
import { DATA_DIR as root } from '../src/node.js';
const versions = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const read = (v: string, f: string) => JSON.parse(readFileSync(new URL(`${v}/${f}`, root), 'utf8'));

describe('committed schemas', () => {
  it('exist for the three releases', () => {
    expect(versions).toEqual(expect.arrayContaining(['v1.17.1', 'v1.18.1', 'v1.19.0-rc.3']));
  });

  for (const v of versions) {
    it(`${v}: index lists files that exist, every file is listed`, () => {
      const index = read(v, 'index.json');
      expect(index.version).toBe(v);
      const files = index.entries.map((e: { file: string }) => e.file).sort();
      for (const f of files) expect(existsSync(new URL(`${v}/${f}`, root)), f).toBe(true);
      const onDisk = ['components', 'blocks'].flatMap((d) => readdirSync(new URL(`${v}/${d}/`, root)).map((f) => `${d}/${f}`)).sort();
      expect(onDisk).toEqual(files);
    });

    it(`${v}: ajv (draft 2020-12, strict) compiles every schema`, () => {
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      for (const k of ALLOY_KEYWORDS) ajv.addKeyword(k);
      const index = read(v, 'index.json');
      let n = 0;
      for (const e of index.entries) {
        const s = read(v, e.file);
        expect(s.$schema).toBe(JSON_SCHEMA_DRAFT);
        expect(s['x-alloy-name']).toBe(e.name);
        expect(() => ajv.compile(s), e.file).not.toThrow();
        n++;
      }
      expect(n).toBeGreaterThan(190);
    });
  }

  it('a compiled schema validates a JSON body (hints only: Alloy values are not JSON)', () => {
    const ajv = new Ajv2020({ strict: true });
    for (const k of ALLOY_KEYWORDS) ajv.addKeyword(k);
    const validate = ajv.compile(read('v1.18.1', 'components/loki.write.json'));
    expect(validate({ endpoint: [{ url: 'http://loki/push', batch_wait: '1s' }] })).toBe(true);
    expect(validate({ endpoint: [{ batch_wait: '1s' }] })).toBe(false); // url is required
    expect(validate({ unknown_attr: 1 })).toBe(false);
  });
});
