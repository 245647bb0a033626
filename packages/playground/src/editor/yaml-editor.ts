// The samples and pipeline-test editors: YAML, with completion from a JSON Schema when given.
import { autocompletion, type CompletionSource, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** Colours by CSS class (styles.css has light and dark values). */
const classes = HighlightStyle.define([
  { tag: tags.comment, class: 'tok-comment' },
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], class: 'tok-property' },
  { tag: [tags.string, tags.special(tags.string)], class: 'tok-string' },
  { tag: [tags.number, tags.bool, tags.null, tags.keyword], class: 'tok-number' },
]);

export function yamlEditor(parent: HTMLElement, text: string, opts: { label: string; changed(text: string): void; completion?: CompletionSource }): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    history(),
    drawSelection(),
    closeBrackets(),
    highlightActiveLine(),
    yaml(),
    syntaxHighlighting(classes),
    indentUnit.of('  '),
    keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
    EditorView.updateListener.of((u) => u.docChanged && opts.changed(u.state.doc.toString())),
    EditorView.contentAttributes.of({ 'aria-label': opts.label }),
  ];
  if (opts.completion) extensions.push(autocompletion({ override: [opts.completion] }));
  return new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
}

export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
