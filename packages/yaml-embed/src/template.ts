import { AlloyContext, type Slot } from './alloy-context.js';
import { type Piece, push } from './pieces.js';

/** A Helm (Go text/template) action `{{ … }}` in the scalar's value. */
export interface TemplateAction {
  /** Offsets in the value (UTF-16): `{{` to after `}}`. */
  start: number;
  end: number;
  /** The words inside, without delimiters, trim markers and surrounding spaces. */
  inner: string;
  trimLeft: boolean;
  trimRight: boolean;
  /** `if`, `else`, `end`, `range`, `with`, `define`, `block`, `comment`, `assign`, or `output`. */
  kind: string;
  /** What the placeholder stood for (for `output` actions that produced one). */
  slot?: Slot;
}

export interface TemplateProblem {
  message: string;
  /** Offsets in the value. */
  start: number;
  end: number;
}

const CONTROL = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'block', 'break', 'continue', 'template']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Finds every action; quotes and comments inside an action are skipped, so `"}}"` does not end it. */
export function scanActions(v: string): { actions: TemplateAction[]; problems: TemplateProblem[] } {
  const actions: TemplateAction[] = [];
  const problems: TemplateProblem[] = [];
  let pos = 0;
  for (let start = v.indexOf('{{', pos); start !== -1; start = v.indexOf('{{', pos)) {
    let i = start + 2;
    const trimLeft = v[i] === '-' && isSpace(v[i + 1]);
    if (trimLeft) i += 2;
    let end = -1;
    let trimRight = false;
    while (i < v.length) {
      const c = v[i];
      if (c === '"' || c === "'") {
        i++;
        while (i < v.length && v[i] !== c && v[i] !== '\n') i += v[i] === '\\' ? 2 : 1;
        i++;
      } else if (c === '`') {
        const close = v.indexOf('`', i + 1);
        i = close === -1 ? v.length : close + 1;
      } else if (c === '/' && v[i + 1] === '*') {
        const close = v.indexOf('*/', i + 2);
        i = close === -1 ? v.length : close + 2;
      } else if (c === '}' && v[i + 1] === '}') {
        trimRight = v[i - 1] === '-' && isSpace(v[i - 2]);
        end = i + 2;
        break;
      } else i++;
    }
    if (end === -1) {
      problems.push({ message: 'template: unclosed action (no matching "}}")', start, end: Math.min(v.length, start + 2) });
      break;
    }
    const inner = v.slice(trimLeft ? start + 4 : start + 2, trimRight ? end - 4 : end - 2).trim();
    const word = /^[a-z]+/.exec(inner)?.[0] ?? '';
    const kind = inner.startsWith('/*') ? 'comment' : /^\$[\w]*\s*:?=/.test(inner) ? 'assign' : CONTROL.has(word) && word !== 'template' ? word : 'output';
    actions.push({ start, end, inner, trimLeft, trimRight, kind });
    pos = end;
  }
  return { actions, problems };
}

export interface Substitution {
  /** Pieces of the Alloy text, referring to offsets in the value. */
  pieces: Piece[];
  actions: TemplateAction[];
  problems: TemplateProblem[];
}

/** Text between the end of action `k` and the end of its line, other actions left out. */
function restOfLine(v: string, actions: TemplateAction[], k: number): string {
  let out = '';
  let i = actions[k].end;
  for (let j = k + 1; ; j++) {
    const stop = j < actions.length ? actions[j].start : v.length;
    const nl = v.indexOf('\n', i);
    if (nl !== -1 && nl < stop) return out + v.slice(i, nl);
    out += v.slice(i, stop);
    if (j >= actions.length) return out;
    i = actions[j].end;
  }
}

/** Normalised action text: the same value gives the same placeholder name. */
const keyOf = (inner: string) => inner.replace(/\s+/g, ' ').replace(/\s*\|\s*(quote|squote)$/, '');

/**
 * Replaces template actions the way Helm's `tpl` would render them, for checking: trim
 * markers eat whitespace, control actions and comments vanish, `else` branches and
 * `define` bodies are left out (the first branch is checked), and each output action
 * becomes a placeholder shaped for where it stands.
 */
export function substitute(v: string): Substitution {
  const { actions, problems } = scanActions(v);
  const pieces: Piece[] = [];
  const ctx = new AlloyContext();
  const names = new Map<string, string>();
  const frames: { kind: string; skip: boolean; start: number; end: number }[] = [];
  const skipping = () => frames.length > 0 && frames[frames.length - 1].skip;
  const emit = (from: number, to: number) => {
    if (to <= from || skipping()) return;
    const text = v.slice(from, to);
    push(pieces, { text, from, to, kind: 'copy' });
    ctx.feed(text);
  };
  let pos = 0;
  for (let k = 0; k < actions.length; k++) {
    const a = actions[k];
    let textEnd = a.start;
    if (a.trimLeft) while (textEnd > pos && isSpace(v[textEnd - 1])) textEnd--;
    emit(pos, textEnd);
    pos = a.end;
    if (a.trimRight) while (pos < v.length && isSpace(v[pos])) pos++;
    const parentSkip = skipping();
    switch (a.kind) {
      case 'if':
      case 'with':
      case 'range':
      case 'block':
        frames.push({ kind: a.kind, skip: parentSkip, start: a.start, end: a.end });
        break;
      case 'define':
        frames.push({ kind: a.kind, skip: true, start: a.start, end: a.end });
        break;
      case 'else':
        if (frames.length === 0) problems.push({ message: 'template: unexpected {{else}}', start: a.start, end: a.end });
        else frames[frames.length - 1].skip = true;
        break;
      case 'end':
        if (frames.length === 0) problems.push({ message: 'template: unexpected {{end}}', start: a.start, end: a.end });
        else frames.pop();
        break;
      case 'output': {
        if (parentSkip) break;
        const slot = ctx.slot(a.trimRight ? v.slice(pos, v.indexOf('\n', pos) === -1 ? v.length : v.indexOf('\n', pos)) : restOfLine(v, actions, k));
        a.slot = slot;
        if (slot === 'statement') {
          pieces.push({ text: '', from: a.start, to: a.end, kind: 'placeholder' });
          break;
        }
        const key = keyOf(a.inner);
        let name = names.get(key);
        if (name === undefined) names.set(key, (name = `__tpl${names.size + 1}`));
        const text = slot === 'label' ? `"${name}"` : name;
        pieces.push({ text, from: a.start, to: a.end, kind: 'placeholder' });
        ctx.feed(text);
        break;
      }
      default:
        break;
    }
  }
  emit(pos, v.length);
  for (const f of frames) problems.push({ message: `template: {{${f.kind}}} has no matching {{end}}`, start: f.start, end: f.end });
  return { pieces, actions, problems };
}
