// The language service's LSP-shaped answers in CodeMirror's terms. Both count UTF-16 code
// units, so a position is a line and an offset into it.
import type { Completion } from '@codemirror/autocomplete';
import { snippet } from '@codemirror/autocomplete';
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { CompletionItem, Diagnostic, MarkupContent, Position, Range, TextEdit } from 'vscode-languageserver-types';

export function toOffset(doc: Text, p: Position): number {
  if (p.line >= doc.lines) return doc.length;
  const line = doc.line(p.line + 1);
  return Math.min(line.from + p.character, line.to);
}

export function toPosition(doc: Text, offset: number): Position {
  const line = doc.lineAt(Math.max(0, Math.min(offset, doc.length)));
  return { line: line.number - 1, character: offset - line.from };
}

export const toOffsets = (doc: Text, r: Range) => ({ from: toOffset(doc, r.start), to: toOffset(doc, r.end) });

const SEVERITY: Record<number, CmDiagnostic['severity']> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function toCmDiagnostics(doc: Text, diags: Diagnostic[]): CmDiagnostic[] {
  return diags.map((d) => {
    const { from, to } = toOffsets(doc, d.range);
    return { from, to, severity: SEVERITY[d.severity ?? 1] ?? 'error', source: d.code === undefined ? undefined : String(d.code), message: docText(d.message) };
  });
}

/** Edits given against one version of the document, as one CodeMirror change set spec. */
export const toChanges = (doc: Text, edits: TextEdit[]) => edits.map((e) => ({ ...toOffsets(doc, e.range), insert: e.newText }));

/** LSP snippet syntax (`$1`, `${1:x}`, `$0`) in CodeMirror's (`${1}`, `${1:x}`, `${0}`). */
export const toCmSnippet = (s: string) => s.replace(/#\{/g, '#\\{').replace(/\$(\d+)/g, '${$1}');

const KIND: Record<number, string> = { 2: 'method', 3: 'function', 5: 'property', 6: 'variable', 7: 'class', 9: 'namespace', 10: 'property', 12: 'constant', 13: 'enum', 14: 'keyword', 15: 'text', 20: 'enum', 21: 'constant', 22: 'type' };

export function docText(d: string | MarkupContent | undefined): string {
  return d === undefined ? '' : typeof d === 'string' ? d : d.value;
}

/** Completion items as CodeMirror options; each replaces its own range (snippets become fields). */
export function toCompletions(doc: Text, items: CompletionItem[]): { from: number; options: Completion[] } | null {
  if (!items.length) return null;
  const first = items.find((i) => i.textEdit && 'range' in i.textEdit);
  const from = first?.textEdit && 'range' in first.textEdit ? toOffset(doc, first.textEdit.range.start) : -1;
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  const options = sorted.map((item, rank): Completion => {
    const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
    const text = edit?.newText ?? item.insertText ?? item.label;
    const isSnippet = item.insertTextFormat === 2;
    return {
      label: item.label,
      detail: item.detail,
      info: docText(item.documentation) || undefined,
      type: KIND[item.kind ?? 0],
      boost: Math.max(-99, 99 - rank),
      apply: (view: EditorView, c: Completion, f: number, t: number) => {
        const range = edit ? toOffsets(view.state.doc, edit.range) : { from: f, to: t };
        // The user may have typed on since the list was made: replace up to the cursor.
        const to = Math.max(range.to, view.state.selection.main.head);
        if (isSnippet) snippet(toCmSnippet(text))(view, c, range.from, to);
        else view.dispatch({ changes: { from: range.from, to, insert: text }, selection: { anchor: range.from + text.length }, userEvent: 'input.complete' });
      },
    };
  });
  return { from: from >= 0 ? from : doc.length, options };
}
