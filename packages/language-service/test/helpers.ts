import type { ComponentCatalog } from '@alloy-lint/analyzer';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { createLanguageService, type LanguageService, type Settings } from '@alloy-lint/language-service';
import { memoryHost, parseMarkers } from '@alloy-lint/language-service/test-support';
import type { Position, Range } from 'vscode-languageserver-types';

const load = (version: string): ComponentCatalog => loadSchemaCatalog(version);

export const CATALOGS: Record<string, ComponentCatalog> = {
  'v1.17.1': load('v1.17.1'),
  'v1.18.1': load('v1.18.1'),
  'v1.19.0-rc.3': load('v1.19.0-rc.3'),
};

export const MAIN = 'file:///ws/main.alloy';

export interface Fixture {
  ls: LanguageService;
  uri: string;
  text: string;
  cursor: Position;
  cursors: Position[];
  ranges: Range[];
}

/**
 * A service over `files` (names relative to file:///ws/) with `main` open; markers in `main`
 * give the cursor(s) and ranges.
 */
export function fixture(main: string, opts: { files?: Record<string, string>; settings?: Partial<Settings>; folders?: boolean; raw?: boolean } = {}): Fixture {
  // `raw`: the text is taken as it is (generated text may contain marker-like `<|`).
  const m = opts.raw ? { text: main, cursors: [], ranges: [] } : parseMarkers(main);
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.files ?? {})) files[`file:///ws/${k}`] = v;
  files[MAIN] = m.text;
  const ls = createLanguageService({ host: memoryHost(files, CATALOGS), settings: opts.settings, folders: opts.folders === false ? [] : [{ uri: 'file:///ws/' }] });
  ls.openDocument(MAIN, 1, m.text);
  return { ls, uri: MAIN, text: m.text, cursor: m.cursors[0], cursors: m.cursors, ranges: m.ranges };
}
