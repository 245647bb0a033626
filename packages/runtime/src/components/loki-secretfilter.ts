// loki.secretfilter (best effort): secrets found by a compact rule set are replaced with
// `redact_with` ($SECRET_NAME, $SECRET_HASH) or masked gitleaks-style (redact_percent).

import { createHash } from 'node:crypto';
import { view } from '../flow.js';
import { num, text } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';
import { detect, maskSecret } from './secret-rules.js';

export function lokiSecretfilter(ctx: SimContext): Simulator {
  const to = ctx.flow.receiversOf(ctx.required('forward_to'));
  const redactWith = ctx.attr('redact_with') ? text(ctx.attr('redact_with')!, 'redact_with') : '';
  const p = ctx.attr('redact_percent') ? num(ctx.attr('redact_percent')!, 'redact_percent') : 80;
  const percent = p >= 1 && p <= 100 ? p : 80;
  if (ctx.attr('gitleaks_config')) ctx.warn('gitleaks_config is not read: the built-in rule set is used');
  const rate = ctx.attr('rate');
  if (rate && num(rate, 'rate') < 1) ctx.warn('rate < 1 samples entries at random in Alloy; here every entry is filtered');
  const receiver = ctx.flow.receiver(ctx.id, (fe) => {
    const before = fe.steps ? view(fe.entry) : undefined;
    const findings = detect(fe.entry.line);
    let line = fe.entry.line;
    for (const f of findings) {
      const replacement = redactWith
        ? redactWith.replaceAll('$SECRET_NAME', f.rule).replaceAll('$SECRET_HASH', createHash('sha1').update(f.secret).digest('hex'))
        : maskSecret(f.secret, percent);
      line = line.split(f.secret).join(replacement);
    }
    fe.entry.line = line;
    ctx.flow.step(fe, ctx.id, before, { note: findings.length ? `redacted ${findings.map((f) => f.rule).join(', ')}` : 'no secrets found' });
    ctx.flow.forward(ctx.id, to, fe);
  });
  return { exports: { receiver } };
}
