// The scalar decoder against the `yaml` package: every style, folding, escapes, chomping,
// CRLF. The value must equal what `yaml` resolves, and every copied byte must sit at the
// YAML offset the map gives.
import { extract } from '@alloy-lint/yaml-embed';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parse, Scalar } from 'yaml';
import { property } from '../../../test/support/property.js';

const enc = new TextEncoder();

/** Extracts the value at `k` and checks the map byte by byte. */
function roundTrip(yaml: string, expected: string): void {
  const x = extract(yaml, { yamlPaths: ['**.k'] });
  expect(x.diagnostics).toEqual([]);
  expect(x.embeds).toHaveLength(1);
  const e = x.embeds[0];
  expect(e.text).toBe(expected);
  const host = x.source.bytes;
  const emb = enc.encode(e.text);
  let last = -1;
  for (let i = 0; i < emb.length; i++) {
    const h = e.map.toHost(i);
    expect(h).toBeGreaterThanOrEqual(last);
    last = h;
    if (e.map.kindAt(i) === 'copy') expect(host[h]).toBe(emb[i]);
    const back = e.map.toEmbedded(h);
    expect(back).toBeDefined();
    if (e.map.kindAt(i) === 'copy') expect(back!.offset).toBe(i);
  }
}

const STYLES = [Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.PLAIN] as const;


describe('scalar decoding', () => {
  it('matches the yaml package for every style (property)', () => {
    const chars = fc.constantFrom('a', 'b', ' ', ' ', '\t', '\n', '\n', '"', "'", '\\', '#', ':', '{', '}', '=', 'é', '日', '😀', '-');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 60 }).map((a) => a.join('')),
        fc.constantFrom(...STYLES),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 10, max: 80 }),
        fc.boolean(),
        (value, type, depth, lineWidth, crlf) => {
          const doc = new Document({});
          let node: Record<string, unknown> = {};
          const root = node;
          for (let d = 0; d < depth; d++) node = (node[`n${d}`] = {}) as Record<string, unknown>;
          const s = new Scalar(value);
          s.type = type;
          node.k = s;
          doc.contents = doc.createNode(root) as never;
          let text = doc.toString({ lineWidth, minContentWidth: 0 });
          if (crlf) text = text.replace(/\n/g, '\r\n');
          // The stringifier may fold between the halves of a surrogate pair: not a text a file can hold.
          fc.pre(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text));
          // What `yaml` itself reads back is the reference (it may pick another style).
          let back: Record<string, unknown>;
          try {
            back = parse(text) as Record<string, unknown>;
          } catch {
            // The stringifier can write YAML it cannot read back (a plain "-" line): not our case.
            return fc.pre(false);
          }
          for (let d = 0; d < depth; d++) back = back[`n${d}`] as Record<string, unknown>;
          const want = back.k as string;
          roundTrip(text, want);
        },
      ),
      property('packages/yaml-embed/test/scalar.test.ts', 2000),
    );
  });

  it('reads literal blocks with indentation indicators and chomping', () => {
    roundTrip('k: |2-\n    a {\n   b = 1\n  }\n\n', '  a {\n b = 1\n}');
    roundTrip('k: |+\n  a\n\n\n', 'a\n\n\n');
    roundTrip('k: |\n  a\n  \n', 'a\n');
    roundTrip('k: |1\n  x\n', ' x\n');
    roundTrip('k: |-\r\n  a\r\n  b\r\n', 'a\nb');
  });

  it('reads double-quoted escapes and escaped line breaks', () => {
    roundTrip('k: "a\\tb\\n\\"c\\" \\u00e9\\U0001F600 \\x41"\n', 'a\tb\n"c" é😀 A');
    roundTrip('k: "one \\\n    two\n\n  three"\n', 'one two\nthree');
  });

  it('reads folded plain and single-quoted scalars', () => {
    roundTrip("k: 'it''s\n  folded'\n", "it's folded");
    roundTrip('k: one\n  two\n\n  three\n', 'one two\nthree');
  });
});
