import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateConfig } from '../generate.js';
import { isolatedPair } from '../lib.js';

const URI = 'file:///bench/main.alloy';

/** Where the edit goes and where completion and hover are asked: the middle of the document. */
function places(text) {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  let scrape = lines.findIndex((l, i) => i > mid && l.startsWith('prometheus.scrape'));
  const forward = lines.findIndex((l, i) => i > scrape && l.includes('forward_to'));
  const comment = lines.findIndex((l, i) => i > mid && l.startsWith('// Writer for'));
  return {
    edit: { line: comment, character: 3 },
    complete: { line: forward, character: lines[forward].indexOf('[') + 1 },
    hover: { line: forward, character: lines[forward].indexOf('remote_write') + 2 },
  };
}

/** The functions timed, each in its own process: a one-character edit, then one feature. */
export async function setup() {
  const { createLanguageService } = await import('@alloy-lint/language-service');
  const { loadSchemaCatalog } = await import('@alloy-lint/schemas/node');
  const { parse } = await import('@alloy-lint/parser');
  const text = generateConfig(10000);
  const at = places(text);
  const catalog = loadSchemaCatalog('v1.18.1');
  const ls = createLanguageService({ host: { catalog: () => catalog } });
  let version = 1;
  ls.openDocument(URI, version, text);
  ls.diagnostics(URI);
  // Alternately types and deletes one character inside a comment.
  const edit = () => {
    version++;
    const p = at.edit;
    ls.changeDocument(URI, version, [version % 2 === 0 ? { range: { start: p, end: p }, text: 'x' } : { range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' }]);
  };
  const bytes = new TextEncoder().encode(text);
  return {
    diagnostics: () => {
      edit();
      if (ls.diagnostics(URI).length !== 0) throw new Error('the bench document should be clean');
    },
    completion: () => {
      edit();
      if (ls.complete(URI, at.complete).items.length === 0) throw new Error('no completion');
    },
    hover: () => {
      edit();
      if (!ls.hover(URI, at.hover)) throw new Error('no hover');
    },
    parse: () => parse(bytes),
  };
}

export default async function languageServiceRows() {
  const file = fileURLToPath(import.meta.url);
  const rows = [];
  const goals = { diagnostics: 50, completion: 20, hover: 20 };
  for (const [name, goal] of Object.entries(goals)) {
    const r = await isolatedPair(file, name, 'parse');
    rows.push({
      name: `language service: ${name} after a one-character edit, 10k lines (goal ≤ ${goal} ms${r.a <= goal ? ', met' : ', NOT met'})`,
      ms: r.a,
      baseline: 'parse of the same document (own process)',
      baselineMs: r.b,
      ratio: r.a / r.b,
    });
  }
  return { rows };
}
