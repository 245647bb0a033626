import type { Position } from 'vscode-languageserver-types';
import { DocContext } from './context.js';
import { counters } from './document-cache.js';
import { codeActions } from './features/code-actions.js';
import { complete } from './features/completion.js';
import { diagnostics } from './features/diagnostics.js';
import { foldingRanges } from './features/folding.js';
import { format } from './features/formatting.js';
import { graphView } from './features/graph-view.js';
import { hover } from './features/hover.js';
import { inlayHints } from './features/inlay-hints.js';
import { documentLinks } from './features/links.js';
import { definition, prepareRename, references, rename } from './features/navigation.js';
import { selectionRanges } from './features/selection.js';
import { LEGEND, semanticTokens } from './features/semantic-tokens.js';
import { signatureHelp } from './features/signature-help.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import { YamlFeatures } from './features/yaml.js';
import type { LanguageService, ServiceParams } from './types.js';
import { Workspace } from './workspace.js';
import { isYamlUri } from './yaml-docs.js';

/**
 * Creates the language service: one workspace model shared by every verb. Each verb reads
 * the current version of a document (parsed once) and the analysis of its configuration
 * (re-run only when a document it read changed).
 */
export function createLanguageService(params: ServiceParams): LanguageService {
  const ws = new Workspace(params.host, params.settings, params.folders);
  const ctx = (uri: string): DocContext | undefined => {
    const d = ws.docs.get(uri);
    return d ? new DocContext(ws, uri, d) : undefined;
  };
  /** A YAML document: its Alloy when YAML is on for it, 'off' when not (never read as Alloy), else undefined. */
  const yaml = (uri: string): YamlFeatures | 'off' | undefined => {
    if (!isYamlUri(uri)) return undefined;
    const m = ws.yamlModel(uri);
    return m ? new YamlFeatures(ws, m) : 'off';
  };
  /** A verb at a position; inside YAML, on the embed there (edits only where the Alloy is a literal block). */
  const at = <T>(uri: string, p: Position, fn: (c: DocContext, offset: number) => T, empty: T, edits = false): T => {
    const y = yaml(uri);
    if (y === 'off') return empty;
    if (y) {
      const a = y.at(p);
      return a && (!edits || a.literal) ? y.mapOut(a.embed, fn(a.ctx, a.offset)) : empty;
    }
    const c = ctx(uri);
    return c ? fn(c, c.offset(p)) : empty;
  };
  /** A verb on a whole document; inside YAML, `inYaml` answers (nothing when absent). */
  const whole = <T>(uri: string, fn: (c: DocContext) => T, empty: T, inYaml?: (y: YamlFeatures) => T): T => {
    const y = yaml(uri);
    if (y) return y !== 'off' && inYaml ? inYaml(y) : empty;
    const c = ctx(uri);
    return c ? fn(c) : empty;
  };
  return {
    openDocument: (uri, version, text) => ws.docs.setOpen(uri, version, text),
    changeDocument: (uri, version, changes) => ws.docs.change(uri, version, changes),
    closeDocument: (uri) => ws.close(uri),
    fileChanged: (uri) => ws.docs.invalidate(uri),
    configure: (update) => ws.configure(update),
    affectedBy: (uri) => ws.affectedBy(uri),
    getText: (uri) => ws.docs.get(uri)?.text,
    stats: () => ({ ...counters }),

    diagnostics: (uri) => whole(uri, diagnostics, [], (y) => y.diagnostics()),
    complete: (uri, p) => at(uri, p, complete, { isIncomplete: false, items: [] }, true),
    hover: (uri, p) => at(uri, p, hover, null),
    signatureHelp: (uri, p) => at(uri, p, signatureHelp, null),
    definition: (uri, p) => at(uri, p, definition, []),
    references: (uri, p, includeDeclaration) => at(uri, p, (c, o) => references(c, o, includeDeclaration), []),
    prepareRename: (uri, p) => at(uri, p, prepareRename, null, true),
    rename: (uri, p, newName) => {
      const y = yaml(uri);
      // Inside YAML, a rename whose edits reach a non-literal scalar would need escaping: none.
      const guard = y && y !== 'off' ? (e: ReturnType<typeof rename>) => (e && y.editable(e.changes) ? e : null) : (e: ReturnType<typeof rename>) => e;
      return at(uri, p, (c, o) => guard(rename(c, o, newName)), null, true);
    },
    documentSymbols: (uri) => whole(uri, documentSymbols, [], (y) => y.each(documentSymbols)),
    workspaceSymbols: (query) => workspaceSymbols(ws.workspaceUris().flatMap((u) => ctx(u) ?? []), query),
    documentLinks: (uri) => whole(uri, documentLinks, [], (y) => y.each(documentLinks)),
    format: (uri, _options, range) => whole(uri, (c) => format(c, range), [], (y) => y.format(range)),
    foldingRanges: (uri) => whole(uri, foldingRanges, [], (y) => y.foldingRanges(foldingRanges)),
    selectionRanges: (uri, positions) =>
      whole(
        uri,
        (c) => selectionRanges(c, positions),
        [],
        () => positions.map((p) => at(uri, p, (c, o) => selectionRanges(c, [c.position(o)]), [])[0] ?? { range: { start: p, end: p } }),
      ),
    semanticTokensLegend: () => LEGEND,
    semanticTokens: (uri) => whole(uri, semanticTokens, { data: [] }, (y) => y.semanticTokens(semanticTokens)),
    codeActions: (uri, range, context) => whole(uri, (c) => codeActions(c, range, context), []),
    inlayHints: (uri, range) => whole(uri, (c) => inlayHints(c, range), []),
    graph: async (uri, fmt) => {
      const c = ctx(uri);
      return c ? graphView(c, fmt) : '';
    },
  };
}
