import type { DocumentSymbol } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

const outline = (ss: DocumentSymbol[], depth = 0): string[] => ss.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...outline(s.children ?? [], depth + 1)]);

describe('symbols', () => {
  it('outlines blocks with their labels', () => {
    const f = fixture('logging {\n  level = "info"\n}\ndeclare "d" {\n  argument "a" {}\n  loki.write "w" {\n    endpoint {\n      url = "x"\n    }\n  }\n}\n');
    expect(outline(f.ls.documentSymbols(f.uri))).toEqual(['logging', 'declare "d"', '  argument "a"', '  loki.write "w"', '    endpoint']);
    const [, d] = f.ls.documentSymbols(f.uri);
    expect(d.selectionRange).toEqual({ start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
  });

  it('finds labelled blocks of the open documents and the workspace folder by a fuzzy query', () => {
    const f = fixture('loki.write "default" {}\nprometheus.scrape "pods" {}\n', { files: { 'other.alloy': 'declare "mod" {}\n' } });
    expect(f.ls.workspaceSymbols('lwdef').map((s) => s.name)).toEqual(['loki.write.default']);
    expect(f.ls.workspaceSymbols('').map((s) => `${s.location.uri} ${s.name}`)).toEqual([
      'file:///ws/main.alloy loki.write.default',
      'file:///ws/main.alloy prometheus.scrape.pods',
      'file:///ws/other.alloy declare.mod',
    ]);
  });

  it('links import.file filenames to the module', () => {
    const f = fixture('import.file "lib" {\n  filename = "lib/x.alloy"\n}\ndeclare "d" {\n  import.file "inner" {\n    filename = "../y.alloy"\n  }\n}\n');
    const links = f.ls.documentLinks(f.uri);
    expect(links.map((l) => l.target)).toEqual(['file:///ws/lib/x.alloy', 'file:///y.alloy']);
    expect(links[0].range).toEqual({ start: { line: 1, character: 14 }, end: { line: 1, character: 25 } });
  });
});
