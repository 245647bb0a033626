import { createLanguageService } from '@alloy-lint/language-service';
import { memoryHost } from '@alloy-lint/language-service/test-support';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './helpers.js';

const W = 'loki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';
const SRC = 'loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.w.receiver]\n}\n';

function service(files: Record<string, string>, settings = {}) {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) all[`file:///ws/${k}`] = v;
  const ls = createLanguageService({ host: memoryHost(all, CATALOGS), settings, folders: [{ uri: 'file:///ws/' }] });
  return { ls, files: all };
}
const codes = (ls: ReturnType<typeof service>['ls'], uri: string) => ls.diagnostics(uri).map((d) => d.code);

describe('workspace model', () => {
  it('loads a folder as one configuration when asked, open documents over the files on disk', () => {
    const { ls } = service({ 'a.alloy': SRC, 'b.alloy': W }, { folderAsConfig: true });
    ls.openDocument('file:///ws/a.alloy', 1, SRC);
    expect(codes(ls, 'file:///ws/a.alloy')).toEqual([]);
    // The writer is renamed in the editor, not on disk: the reference no longer resolves.
    ls.openDocument('file:///ws/b.alloy', 1, W.replace('"w"', '"v"'));
    expect(codes(ls, 'file:///ws/a.alloy')).toEqual(['unknown-reference']);
    ls.closeDocument('file:///ws/b.alloy');
    expect(codes(ls, 'file:///ws/a.alloy')).toEqual([]);
    const single = service({ 'a.alloy': SRC, 'b.alloy': W });
    single.ls.openDocument('file:///ws/a.alloy', 1, SRC);
    expect(codes(single.ls, 'file:///ws/a.alloy')).toEqual(['unknown-reference']);
  });

  it('says when the configuration is not checked because another file does not parse', () => {
    const { ls } = service({ 'a.alloy': SRC, 'b.alloy': 'loki.write "w" {\n' }, { folderAsConfig: true });
    ls.openDocument('file:///ws/a.alloy', 1, SRC);
    expect(ls.diagnostics('file:///ws/a.alloy').map((d) => [d.code, d.message])).toEqual([['not-checked', 'the configuration is not checked while b.alloy has syntax errors']]);
  });

  it('takes folder settings over the defaults', () => {
    const ls = createLanguageService({
      host: memoryHost({ 'file:///ws/x/a.alloy': SRC, 'file:///ws/x/b.alloy': W }, CATALOGS),
      folders: [{ uri: 'file:///ws/' }, { uri: 'file:///ws/x/', settings: { folderAsConfig: true } }],
    });
    ls.openDocument('file:///ws/x/a.alloy', 1, SRC);
    expect(codes(ls, 'file:///ws/x/a.alloy')).toEqual([]);
    ls.configure({ folders: [{ uri: 'file:///ws/' }] });
    expect(codes(ls, 'file:///ws/x/a.alloy')).toEqual(['unknown-reference']);
  });

  it('re-parses only the edited document and reuses an analysis while nothing it read changed', () => {
    const { ls } = service({ 'a.alloy': SRC, 'b.alloy': W }, { folderAsConfig: true });
    ls.openDocument('file:///ws/a.alloy', 1, SRC);
    ls.diagnostics('file:///ws/a.alloy');
    const before = ls.stats();
    ls.diagnostics('file:///ws/a.alloy');
    ls.hover('file:///ws/a.alloy', { line: 2, character: 30 });
    ls.complete('file:///ws/a.alloy', { line: 2, character: 16 });
    expect(ls.stats()).toEqual(before);
    ls.changeDocument('file:///ws/a.alloy', 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '  // note\n' }]);
    ls.diagnostics('file:///ws/a.alloy');
    expect(ls.stats()).toEqual({ parses: before.parses + 1, analyses: before.analyses + 1 });
  });

  it('follows imports through the host and re-checks importers when a module changes', () => {
    const mod = 'declare "tail" {\n  argument "path" {}\n}\n';
    const main = 'import.file "lib" {\n  filename = "lib.alloy"\n}\nlib.tail "t" {\n  path = "x"\n}\n';
    const { ls } = service({ 'main.alloy': main, 'lib.alloy': mod });
    ls.openDocument('file:///ws/main.alloy', 1, main);
    expect(codes(ls, 'file:///ws/main.alloy')).toEqual([]);
    ls.openDocument('file:///ws/lib.alloy', 1, mod.replace('"path"', '"file"'));
    expect(ls.affectedBy('file:///ws/lib.alloy').sort()).toEqual(['file:///ws/lib.alloy', 'file:///ws/main.alloy']);
    expect(codes(ls, 'file:///ws/main.alloy')).toEqual(['unknown-attribute', 'missing-required']);
  });

  it('re-reads a file the host says changed, and notices a module that appears', () => {
    const main = 'import.file "lib" {\n  filename = "lib.alloy"\n}\n';
    const { ls, files } = service({ 'main.alloy': main });
    ls.openDocument('file:///ws/main.alloy', 1, main);
    expect(codes(ls, 'file:///ws/main.alloy')).toEqual(['import-failed']);
    files['file:///ws/lib.alloy'] = 'declare "x" {}\n';
    ls.fileChanged('file:///ws/lib.alloy');
    expect(codes(ls, 'file:///ws/main.alloy')).toEqual([]);
  });

  it('does not read modules outside the workspace folders', () => {
    const main = 'import.file "lib" {\n  filename = "../etc/secret.alloy"\n}\n';
    const ls = createLanguageService({
      host: { ...memoryHost({ 'file:///etc/secret.alloy': 'declare "x" {}' }, CATALOGS), readFile: (u) => (u === 'file:///etc/secret.alloy' ? (() => { throw new Error('read outside the workspace'); })() : undefined) },
      folders: [{ uri: 'file:///ws/' }],
    });
    ls.openDocument('file:///ws/main.alloy', 1, main);
    const [d] = ls.diagnostics('file:///ws/main.alloy');
    expect(d.message).toBe('import.file "lib": ../etc/secret.alloy is outside the workspace folder; it is not read');
  });

  it('answers for unknown documents and releases without schemas', () => {
    const { ls } = service({});
    expect(ls.diagnostics('file:///nope.alloy')).toEqual([]);
    expect(ls.complete('file:///nope.alloy', { line: 0, character: 0 }).items).toEqual([]);
    ls.openDocument('file:///ws/x.alloy', 1, 'loki.write "w" {}\n');
    ls.configure({ settings: { alloyVersion: 'v0.0.0' } });
    expect(codes(ls, 'file:///ws/x.alloy')).toEqual(['settings', 'unknown-component']);
    expect(ls.diagnostics('file:///ws/x.alloy')[0].message).toBe('no component schemas for Alloy v0.0.0 (available: v1.17.1, v1.18.1, v1.19.0-rc.3): components cannot be checked');
  });
});
