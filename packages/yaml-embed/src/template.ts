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
  /** Taken `if`/`with` bodies: the action's index and the range of Alloy text it produced. */
  branches: { action: number; start: number; end: number }[];
}

/** Text after action `k` up to the next action or the end of its line (what decides its slot). */
function restOfLine(v: string, actions: TemplateAction[], k: number, from: number): string {
  const stop = k + 1 < actions.length ? actions[k + 1].start : v.length;
  let i = from;
  while (i < stop && v[i] !== '\n') i++;
  return v.slice(from, i);
}

/** Normalised action text: the same value gives the same placeholder name. */
const keyOf = (inner: string) => inner.replace(/\s+/g, ' ').replace(/\s*\|\s*(quote|squote)$/, '');

interface Frame {
  kind: string;
  skip: boolean;
  parentSkip: boolean;
  action: number;
  /** Flipped: the body is left out and the first `else` branch taken instead. */
  flipped: boolean;
  branch: number;
  /** Output offset where the taken body began (-1 when not recorded). */
  from: number;
}

/**
 * Replaces template actions the way Helm's `tpl` would render them, for checking: trim
 * markers eat whitespace, control actions and comments vanish, `define` bodies and all
 * but one branch of each `if` are left out (the first branch, or for the `if`/`with`
 * actions in `flipped` the `else` branch), a `range` body appears once, and each output
 * action becomes a placeholder shaped for where it stands.
 */
export function substitute(v: string, flipped: ReadonlySet<number> = new Set()): Substitution {
  const { actions, problems } = scanActions(v);
  const pieces: Piece[] = [];
  const branches: Substitution['branches'] = [];
  const ctx = new AlloyContext();
  const names = new Map<string, string>();
  const frames: Frame[] = [];
  let outLen = 0;
  const skipping = () => frames.length > 0 && frames[frames.length - 1].skip;
  const out = (p: Piece) => {
    push(pieces, p);
    ctx.feed(p.text);
    outLen += p.text.length;
  };
  const emit = (from: number, to: number) => {
    if (to > from && !skipping()) out({ text: v.slice(from, to), from, to, kind: 'copy' });
  };
  const close = (f: Frame) => {
    if (f.from >= 0) branches.push({ action: f.action, start: f.from, end: outLen });
    f.from = -1;
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
    const top = frames[frames.length - 1];
    switch (a.kind) {
      case 'if':
      case 'with':
      case 'range':
      case 'block': {
        const flip = flipped.has(k) && (a.kind === 'if' || a.kind === 'with');
        const skip = parentSkip || flip;
        frames.push({ kind: a.kind, skip, parentSkip, action: k, flipped: flip, branch: 0, from: !skip && a.kind !== 'range' && a.kind !== 'block' ? outLen : -1 });
        break;
      }
      case 'define':
        frames.push({ kind: a.kind, skip: true, parentSkip, action: k, flipped: false, branch: 0, from: -1 });
        break;
      case 'else':
        if (!top) {
          problems.push({ message: 'template: unexpected {{else}}', start: a.start, end: a.end });
          break;
        }
        close(top);
        top.skip = top.flipped && top.branch === 0 ? top.parentSkip : true;
        top.branch++;
        break;
      case 'end':
        if (!top) problems.push({ message: 'template: unexpected {{end}}', start: a.start, end: a.end });
        else close(frames.pop()!);
        break;
      case 'output': {
        if (parentSkip) break;
        a.slot = ctx.slot(restOfLine(v, actions, k, pos));
        if (a.slot === 'statement') {
          pieces.push({ text: '', from: a.start, to: a.end, kind: 'placeholder' });
          break;
        }
        const key = keyOf(a.inner);
        let name = names.get(key);
        if (name === undefined) names.set(key, (name = `__tpl${names.size + 1}`));
        out({ text: a.slot === 'label' ? `"${name}"` : name, from: a.start, to: a.end, kind: 'placeholder' });
        break;
      }
      default:
        break;
    }
  }
  emit(pos, v.length);
  for (const f of frames) problems.push({ message: `template: {{${f.kind}}} has no matching {{end}}`, start: actions[f.action].start, end: actions[f.action].end });
  return { pieces, actions, problems, branches };
}
