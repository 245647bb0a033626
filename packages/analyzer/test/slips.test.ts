import { describe, expect, it } from 'vitest';
import { analyze, type FileDiagnostic } from '../src/index.js';
import { v1181 } from './real-catalog.js';

function first(text: string, code?: string): FileDiagnostic {
  const { diagnostics } = analyze([{ name: 'm.alloy', text }], { catalog: v1181 });
  return code ? diagnostics.find((d) => d.code === code)! : diagnostics[0];
}

function applyFix(text: string, d: FileDiagnostic): string {
  const enc = new TextEncoder();
  let b = enc.encode(text);
  for (const e of [...d.fix!.edits].sort((x, y) => y.start - x.start)) {
    const ins = enc.encode(e.text);
    const next = new Uint8Array(b.length - (e.end - e.start) + ins.length);
    next.set(b.subarray(0, e.start));
    next.set(ins, e.start);
    next.set(b.subarray(e.end), e.start + ins.length);
    b = next;
  }
  return new TextDecoder().decode(b);
}

const clean = (text: string) => analyze([{ name: 'm.alloy', text }], { catalog: v1181 }).diagnostics.filter((d) => d.severity === 'error');

describe('hints for typical slips', () => {
  it('# comments: use //', () => {
    const text = '# logs\nlogging {\n  level = "info"\n}\n';
    const d = first(text);
    expect(d.hint).toBe('comments start with // (or /* … */) in Alloy, not #');
    expect(clean(applyFix(text, d))).toEqual([]);
  });

  it('key: value: use =', () => {
    const text = 'logging {\n  level: "info"\n}\n';
    const d = first(text);
    expect(d.hint).toBe('attributes are written name = value, not name: value');
    expect(applyFix(text, d)).toBe('logging {\n  level = "info"\n}\n');
  });

  it('env("X"): use sys.env', () => {
    const text = 'local.file "x" {\n  filename = env("HOME")\n}\n';
    const d = first(text, 'deprecated-function');
    expect(d.hint).toBe('use sys.env');
    expect(applyFix(text, d)).toBe('local.file "x" {\n  filename = sys.env("HOME")\n}\n');
    expect(first('local.file "x" {\n  filename = to_lower("A")\n}\n', 'deprecated-function').hint).toBe('use string.to_lower');
  });

  it('a regex with \\ escapes in a double-quoted string: use backticks', () => {
    const text = 'loki.process "p" {\n  forward_to = []\n  stage.regex {\n    expression = "^(?P<n>\\d+) \\\\ (\\w+)$"\n  }\n}\n';
    const d = first(text);
    expect(d.message).toBe('unknown escape sequence');
    expect(d.hint).toMatch(/^a \\ in a double-quoted string starts an escape; write regular expressions in backticks/);
    const fixed = applyFix(text, d);
    expect(fixed).toContain('expression = `^(?P<n>\\d+) \\ (\\w+)$`');
    expect(clean(fixed)).toEqual([]);
  });

  it('no backtick fix for a string with \\u escapes (RE2 has none)', () => {
    const text = 'loki.process "p" {\n  forward_to = []\n  stage.regex {\n    expression = "\\u00e9(\\d+)"\n  }\n}\n';
    const d = first(text);
    expect(d.message).toBe('unknown escape sequence');
    expect(d.hint).toMatch(/backticks/);
    expect(d.fix).toBeUndefined();
  });

  it('a single reference where a list is expected: wrap it in [ ]', () => {
    const text = 'loki.source.file "f" {\n  targets    = []\n  forward_to = loki.write.w.receiver\n}\nloki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';
    const d = first(text, 'type-mismatch');
    expect(d.hint).toBe('forward_to takes a list: write [loki.write.w.receiver]');
    expect(clean(applyFix(text, d))).toEqual([]);
  });
});
