// rules.json of each release: well formed, every place exists in that release's schemas, and the
// reader attaches each check where the checker looks for it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BlockSpec, type BodySpec, loadCatalog, type ReleaseRules, ruleKey } from '../src/index.js';
import { DATA_DIR, loadSchemaCatalog, schemaVersions } from '../src/node.js';

const rulesOf = (v: string): ReleaseRules => JSON.parse(readFileSync(new URL(`${v}/rules.json`, DATA_DIR), 'utf8'));

function body(spec: BodySpec | undefined, path: string[]): BodySpec | undefined {
  let b = spec;
  for (const name of path) b = (b?.fields.find((f) => f.kind === 'block' && f.name === name) as BlockSpec | undefined)?.body;
  return b;
}

describe('rules.json', () => {
  for (const v of schemaVersions()) {
    it(`${v}: every check runs at a place the release's schemas have`, () => {
      const rr = rulesOf(v);
      expect(rr.version).toBe(v);
      expect(rr.rules.length).toBeGreaterThan(450);
      expect(new Set(rr.rules.map((r) => r.id)).size).toBe(rr.rules.length);
      const cat = loadSchemaCatalog(v);
      const blocks = new Set<string>();
      const attrs = new Set<string>();
      for (const n of [...cat.names(), ...cat.blockNames()]) {
        const i = cat.info(n)!;
        blocks.add(n);
        for (const b of i.blocks) blocks.add(ruleKey(n, b.path));
        for (const a of i.attributes) attrs.add(ruleKey(n, a.path));
      }
      const missing = rr.rules.flatMap((r) => r.at.filter((k) => !(r.applies === 'block' ? blocks : attrs).has(k)).map((k) => `${r.id} @ ${k}`));
      expect(missing).toEqual([]);
      for (const r of rr.rules) expect(r.upstream, r.id).toMatch(new RegExp(`^internal/\\S+\\.go:\\d+@${v.replace(/\./g, '\\.')}$`));
    });
  }

  it("the specs carry each release's own checks", () => {
    const endpoint = (v: string) => body(loadSchemaCatalog(v).component('prometheus.remote_write')!.args, ['endpoint'])!;
    const auth = (v: string) => endpoint(v).argRules!.find((r) => r.message.startsWith('at most one of sigv4'))!;
    expect(auth('v1.18.1')).toMatchObject({ kind: 'mutually_exclusive', fields: expect.arrayContaining(['google_iam']) });
    expect(auth('v1.17.1').message).toBe('at most one of sigv4, azuread, basic_auth, oauth2, bearer_token & bearer_token_file must be configured');
    expect(auth('v1.17.1').fields).not.toContain('google_iam');
    expect(auth('v1.17.1').upstream).toMatch(/^internal\/component\/prometheus\/remotewrite\/types\.go:\d+@v1\.17\.1$/);
  });

  it('attaches text-value and regex checks to attributes', () => {
    const rule = body(loadSchemaCatalog('v1.18.1').component('discovery.relabel')!.args, ['rule'])!;
    const attr = (n: string) => rule.fields.find((f) => f.kind === 'attr' && f.name === n);
    expect(attr('action')).toMatchObject({ textRule: { message: 'unrecognized action type %q', caseInsensitive: false } });
    expect(attr('regex')).toMatchObject({ regex: { anchored: true, decode: true } });
    // Shared HTTP client checks on a component's own arguments (key: the component name).
    expect(loadSchemaCatalog('v1.18.1').component('prometheus.scrape')!.args!.argRules!.map((r) => r.message)).toContain(
      'at most one of basic_auth, authorization, oauth2, bearer_token & bearer_token_file must be configured',
    );
  });

  it('fails loudly when index.json lists rules that cannot be read', () => {
    const index = { version: 'v9', rules: 'rules.json', entries: [{ name: 'x.y', kind: 'component', stability: 'generally-available', community: false, file: 'x.json' }] };
    const cat = loadCatalog(index, { 'x.json': { 'x-alloy-name': 'x.y', 'x-alloy-kind': 'component', properties: {} } });
    expect(() => cat.component('x.y')).toThrow(/Alloy v9: rules.json is listed in index.json but could not be read/);
    const wrong = loadCatalog(index, { 'x.json': {}, 'rules.json': { version: 'v8', rules: [] } });
    expect(() => wrong.component('x.y')).toThrow(/rules.json is for Alloy v8, not v9/);
  });
});
