import { AlloyContext } from './alloy-context.js';
import type { Piece } from './pieces.js';
import { scanActions } from './template.js';

/** A value with its template actions masked for formatting, and the way back. */
export type Masked = { text: string; pieces: Piece[]; restore: (formatted: string) => string | undefined } | { refused: string };

const lineStart = (v: string, i: number) => v.lastIndexOf('\n', i - 1) + 1;
const lineEnd = (v: string, i: number) => (v.indexOf('\n', i) === -1 ? v.length : v.indexOf('\n', i));

/**
 * For `fmt`: every action becomes a token of exactly its length (an identifier, a
 * quoted label, or a `//` comment for actions on a line of their own), so the formatter
 * lays the text out as if the actions were there; `restore` puts them back. Nothing is
 * trimmed or skipped. Actions that cannot be masked faithfully refuse.
 */
export function maskActions(v: string): Masked {
  const { actions, problems } = scanActions(v);
  if (problems.length) return { refused: problems[0].message };
  const ctx = new AlloyContext();
  const pieces: Piece[] = [];
  const swaps: { token: string; original: string }[] = [];
  let text = '';
  let pos = 0;
  for (let k = 0; k < actions.length; k++) {
    const a = actions[k];
    const original = v.slice(a.start, a.end);
    if (original.includes('\n')) return { refused: `template action ${JSON.stringify(original.slice(0, 40))} spans lines` };
    const before = v.slice(pos, a.start);
    pieces.push({ text: before, from: pos, to: a.start, kind: 'copy' });
    ctx.feed(before);
    text += before;
    const alone = v.slice(lineStart(v, a.start), a.start).trim() === '' && v.slice(a.end, lineEnd(v, a.end)).trim() === '';
    const slot = a.kind === 'output' ? ctx.slot(v.slice(a.end, lineEnd(v, a.end))) : alone ? 'statement' : undefined;
    if (slot === undefined) return { refused: `template action ${JSON.stringify(original)} shares its line with Alloy text` };
    const id = `_t${k.toString(36)}`;
    const room = original.length - (slot === 'statement' || slot === 'label' ? 2 : 0);
    if (room < id.length + 1) return { refused: `template action ${JSON.stringify(original)} is too short to hold a placeholder` };
    const core = id + '_'.repeat(room - id.length);
    const token = slot === 'statement' ? `//${core}` : slot === 'label' ? `"${core}"` : core;
    if (v.includes(core)) return { refused: `the text already contains ${core}` };
    swaps.push({ token, original });
    pieces.push({ text: token, from: a.start, to: a.end, kind: 'placeholder' });
    ctx.feed(token);
    text += token;
    pos = a.end;
  }
  pieces.push({ text: v.slice(pos), from: pos, to: v.length, kind: 'copy' });
  text += v.slice(pos);
  const restore = (formatted: string): string | undefined => {
    let out = '';
    let at = 0;
    for (const s of swaps) {
      const i = formatted.indexOf(s.token, at);
      if (i === -1 || formatted.indexOf(s.token, i + 1) !== -1) return undefined;
      out += formatted.slice(at, i) + s.original;
      at = i + s.token.length;
    }
    return out + formatted.slice(at);
  };
  return { text, pieces: pieces.filter((p) => p.text.length > 0 || p.kind !== 'copy'), restore };
}
