import type { Block } from '@alloy-lint/parser';
import { diag } from '../diagnostic.js';
import type { BodySpec } from '../schema.js';
import type { Rule, RuleContext } from './types.js';

/** A secret written into the config in clear text. */
export const hardcodedSecret: Rule = {
  id: 'hardcoded-secret',
  severity: 'warning',
  description: 'A secret-typed argument set to a string literal; read it from the environment or a secret store instead.',
  check(ctx) {
    for (const node of ctx.graph.nodes) {
      if (node.kind !== 'component' || node.custom) continue;
      const args = ctx.catalog.component(node.name)?.args;
      if (args) walk(ctx, node.file, node.block, args);
    }
  },
};

function walk(ctx: RuleContext, file: string, b: Block, spec: BodySpec): void {
  if (spec.kind !== 'struct') return;
  const fields = new Map(spec.fields.map((f) => [f.name, f]));
  for (const s of b.body) {
    const f = fields.get(s.kind === 'Block' ? s.name.join('.') : s.name.name);
    if (!f) continue;
    if (s.kind === 'Block' && f.kind === 'block') walk(ctx, file, s, f.body);
    else if (s.kind === 'Attribute' && f.kind === 'attr' && f.type === 'secret') {
      const v = s.value;
      if (v.kind === 'Literal' && v.litKind === 'STRING' && v.raw.length > 2) {
        ctx.report(
          diag(file, '', `${s.name.name} is a secret written in clear text; use sys.env("…"), local.file or remote.kubernetes.secret`, v.start, v.end - 1),
        );
      }
    }
  }
}
