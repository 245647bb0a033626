import { AlloyContext } from './alloy-context.js';
import type { Piece } from './pieces.js';
import { scanActions } from './template.js';

/** A value with its template actions masked for formatting, and the way back. */
export type Masked = { text: string; pieces: Piece[]; restore: (formatted: string) => string | undefined } | { refused: string };

/** Start of the line holding `i`, and end of the line holding `i`, found without rescanning (positions only grow). */
function lines(v: string) {
  let start = 0;
  let startAt = 0;
  let end = -1;
  return {
    start(i: number): number {
      for (; startAt < i; startAt++) if (v[startAt] === '\n') start = startAt + 1;
      return start;
    },
    end(i: number): number {
      if (end < i) end = v.indexOf('\n', i) === -1 ? v.length : v.indexOf('\n', i);
      return end;
    },
  };
}

/**
 * For `fmt`: every action becomes a token of exactly its length (an identifier, a
 * quoted label, or a `//` comment for actions on a line of their own), so the formatter
 * lays the text out as if the actions were there; `restore` puts them back. Nothing is
 * trimmed or skipped. Actions that cannot be masked faithfully refuse.
 */
export function maskActions(v: string): Masked {
  const { actions, problems } = scanActions(v);
  if (problems.length) return { refused: problems[0].message };
  // A token prefix the text does not contain, so every token is found exactly where it was put.
  let prefix = '_t';
  while (v.includes(prefix)) prefix += 't';
  const line = lines(v);
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
    // Slices stop at the neighbouring actions, so all of them together read the text once.
    const next = k + 1 < actions.length ? actions[k + 1].start : v.length;
    const ls = line.start(a.start);
    const rest = v.slice(a.end, Math.min(line.end(a.end), next));
    const alone = (k === 0 || actions[k - 1].end <= ls) && v.slice(ls, a.start).trim() === '' && rest.trim() === '' && line.end(a.end) <= next;
    const slot = a.kind === 'output' ? ctx.slot(rest) : alone ? 'statement' : undefined;
    if (slot === undefined) return { refused: `template action ${JSON.stringify(original)} shares its line with Alloy text` };
    const id = `${prefix}${k.toString(36)}`;
    const room = original.length - (slot === 'statement' || slot === 'label' ? 2 : 0);
    if (room < id.length + 1) return { refused: `template action ${JSON.stringify(original)} is too short to hold a placeholder` };
    const core = id + '_'.repeat(room - id.length);
    const token = slot === 'statement' ? `//${core}` : slot === 'label' ? `"${core}"` : core;
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
      if (i === -1) return undefined;
      out += formatted.slice(at, i) + s.original;
      at = i + s.token.length;
    }
    return out + formatted.slice(at);
  };
  return { text, pieces: pieces.filter((p) => p.text.length > 0 || p.kind !== 'copy'), restore };
}
