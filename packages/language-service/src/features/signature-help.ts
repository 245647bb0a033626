import type { CallExpr } from '@alloy-lint/parser';
import { MarkupKind, type SignatureHelp } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { chainIdents, nodesAt } from '../locate.js';
import { signatureText, stdlibFunction } from '../stdlib.js';

/** Signature of the stdlib function whose call holds the cursor, with the active parameter. */
export function signatureHelp(ctx: DocContext, offset: number): SignatureHelp | null {
  const calls = nodesAt(ctx.ast, offset).filter((n): n is CallExpr => 'kind' in n && n.kind === 'Call' && offset > n.lparen && offset <= n.rparen);
  const call = calls.at(-1);
  if (!call) return null;
  const idents = chainIdents(call.value);
  const f = idents && stdlibFunction(idents.map((i) => i.name).join('.'));
  if (!f) return null;
  // The argument index is the number of commas between `(` and the cursor at this call's depth.
  let active = 0;
  for (const a of call.args) if (a.kind !== 'Bad' && a.end < offset && ctx.slice(a.end, offset).includes(',')) active++;
  if (f.variadic) active = Math.min(active, f.params.length - 1);
  const label = signatureText(f);
  let from = label.indexOf('(') + 1;
  const parameters = f.params.map((p, i) => {
    const text = `${p.name}: ${p.type}${f.variadic && i === f.params.length - 1 ? '...' : ''}`;
    const start = label.indexOf(text, from);
    from = start + text.length;
    return { label: [start, start + text.length] as [number, number] };
  });
  return {
    signatures: [{ label, documentation: { kind: MarkupKind.Markdown, value: `${f.summary}\n\n[Documentation](${f.docs})` }, parameters, activeParameter: active }],
    activeSignature: 0,
    activeParameter: active,
  };
}
