// otelcol.auth.*: credential providers for exporters and receivers. Offline there is no
// request to sign, so the simulation evaluates every argument (a missing env variable,
// a bad reference or a wrong type fails the component as it would fail Alloy) and exports
// the `handler` capsule; exporters name the auth in their report without its values.

import type { Stmt } from '@alloy-lint/parser';
import { handle } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';

export function otelAuth(ctx: SimContext): Simulator {
  const walk = (body: Stmt[]) => {
    for (const s of body) {
      if (s.kind === 'Attribute') ctx.attr(s.name.name, body);
      else if (s.kind === 'Block') walk(s.body);
    }
  };
  walk(ctx.block.body);
  return { exports: { handler: handle('auth.Handler', { id: `${ctx.id}.handler` }) } };
}
