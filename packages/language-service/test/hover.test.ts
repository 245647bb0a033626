import { markRanges } from '@alloy-lint/language-service/test-support';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

/** Hover at the `<|>`: its markdown and the text it covers (marked with <|…|>). */
function check(text: string, opts: Parameters<typeof fixture>[1] = {}): { value: string; covers: string } | null {
  const f = fixture(text, opts);
  const h = f.ls.hover(f.uri, f.cursor);
  if (!h) return null;
  const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents);
  const line = f.text.split('\n')[h.range!.start.line];
  return { value, covers: markRanges(line, [{ start: { line: 0, character: h.range!.start.character }, end: { line: 0, character: h.range!.end.character } }]) };
}

const W = 'loki.write "w" {\n  endpoint {\n    url = "http://loki"\n  }\n}\n';

describe('hover', () => {
  it('shows an argument with its type as the docs write it, default, required, docs link', () => {
    const h = check(`loki.source.file "a" {\n  targets = []\n  forward<|>_to = []\n}\n`)!;
    expect(h.covers).toBe('  <|forward_to|> = []');
    expect(h.value).toContain('forward_to: list(LogsReceiver)');
    expect(h.value).toContain('required; the component is generally available');
    expect(h.value).toContain('(https://grafana.com/docs/alloy/latest/reference/components/loki/loki.source.file/#arguments)');
    const d = check(`loki.write "w" {\n  endpoint {\n    batch_w<|>ait = "2s"\n  }\n}\n`)!;
    expect(d.value).toContain('batch_wait: duration');
    expect(d.value).toContain('Default: `"1s"`');
    expect(d.value).toContain('Argument of `loki.write > endpoint`, optional');
    const t = check(`discovery.relabel "r" {\n  tar<|>gets = []\n}\n`)!;
    expect(t.value).toContain('targets: list(map(string))');
  });

  it('shows a component with its stability and exports', () => {
    const h = check(`loki.wr<|>ite "w" {\n}\n`)!;
    expect(h.covers).toBe('<|loki.write|> "w" {');
    expect(h.value).toContain('Component, generally available.');
    expect(h.value).toContain('`receiver`: `LogsReceiver`');
    expect(h.value).toContain('https://grafana.com/docs/alloy/latest/reference/components/loki/loki.write/');
  });

  it('shows the component on its label too', () => {
    expect(check(`loki.write "<|>w" {\n}\n`)!.value).toContain('Component, generally available.');
  });

  it('shows a nested block', () => {
    const h = check(`loki.write "w" {\n  endpo<|>int {\n  }\n}\n`)!;
    expect(h.value).toContain('Block of `loki.write`, optional, may be repeated.');
  });

  it('says what a reference resolves to', () => {
    const text = `${W}loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.w.rec<|>eiver]\n}\n`;
    const h = check(text)!;
    expect(h.value).toContain('receiver: LogsReceiver');
    expect(h.value).toContain('Export of `loki.write`');
    const l = check(`${W}loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.<|>w.receiver]\n}\n`)!;
    expect(l.value).toContain('loki.write "w"');
    expect(l.value).toContain('Defined at main.alloy:1:13.');
    const n = check(`${W}loki.source.file "a" {\n  targets = []\n  forward_to = [lo<|>ki.write.w.receiver]\n}\n`)!;
    expect(n.covers).toBe('  forward_to = [<|loki.write.w.receiver|>]');
  });

  it('shows a stdlib function signature', () => {
    const h = check(`local.file "f" {\n  filename = sys.e<|>nv("HOME")\n}\n`)!;
    expect(h.value).toContain('sys.env(name: string) → string');
    expect(h.value).toContain('https://grafana.com/docs/alloy/latest/reference/stdlib/sys/');
    const dep = check(`local.file "f" {\n  filename = en<|>v("HOME")\n}\n`)!;
    expect(dep.value).toContain('*Deprecated*');
  });

  it('shows a declared component, its arguments and a module argument', () => {
    const text = `declare "mod" {\n  argument "sink" {\n    comment = "where logs go"\n  }\n  export "out" {\n    value = argument.si<|>nk.value\n  }\n}\n`;
    const h = check(text)!;
    expect(h.value).toContain('argument "sink"');
    const inst = check(`declare "mod" {\n  argument "sink" {\n    comment = "where logs go"\n  }\n}\nmo<|>d "m" {\n  sink = 1\n}\n`)!;
    expect(inst.value).toContain('- `sink` (required): where logs go');
    const arg = check(`declare "mod" {\n  argument "sink" {\n    comment = "where logs go"\n  }\n}\nmod "m" {\n  si<|>nk = 1\n}\n`)!;
    expect(arg.value).toContain('argument "sink"');
  });

  it('is empty on white space and literals', () => {
    expect(check(`loki.write "w" {\n  <|>\n}\n`)).toBeNull();
    expect(check(`local.file "f" {\n  filename = "a<|>b"\n}\n`)).toBeNull();
  });
});
