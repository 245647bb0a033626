import { parse } from '@alloy-lint/parser';
import { joinText } from './pieces.js';
import { type Substitution, substitute } from './template.js';

/** Re-parses are bounded: a text with many branches that never parses stays linear. */
const MAX_FLIPS = 16;

/**
 * Substitutes template actions, choosing `if` branches so that the result parses: when
 * it does not, the innermost taken `if`/`with` body holding (or just before) the first
 * syntax error is swapped for its `else` branch, at most once per action. Without a
 * choice that parses, the first branches are kept and the syntax error is reported.
 */
export function substituteParsing(v: string): Substitution {
  const first = substitute(v);
  if (first.branches.length === 0) return first;
  const flipped = new Set<number>();
  let sub = first;
  for (let tries = 0; tries <= Math.min(first.branches.length, MAX_FLIPS); tries++) {
    const { source, diagnostics } = parse(joinText(sub.pieces));
    if (diagnostics.length === 0) return sub;
    const at = source.utf16Offset(diagnostics[0].start);
    const open = sub.branches.filter((b) => !flipped.has(b.action));
    const inside = open.filter((b) => b.start <= at && at <= b.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    const before = open.filter((b) => b.end <= at).sort((a, b) => b.end - a.end)[0];
    const pick = inside ?? before;
    if (!pick) break;
    flipped.add(pick.action);
    sub = substitute(v, flipped);
  }
  return first;
}
