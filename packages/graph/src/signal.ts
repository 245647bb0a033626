import type { BodySpec } from '@alloy-lint/analyzer';
import type { Signal } from './model.js';

/** Direction and signal of one reference. */
export interface Flow {
  signal: Signal;
  flow: 'push' | 'pull';
}

/** The innermost `capsule(X)` of a type such as `list(capsule(loki.LogsReceiver))`, or undefined. */
export function capsuleOf(type: string | undefined): string | undefined {
  const m = type ? /capsule\(([^()]+)\)/.exec(type) : null;
  return m ? m[1] : undefined;
}

const WORDS: [string, Signal][] = [
  ['logs', 'logs'],
  ['log', 'logs'],
  ['metrics', 'metrics'],
  ['traces', 'traces'],
  ['trace', 'traces'],
  ['profiles', 'profiles'],
  ['targets', 'targets'],
];

/** A signal named by a word of an attribute path: `output.traces`, `metrics_destinations`. */
function signalWord(attribute: string): Signal | undefined {
  const words = new Set(attribute.split(/[._]/));
  for (const [w, s] of WORDS) if (words.has(w)) return s;
  return undefined;
}

/** Capsules whose holder receives data: a reference to one forwards data to it. */
const RECEIVERS: Record<string, Signal | undefined> = {
  'loki.LogsReceiver': 'logs',
  'storage.Appendable': 'metrics',
  'pyroscope.Appendable': 'profiles',
  // The signal of an OpenTelemetry consumer is named by the attribute (`output.traces`).
  'otelcol.Consumer': undefined,
};

const RECEIVER_EXPORTS = new Set(['receiver', 'receivers', 'input']);
const PUSH_ATTRIBUTES = new Set(['forward_to', 'write_to']);

/**
 * Classifies a reference. `exportType` is the type of the referenced export
 * (from the catalog), `attrType` the type of the attribute that holds the
 * reference; either may be unknown (declared components, `argument.x.value`).
 * Receivers and consumers are pushed to (the referencing block produces);
 * everything else is pulled (the referenced block produces).
 */
export function classify(exportType: string | undefined, attrType: string | undefined, attribute: string, reference: string): Flow {
  const capsule = capsuleOf(exportType) ?? capsuleOf(attrType);
  if (capsule !== undefined && capsule in RECEIVERS) {
    const s = RECEIVERS[capsule] ?? signalWord(attribute);
    return { signal: s === 'targets' || s === undefined ? 'other' : s, flow: 'push' };
  }
  if (capsule === 'discovery.Target') return { signal: 'targets', flow: 'pull' };
  if (capsule !== undefined) return { signal: 'other', flow: 'pull' };
  const type = exportType ?? attrType;
  if (type === 'list(map(string))') return { signal: 'targets', flow: 'pull' };
  const last = reference.slice(reference.lastIndexOf('.') + 1);
  const lastAttr = attribute.slice(attribute.lastIndexOf('.') + 1);
  const word = signalWord(attribute);
  if (RECEIVER_EXPORTS.has(last) || PUSH_ATTRIBUTES.has(lastAttr) || attribute.startsWith('output.')) {
    return { signal: word === undefined || word === 'targets' ? 'other' : word, flow: 'push' };
  }
  if (last === 'targets' || word === 'targets') return { signal: 'targets', flow: 'pull' };
  return { signal: 'other', flow: 'pull' };
}

/** Type of the attribute at `path` (`['output', 'traces']`) in a body spec, if known. */
export function attributeType(spec: BodySpec | undefined, path: string[]): string | undefined {
  let body = spec;
  for (let i = 0; i < path.length; i++) {
    if (!body || body.kind !== 'struct') return undefined;
    const f = body.fields.find((x) => x.name === path[i]);
    if (!f) return undefined;
    if (f.kind === 'attr') return i === path.length - 1 ? f.type : undefined;
    body = f.body;
  }
  return undefined;
}
