// local.file and local.file_match, over the files the host (and the samples) provide.

import { optionalSecret, secret } from '@alloy-lint/values';
import { globMatch } from '../glob.js';
import type { Labels } from '../samples.js';
import { bool, SimError, targetsOf, targetsValue, text } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';

export function localFile(ctx: SimContext): Simulator {
  const filename = text(ctx.required('filename'), 'filename');
  const isSecret = ctx.attr('is_secret') ? bool(ctx.attr('is_secret')!, 'is_secret') : false;
  const content = ctx.host.readFile(filename);
  if (content === undefined) throw new SimError(`failed to read file: open ${filename}: no such file or directory (add it to the samples' files)`);
  return { exports: { content: isSecret ? secret(content) : optionalSecret(content, false) } };
}

export function localFileMatch(ctx: SimContext): Simulator {
  const input = targetsOf(ctx.required('path_targets'), 'path_targets');
  const out: Labels[] = [];
  const seen = new Set<string>();
  for (const t of input) {
    if (!t.__path__) continue;
    if (!ctx.host.glob) {
      ctx.warn('the host cannot list files: globs are not expanded');
      break;
    }
    for (const path of ctx.host.glob(t.__path__)) {
      if (t.__path_exclude__ && globMatch(t.__path_exclude__, path)) continue;
      const target: Labels = { ...t, __path__: path };
      const key = JSON.stringify(Object.entries(target).sort());
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(target);
    }
  }
  return { exports: { targets: targetsValue(out) }, targets: () => ({ component: ctx.id, targets: out }) };
}

/** Any other discovery component: its targets come from the samples (`targets` by id or name). */
export function discoveryFromSamples(ctx: SimContext): Simulator {
  const given = ctx.samples.targets?.[ctx.id] ?? ctx.samples.targets?.[ctx.name];
  if (!given) ctx.warn(`no targets in the samples (add targets."${ctx.id}")`);
  const targets = given ?? [];
  return { exports: { targets: targetsValue(targets) }, targets: () => ({ component: ctx.id, targets }) };
}
