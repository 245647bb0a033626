// remote.kubernetes.secret and remote.kubernetes.configmap: the object's `data` from the
// samples' Kubernetes world, exported as `data` (secret values marked secret, configmap values
// plain). A missing object fails the component as the API server's `not found` fails Alloy's
// first poll. Polling (`poll_frequency`, `poll_timeout`) and the `client` block are checked,
// never used: no cluster is contacted.

import { base64Decode } from '@alloy-lint/gostd';
import { object, optionalSecret, type Value } from '@alloy-lint/values';
import { SimError, text } from '../value-js.js';
import type { SimContext, SimFactory, Simulator } from './api.js';
import { durationIn } from './otel/connector-common.js';
import { optString } from './otel/common.js';

const utf8 = new TextDecoder();

function checkPoll(ctx: SimContext): void {
  for (const [name, what] of [
    ['poll_frequency', 'poll_frequency must be greater than 0'],
    ['poll_timeout', 'poll_timeout must not be greater than 0'], // sic: Alloy's message
  ]) {
    const v = optString(ctx, name);
    if (v === undefined) continue;
    const s = durationIn(v, 's');
    if (s === undefined || s <= 0) throw new SimError(what);
  }
}

function secretData(o: { data?: Record<string, string>; stringData?: Record<string, string> }, where: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o.data ?? {})) {
    try {
      out.set(k, utf8.decode(base64Decode(v)));
    } catch {
      throw new SimError(`samples: ${where}.data.${k} is not valid base64 (Kubernetes keeps secret data base64-encoded; use stringData for plain text)`);
    }
  }
  for (const [k, v] of Object.entries(o.stringData ?? {})) out.set(k, v);
  return out;
}

export function remoteKubernetes(kind: 'secret' | 'configmap'): SimFactory {
  return (ctx: SimContext): Simulator => {
    const namespace = text(ctx.required('namespace'), 'namespace');
    const name = text(ctx.required('name'), 'name');
    checkPoll(ctx);
    const list = kind === 'secret' ? ctx.samples.kubernetes?.secrets : ctx.samples.kubernetes?.configmaps;
    const at = (list ?? []).findIndex((o) => o.name === name && (o.namespace ?? 'default') === namespace);
    const plural = kind === 'secret' ? 'secrets' : 'configmaps';
    if (at < 0) throw new SimError(`${plural} "${name}" not found (in namespace ${namespace}; add it to the samples' kubernetes.${plural})`);
    const found = list![at];
    const data = kind === 'secret' ? secretData(found, `kubernetes.secrets[${at}]`) : new Map(Object.entries(found.data ?? {}));
    const fields = new Map<string, Value>([...data].map(([k, v]) => [k, optionalSecret(v, kind === 'secret')]));
    return { exports: { data: object(fields) } };
  };
}
