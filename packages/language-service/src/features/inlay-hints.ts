import type { Block, Stmt } from '@alloy-lint/parser';
import { type InlayHint, InlayHintKind, type Range } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { blockFacts } from '../facts.js';
import { valueText } from '../types-display.js';

const SHOWN = 3;

/**
 * After the `{` of each block in the range, the defaults of the arguments it does not write
 * (`batch_wait = "1s", …`; the full list in the tooltip). Off unless the settings ask.
 */
export function inlayHints(ctx: DocContext, range: Range): InlayHint[] {
  if (!ctx.ws.settingsFor(ctx.uri).inlayHints.defaults) return [];
  const from = ctx.offset(range.start);
  const to = ctx.offset(range.end);
  const out: InlayHint[] = [];
  const walk = (body: Stmt[], around: Block[]) => {
    for (const s of body) {
      if (s.kind !== 'Block' || s.end < from || s.start > to || around.length > 64) continue;
      const path = [...around, s];
      const facts = blockFacts(ctx, path);
      if (facts.spec?.kind === 'struct' && s.lcurly >= from && s.lcurly <= to) {
        const written = new Set(s.body.map((x) => (x.kind === 'Attribute' ? x.name.name : x.fullName)));
        const defaults = facts.spec.fields.filter((f) => f.kind === 'attr' && f.default !== undefined && !written.has(f.name)).map((f) => `${f.name} = ${valueText(f.kind === 'attr' ? f.default : undefined)}`);
        if (defaults.length) {
          const shown = defaults.slice(0, SHOWN).join(', ') + (defaults.length > SHOWN ? `, … (${defaults.length - SHOWN} more)` : '');
          out.push({ position: ctx.position(s.lcurly + 1), label: ` ${shown}`, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: `Defaults not written:\n${defaults.join('\n')}` });
        }
      }
      if (facts.body !== 'unknown' && facts.body !== 'free') walk(s.body, path);
    }
  };
  walk(ctx.ast.body, []);
  return out;
}
