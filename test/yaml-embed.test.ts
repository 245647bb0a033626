// Property: an .alloy file with an injected fault, embedded into YAML at a random depth,
// indentation and style, gives the same diagnostics as the file alone, each at the YAML
// position the test's own encoder recorded for that character (the mapping "by hand").
// Files: examples/, test/fixtures/, and ../shared/corpus when present. Replay: ALLOY_LINT_SEED=n (the seed is printed).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { extract, mapDiagnostics } from '@alloy-lint/yaml-embed';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applyEdits } from './support/mutate.js';
import { property } from './support/property.js';

const catalog = loadSchemaCatalog('v1.18.1');

function alloyFiles(dir: string, depth = 0): string[] {
  if (!existsSync(dir) || depth > 6) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? alloyFiles(p, depth + 1) : f.endsWith('.alloy') ? [p] : [];
  });
}
const root = new URL('..', import.meta.url).pathname;
const ours = [...alloyFiles(join(root, 'examples')), ...alloyFiles(join(root, 'test/fixtures'))];
const corpus = alloyFiles(join(root, '../shared/corpus'));
const strict = new TextDecoder('utf-8', { fatal: true });
const texts = [...ours, ...corpus].flatMap((p) => {
  try {
    return [{ name: p.slice(root.length), text: strict.decode(readFileSync(p)) }];
  } catch {
    return [];
  }
});

const enc = new TextEncoder();

interface Encoded {
  yaml: string;
  /** YAML byte offset where the encoding of each UTF-16 index of the text starts; one more entry for the end. */
  at: number[];
}

/** Writes `text` as a literal block under `keys` at `indent` spaces per level. */
function literal(text: string, keys: string[], step: number, extra: number): Encoded | undefined {
  if (/[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.test(text)) return undefined;
  const trail = /\n*$/.exec(text)![0].length;
  // Clip keeps one final break only after content: a text of breaks alone needs keep (`+`).
  const chomp = trail === 0 ? '-' : trail === 1 && trail < text.length ? '' : '+';
  const ind = ' '.repeat(keys.length * step + extra);
  const needsIndicator = /^[ \t]*\n|^ /.test(text) || /^[ \n]*$/.test(text);
  let yaml = keys.map((k, i) => `${' '.repeat(i * step)}${k}:`).join('\n') + ` |${needsIndicator ? step + extra : ''}${chomp}\n`;
  const at: number[] = [];
  let bytes = enc.encode(yaml).length;
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    const last = n === lines.length - 1;
    if (last && line === '') {
      at.push(bytes);
      return;
    }
    const prefix = line === '' ? '' : ind;
    yaml += prefix;
    bytes += prefix.length;
    for (const ch of line) {
      at.push(bytes);
      if (ch.length === 2) at.push(bytes);
      bytes += enc.encode(ch).length;
    }
    yaml += line;
    if (!last) {
      at.push(bytes);
      yaml += '\n';
      bytes += 1;
    }
  });
  if (trail === 0) at.push(bytes);
  return { yaml: yaml + (trail === 0 ? '\n' : ''), at };
}

/** Writes `text` as a double-quoted scalar, escaping and continuing lines (`\` + break) where `cut` says. */
function doubleQuoted(text: string, keys: string[], step: number, cut: (i: number) => boolean, escapeAll: boolean): Encoded {
  let yaml = keys.map((k, i) => `${' '.repeat(i * step)}${k}:`).join('\n') + ' "';
  const ind = ' '.repeat(keys.length * step);
  const at: number[] = [];
  let bytes = enc.encode(yaml).length;
  const put = (s: string) => {
    yaml += s;
    bytes += enc.encode(s).length;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (cut(i) && i > 0 && c !== ' ' && c !== '\t') put(`\\\n${ind}`);
    at.push(bytes);
    const code = c.charCodeAt(0);
    if (c === '"' || c === '\\') put('\\' + c);
    else if (c === '\n') put('\\n');
    else if (c === '\t') put(escapeAll ? '\\t' : '\t');
    else if (code >= 0xd800 && code <= 0xdbff && next) {
      at.push(bytes);
      put(escapeAll ? `\\U${c.concat(next).codePointAt(0)!.toString(16).padStart(8, '0')}` : c + next);
      i++;
    } else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f) || code === 0xfeff || code === 0x2028 || code === 0x2029 || code >= 0xfffe) put(`\\u${code.toString(16).padStart(4, '0')}`);
    else if (code >= 0x80 && escapeAll) put(`\\u${code.toString(16).padStart(4, '0')}`);
    else put(c);
  }
  at.push(bytes);
  return { yaml: yaml + '"\n', at };
}


describe('Alloy embedded in YAML: positions map back exactly', () => {
  it(`every diagnostic lands where the encoder put its character (${texts.length} files)`, () => {
    expect(ours.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 3 }), ins: fc.constantFrom('', 'x', '"', '{', '}', '\n', ' = ', '.', '_gone', 'é', '\t') }), { minLength: 1, maxLength: 2 }),
        fc.constantFrom('literal', 'double', 'double-folded'),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.integer({ min: 2, max: 40 }),
        (index, edits, style, depth, step, extra, escapeAll, every) => {
          let faulty: string;
          try {
            faulty = strict.decode(applyEdits(enc.encode(texts[index].text), edits));
          } catch {
            return fc.pre(false);
          }
          const keys = [...Array.from({ length: depth }, (_, i) => `level${i}`), 'content'];
          const encoded =
            style === 'literal' ? literal(faulty, keys, step, extra) : doubleQuoted(faulty, keys, step, (i) => style === 'double-folded' && i % every === 0, escapeAll);
          fc.pre(encoded !== undefined);
          const { yaml, at } = encoded!;
          const path = keys.join('.');
          let value = parseYaml(yaml);
          for (const k of keys) value = value[k];
          expect(value).toBe(faulty);
          const x = extract(yaml, { yamlPaths: [path] });
          expect(x.diagnostics).toEqual([]);
          expect(x.embeds).toHaveLength(1);
          const embed = x.embeds[0];
          expect(embed.text).toBe(faulty);
          const alone = analyze([{ name: 'a.alloy', text: faulty }], { catalog });
          const inYaml = analyze([{ name: 'a.alloy', text: embed.text }], { catalog });
          const mapped = mapDiagnostics(embed, inYaml.diagnostics);
          expect(mapped.map((d) => d.message)).toEqual(alone.diagnostics.map((d) => d.message));
          const src = alone.sources.get('a.alloy')!;
          alone.diagnostics.forEach((d, i) => {
            const u = src.utf16Offset(d.start);
            const want = x.source.position(at[u]);
            const got = x.source.position(mapped[i].start);
            expect({ line: got.line, column: got.column, message: d.message }).toEqual({ line: want.line, column: want.column, message: d.message });
          });
        },
      ),
      property('test/yaml-embed.test.ts', 300),
    );
  });
});
