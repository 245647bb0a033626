import type { Block } from '@alloy-lint/parser';
import { diag } from '../diagnostic.js';
import { type BodySpec, fieldsOf } from '../schema.js';
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
      if (args && hasSecrets(args)) walk(ctx, node.file, node.block, args);
    }
  },
};

const secrets = new WeakMap<BodySpec, boolean>();

/** Whether a body has a secret attribute anywhere below it (cached per body). */
function hasSecrets(spec: BodySpec, seen?: Set<BodySpec>): boolean {
  const hit = secrets.get(spec);
  if (hit !== undefined) return hit;
  seen ??= new Set();
  if (seen.has(spec)) return false;
  seen.add(spec);
  const found = spec.fields.some((f) => (f.kind === 'attr' ? f.type === 'secret' : hasSecrets(f.body, seen)));
  secrets.set(spec, found);
  return found;
}

function walk(ctx: RuleContext, file: string, b: Block, spec: BodySpec): void {
  if (spec.kind !== 'struct') return;
  const fields = fieldsOf(spec);
  for (const s of b.body) {
    const f = fields.get(s.kind === 'Block' ? s.name.join('.') : s.name.name);
    if (!f) continue;
    if (s.kind === 'Block' && f.kind === 'block') {
      if (hasSecrets(f.body)) walk(ctx, file, s, f.body);
    }
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
