// The config editor: CodeMirror 6 with the language service (in the worker) behind it —
// diagnostics, semantic highlighting, completion, hover, formatting, go to definition.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentUnit } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import type { CompletionList, Hover, Location, Position, Range, SemanticTokens } from 'vscode-languageserver-types';
import type { Checked } from '../protocol.js';
import { docText, toChanges, toCmDiagnostics, toCompletions, toOffsets, toPosition } from './lsp.js';
import { markdownElement } from './markdown.js';

export interface ConfigHooks {
  changed(text: string): void;
  complete(p: Position): Promise<CompletionList>;
  hover(p: Position): Promise<Hover | null>;
  definition(p: Position): Promise<Location[]>;
  format(): Promise<{ range: Range; newText: string }[]>;
}

const setTokens = StateEffect.define<DecorationSet>();
const tokens = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) if (e.is(setTokens)) return e.value;
    return deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** LSP's relative token encoding as marks with class `tok-<type>`. */
function tokenDecorations(state: EditorState, t: SemanticTokens, types: string[]): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < t.data.length; i += 5) {
    const [dl, dc, len, type] = t.data.slice(i, i + 4);
    line += dl;
    char = dl ? dc : char + dc;
    const { from } = toOffsets(state.doc, { start: { line, character: char }, end: { line, character: char } });
    const to = Math.min(from + len, state.doc.length);
    if (to > from) b.add(from, to, Decoration.mark({ class: `tok-${types[type] ?? 'other'}` }));
  }
  return b.finish();
}

export class ConfigEditor {
  readonly view: EditorView;
  /** Bumped on every change; answers for an older version are dropped. */
  version = 1;

  constructor(parent: HTMLElement, text: string, private readonly hooks: ConfigHooks, private readonly tokenTypes: string[]) {
    const goToDefinition = (view: EditorView, pos: number) => {
      void hooks.definition(toPosition(view.state.doc, pos)).then((locs) => {
        if (locs[0]) this.select(locs[0].range);
      });
      return true;
    };
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      drawSelection(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      indentUnit.of('\t'),
      EditorState.tabSize.of(4),
      lintGutter(),
      tokens,
      autocompletion({
        override: [async (ctx) => toCompletions(ctx.state.doc, (await hooks.complete(toPosition(ctx.state.doc, ctx.pos))).items)],
        activateOnTyping: true,
      }),
      hoverTooltip(async (view, pos) => {
        const h = await hooks.hover(toPosition(view.state.doc, pos));
        if (!h) return null;
        const value = Array.isArray(h.contents) ? h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n') : docText(h.contents as never);
        const r = h.range ? toOffsets(view.state.doc, h.range) : { from: pos, to: pos };
        return { pos: r.from, end: r.to, create: () => ({ dom: markdownElement(value, 'md hover') }) };
      }),
      keymap.of([
        { key: 'F12', run: (v) => goToDefinition(v, v.state.selection.main.head) },
        { key: 'Shift-Alt-f', run: () => (void this.format(), true) },
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...completionKeymap,
        ...lintKeymap,
        indentWithTab,
      ]),
      EditorView.domEventHandlers({
        mousedown: (e, view) => {
          if (!(e.ctrlKey || e.metaKey)) return false;
          const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
          if (pos === null) return false;
          e.preventDefault();
          return goToDefinition(view, pos);
        },
      }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        this.version++;
        hooks.changed(u.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'Alloy configuration' }),
    ];
    this.view = new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  setText(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  /** Shows a check's diagnostics and highlighting, if it is of the current version. */
  show(checked: Checked): void {
    if (checked.version !== this.version) return;
    const { state } = this.view;
    this.view.dispatch(setDiagnostics(state, toCmDiagnostics(state.doc, checked.diagnostics)), { effects: setTokens.of(tokenDecorations(state, checked.tokens, this.tokenTypes)) });
  }

  /** Selects a range with the cursor at its start (a block's first line stays in view). */
  select(range: Range): void {
    const { from, to } = toOffsets(this.view.state.doc, range);
    this.view.dispatch({ selection: { anchor: to, head: from }, scrollIntoView: true });
    this.view.focus();
  }

  async format(): Promise<void> {
    const version = this.version;
    const edits = await this.hooks.format();
    if (version !== this.version || !edits.length) return;
    this.view.dispatch({ changes: toChanges(this.view.state.doc, edits), userEvent: 'format' });
  }
}
