import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedPair } from '../lib.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const FALLBACK = [
  'set(attributes["k8s.cluster.name"], "prod") where resource.attributes["service.name"] != nil',
  'delete_key(attributes, "process.command_line")',
  'IsMatch(attributes["url.path"], "^/.*actuator.*") and not (name == "GET /health" or kind == SPAN_KIND_CLIENT)',
];

/** Every OTTL text of the corpus (the same ones the corpus test checks), or a small fixed set. */
async function texts() {
  if (!existsSync(corpus)) return Array.from({ length: 700 }, (_, i) => ({ kind: i % 3 === 2 ? 'condition' : 'statement', text: FALLBACK[i % 3] }));
  const { ottlSites, OTTL_COMPONENTS } = await import('@alloy-lint/analyzer');
  const { fromAlloyString } = await import('@alloy-lint/ottl');
  const { parse } = await import('@alloy-lint/parser');
  const out = [];
  const walk = (dir) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(alloy|river)$/.test(n)) {
        for (const s of parse(readFileSync(p)).ast.body) {
          if (s.kind !== 'Block' || !OTTL_COMPONENTS.has(s.fullName)) continue;
          for (const site of ottlSites({ name: s.fullName, file: n, block: s, kind: 'component' })) {
            const m = fromAlloyString(site.literal.raw, site.literal.start);
            if (m && site.kind !== 'value') out.push({ kind: site.kind, text: m.text });
          }
        }
      }
    }
  };
  walk(corpus);
  return out;
}

/** The functions timed, each in its own process. */
export async function setup() {
  const { parseStatement, parseCondition } = await import('@alloy-lint/ottl');
  const list = await texts();
  const json = JSON.stringify(list.map((t) => t.text));
  return {
    ottl: () => list.map((t) => (t.kind === 'statement' ? parseStatement(t.text) : parseCondition(t.text))),
    json: () => JSON.parse(json),
    bytes: new TextEncoder().encode(json),
    count: list.length,
  };
}

export default async function ottlRows() {
  const r = await isolatedPair(fileURLToPath(import.meta.url), 'ottl', 'json');
  const { bytes, count } = await setup();
  return {
    rows: [
      {
        name: `parse ${count} OTTL statements and conditions (${existsSync(corpus) ? 'the corpus' : 'fixed set'})`,
        ms: r.a,
        mbPerS: bytes.length / 1e6 / (r.a / 1000),
        perSecond: count / (r.a / 1000),
        unit: 'texts/s',
        baseline: 'JSON.parse of the same texts as a JSON array',
        baselineMs: r.b,
        ratio: r.a / r.b,
      },
    ],
  };
}
