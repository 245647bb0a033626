import type { Location } from 'vscode-languageserver-types';
import { applyEdits, markRanges } from '@alloy-lint/language-service/test-support';
import { describe, expect, it } from 'vitest';
import { fixture, MAIN } from './helpers.js';

/** Texts of every file with the given locations marked, keyed by file name. */
function marked(f: ReturnType<typeof fixture>, files: Record<string, string>, locs: Location[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const uri of new Set(locs.map((l) => l.uri))) {
    const name = uri.replace('file:///ws/', '');
    const text = uri === MAIN ? f.text : files[name];
    out[name] = markRanges(text, locs.filter((l) => l.uri === uri).map((l) => l.range));
  }
  return out;
}

const W = 'loki.write "w" {\n  endpoint {\n    url = "http://loki"\n  }\n}\n';

describe('go to definition', () => {
  it('goes from a reference to the component label', () => {
    const f = fixture(`${W}loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.<|>w.receiver]\n}\n`);
    expect(marked(f, {}, f.ls.definition(f.uri, f.cursor))['main.alloy'].split('\n')[0]).toBe('loki.write "<|w|>" {');
  });

  it('goes from an instance to its declare, from an argument to its argument block, from an export use to the export', () => {
    const text = `declare "mod" {\n  argument "sink" {}\n  export "out" {\n    value = argument.sink.value\n  }\n}\n`;
    const a = fixture(`${text}m<|>od "m" {\n  sink = 1\n}\n`);
    expect(marked(a, {}, a.ls.definition(a.uri, a.cursor))['main.alloy']).toContain('declare "<|mod|>" {');
    const b = fixture(`${text}mod "m" {\n  si<|>nk = 1\n}\n`);
    expect(marked(b, {}, b.ls.definition(b.uri, b.cursor))['main.alloy']).toContain('argument "<|sink|>" {}');
    const c = fixture(`${text}mod "m" {\n  sink = 1\n}\nlocal.file "f" {\n  filename = mod.m.o<|>ut\n}\n`);
    expect(marked(c, {}, c.ls.definition(c.uri, c.cursor))['main.alloy']).toContain('export "<|out|>" {');
    const d = fixture(`declare "mod" {\n  argument "sink" {}\n  export "out" {\n    value = argument.si<|>nk.value\n  }\n}\n`);
    expect(marked(d, {}, d.ls.definition(d.uri, d.cursor))['main.alloy']).toContain('argument "<|sink|>" {}');
  });

  it('goes into another file of a folder loaded as one configuration', () => {
    const files = { 'write.alloy': W };
    const f = fixture(`loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.<|>w.receiver]\n}\n`, { files, settings: { folderAsConfig: true } });
    expect(marked(f, files, f.ls.definition(f.uri, f.cursor))['write.alloy'].split('\n')[0]).toBe('loki.write "<|w|>" {');
  });

  it('goes into an imported module: the declare, and the module file from its filename', () => {
    const files = { 'lib/tail.alloy': 'declare "tail" {\n  argument "path" {}\n  export "out" {\n    value = 1\n  }\n}\n' };
    const text = `import.file "lib" {\n  filename = "lib/tail.alloy"\n}\n\nlib.t<|>ail "t" {\n  path = "x"\n}\n`;
    const f = fixture(text, { files });
    expect(marked(f, files, f.ls.definition(f.uri, f.cursor))['lib/tail.alloy']).toContain('declare "<|tail|>" {');
    const g = fixture(`import.file "lib" {\n  filename = "lib/ta<|>il.alloy"\n}\n`, { files });
    expect(g.ls.definition(g.uri, g.cursor).map((l) => l.uri)).toEqual(['file:///ws/lib/tail.alloy']);
    const h = fixture(`import.file "lib" {\n  filename = "lib/tail.alloy"\n}\n\nl<|>ib.tail "t" {\n  path = "x"\n}\n`, { files });
    expect(marked(h, files, h.ls.definition(h.uri, h.cursor))['main.alloy']).toContain('import.file "<|lib|>" {');
  });

  it('resolves inside declare scopes and foreach templates', () => {
    const text = `loki.write "w" {}\ndeclare "d" {\n  loki.write "w" {}\n  loki.source.file "a" {\n    targets = []\n    forward_to = [loki.write.<|>w.receiver]\n  }\n}\n`;
    const f = fixture(text);
    const [loc] = f.ls.definition(f.uri, f.cursor);
    expect(loc.range.start.line).toBe(2);
  });
});

describe('references and rename', () => {
  const text = `${W}loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.w.receiver]\n}\nloki.process "p" {\n  forward_to = [loki.write.<|>w.receiver]\n}\n`;

  it('finds every use of a component label', () => {
    const f = fixture(text);
    const locs = f.ls.references(f.uri, f.cursor, true);
    expect(locs).toHaveLength(3);
    expect(f.ls.references(f.uri, f.cursor, false)).toHaveLength(2);
  });

  it('renames a component label everywhere', () => {
    const f = fixture(text);
    expect(f.ls.prepareRename(f.uri, f.cursor)?.placeholder).toBe('w');
    const edit = f.ls.rename(f.uri, f.cursor, 'main')!;
    const out = applyEdits(f.text, edit.changes![f.uri]);
    expect(out).toContain('loki.write "main" {');
    expect(out.match(/loki\.write\.main\.receiver/g)).toHaveLength(2);
    expect(f.ls.rename(f.uri, f.cursor, 'not valid')).toBeNull();
  });

  it('renames a declare, its arguments and its exports across files of a folder', () => {
    const files = { 'mod.alloy': 'declare "mod" {\n  argument "sink" {}\n  export "out" {\n    value = argument.sink.value\n  }\n}\n' };
    const f = fixture(`mod "m" {\n  si<|>nk = 1\n}\nlocal.file "f" {\n  filename = mod.m.out\n}\n`, { files, settings: { folderAsConfig: true } });
    const edit = f.ls.rename(f.uri, f.cursor, 'target')!;
    expect(applyEdits(f.text, edit.changes![f.uri])).toContain('  target = 1');
    expect(applyEdits(files['mod.alloy'], edit.changes!['file:///ws/mod.alloy'])).toBe('declare "mod" {\n  argument "target" {}\n  export "out" {\n    value = argument.target.value\n  }\n}\n');
    const g = fixture(`mod "m" {\n  sink = 1\n}\nlocal.file "f" {\n  filename = mod.m.o<|>ut\n}\n`, { files, settings: { folderAsConfig: true } });
    const e2 = g.ls.rename(g.uri, g.cursor, 'result')!;
    expect(applyEdits(g.text, e2.changes![g.uri])).toContain('filename = mod.m.result');
    expect(applyEdits(files['mod.alloy'], e2.changes!['file:///ws/mod.alloy'])).toContain('export "result" {');
    const h = fixture(`m<|>od "m" {\n  sink = 1\n}\n`, { files, settings: { folderAsConfig: true } });
    const e3 = h.ls.rename(h.uri, h.cursor, 'pipeline')!;
    expect(applyEdits(h.text, e3.changes![h.uri])).toBe('pipeline "m" {\n  sink = 1\n}\n');
    expect(applyEdits(files['mod.alloy'], e3.changes!['file:///ws/mod.alloy'])).toContain('declare "pipeline" {');
  });

  it('renames an import namespace', () => {
    const files = { 'lib.alloy': 'declare "tail" {}\n' };
    const f = fixture(`import.file "l<|>ib" {\n  filename = "lib.alloy"\n}\nlib.tail "a" {}\nlib.tail "b" {}\n`, { files });
    const e = f.ls.rename(f.uri, f.cursor, 'logs')!;
    expect(applyEdits(f.text, e.changes![f.uri])).toBe('import.file "logs" {\n  filename = "lib.alloy"\n}\nlogs.tail "a" {}\nlogs.tail "b" {}\n');
  });

  it('does not rename the exports of built-in components', () => {
    const f = fixture(`${W}loki.process "p" {\n  forward_to = [loki.write.w.rec<|>eiver]\n}\n`);
    expect(f.ls.prepareRename(f.uri, f.cursor)).toBeNull();
    expect(f.ls.references(f.uri, f.cursor, true)).toHaveLength(1);
  });
});
