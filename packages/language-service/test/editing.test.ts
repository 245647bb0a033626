import { format as alloyFormat } from '@alloy-lint/formatter';
import { applyEdits, markRanges } from '@alloy-lint/language-service/test-support';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

const UGLY = 'logging {\n    level = "info"\n  format=   "logfmt"\n}\n\n\n\nloki.write "w" {\n endpoint {\n  url = "http://x"\n   }\n}\n';

describe('formatting', () => {
  it('turns the document into what alloy fmt prints, editing only the lines that change', () => {
    const f = fixture(UGLY);
    const edits = f.ls.format(f.uri);
    expect(applyEdits(f.text, edits)).toBe(alloyFormat(UGLY).text);
    expect(edits.every((e) => e.range.start.character === 0)).toBe(true);
    expect(edits.length).toBeGreaterThan(1);
  });

  it('formats a range: only the edits on its lines', () => {
    const f = fixture(UGLY);
    const edits = f.ls.format(f.uri, undefined, { start: { line: 8, character: 0 }, end: { line: 10, character: 0 } });
    const out = applyEdits(f.text, edits);
    expect(out).toContain('\tendpoint {\n\t\turl = "http://x"\n\t}');
    expect(out).toContain('    level = "info"');
  });

  it('does nothing for a formatted document or one with syntax errors', () => {
    const ok = fixture(alloyFormat(UGLY).text!);
    expect(ok.ls.format(ok.uri)).toEqual([]);
    const bad = fixture('logging {\n  level = \n}\n');
    expect(bad.ls.format(bad.uri)).toEqual([]);
  });

  it('handles a missing final newline, CRLF-free text, non-ASCII text', () => {
    for (const text of ['logging {\nlevel="info"}', 'logging {\n  level = "ünïcode ✓ 𝔸"\n format="json"\n}\n\n\n']) {
      const f = fixture(text);
      expect(applyEdits(f.text, f.ls.format(f.uri))).toBe(alloyFormat(text).text);
    }
  });
});

describe('folding and selection', () => {
  it('folds blocks, multi-line lists and comment runs', () => {
    const f = fixture('// a\n// b\nloki.write "w" {\n  endpoint {\n    url = "x"\n  }\n  external_labels = {\n    a = "b",\n  }\n}\n');
    expect(f.ls.foldingRanges(f.uri)).toEqual([
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 8 },
      { startLine: 3, endLine: 4 },
      { startLine: 6, endLine: 7 },
    ]);
  });

  it('selects outwards from the cursor', () => {
    const f = fixture('loki.write "w" {\n  endpoint {\n    url = "ht<|>tp://x"\n  }\n}\n');
    const [sel] = f.ls.selectionRanges(f.uri, [f.cursor]);
    const chain: string[] = [];
    for (let s: typeof sel | undefined = sel; s; s = s.parent) chain.push(markRanges(f.text, [s.range]).replace(/\n/g, '⏎'));
    expect(chain[0]).toContain('url = <|"http://x"|>');
    expect(chain[1]).toContain('<|url = "http://x"|>');
    expect(chain[2]).toContain('<|endpoint {');
    expect(chain.at(-1)).toMatch(/^<\|loki/);
  });
});

describe('semantic tokens', () => {
  it('classifies names by meaning', () => {
    const f = fixture('declare "d" {\n  argument "a" {}\n}\nd "x" {\n  a = sys.env("X")\n}\nloki.source.file "f" {\n  targets    = []\n  forward_to = [loki.write.w.receiver]\n}\n// c\n');
    const legend = f.ls.semanticTokensLegend();
    const data = f.ls.semanticTokens(f.uri).data;
    const toks: string[] = [];
    let line = 0;
    let ch = 0;
    const lines = f.text.split('\n');
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
      toks.push(`${lines[line].slice(ch, ch + data[i + 2])}:${legend.tokenTypes[data[i + 3]]}`);
    }
    expect(toks).toEqual([
      'declare:keyword', '"d":string', 'argument:keyword', '"a":string',
      'd:class', '"x":string', 'a:parameter', 'sys:namespace', 'env:function', '"X":string',
      'loki:namespace', 'source:namespace', 'file:type', '"f":string', 'targets:property', 'forward_to:property',
      'loki:namespace', 'write:type', 'w:variable', 'receiver:property', '// c:comment',
    ]);
  });
});

describe('inlay hints', () => {
  const text = 'loki.write "w" {\n  endpoint {\n    url = "x"\n    batch_wait = "2s"\n  }\n}\n';
  it('are off by default', () => {
    const f = fixture(text);
    expect(f.ls.inlayHints(f.uri, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } })).toEqual([]);
  });
  it('show the defaults not written after the opening brace', () => {
    const f = fixture(text, { settings: { inlayHints: { defaults: true } } });
    const hints = f.ls.inlayHints(f.uri, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } });
    const ep = hints.find((h) => h.position.line === 1)!;
    expect(ep.position).toEqual({ line: 1, character: 12 });
    expect(ep.label).toMatch(/^ batch_size = "1MiB", remote_timeout = "10s", min_backoff_period = "500ms", … \(\d+ more\)$/);
    expect(String(ep.tooltip)).not.toContain('batch_wait');
  });
});
