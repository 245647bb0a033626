import type { Block, Stmt } from '@alloy-lint/parser';
import type { DocumentLink } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { stringLiteral } from '../declares.js';
import { resolveUri } from '../uri.js';

/** The `filename` of every `import.file` block (declare bodies included) links to the module. */
export function documentLinks(ctx: DocContext): DocumentLink[] {
  const out: DocumentLink[] = [];
  const walk = (body: Stmt[], depth: number) => {
    for (const s of body) {
      if (s.kind !== 'Block' || depth > 64) continue;
      if (s.fullName === 'import.file') link(ctx, s, out);
      else if (s.fullName === 'declare') walk(s.body, depth + 1);
    }
  };
  walk(ctx.ast.body, 0);
  return out;
}

function link(ctx: DocContext, b: Block, out: DocumentLink[]): void {
  const attr = b.body.find((s) => s.kind === 'Attribute' && s.name.name === 'filename');
  if (attr?.kind !== 'Attribute') return;
  const name = stringLiteral(attr.value);
  const target = name === undefined ? undefined : resolveUri(ctx.uri, name);
  if (!target) return;
  out.push({ range: ctx.range(attr.value.start + 1, attr.value.end - 1), target, tooltip: 'Open the module' });
}
