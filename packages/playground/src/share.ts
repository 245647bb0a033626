// The playground's whole state in a URL fragment: JSON, deflated (fflate), base64url. The
// site and `alloy-lint playground --print-link` both use this module, so a link made by
// either opens the same state. Decoding takes untrusted input: any string gives a state or
// an error message, never an exception, and output is capped (no inflation bomb).
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';

export const STABILITY_LEVELS = ['experimental', 'public-preview', 'generally-available'] as const;
export type StabilityLevel = (typeof STABILITY_LEVELS)[number];
export const RULE_LEVELS = ['error', 'warning', 'info', 'off'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export interface Settings {
  /** Alloy release the config is checked and run against. */
  alloyVersion: string;
  stabilityLevel: StabilityLevel;
  communityComponents: boolean;
  /** Severity per rule id (only the ones changed from the default). */
  rules: Record<string, RuleLevel>;
}

export interface PlaygroundState {
  config: string;
  /** The runner's samples YAML (see packages/runtime/samples.schema.json). */
  samples: string;
  /** A pipeline test (upstream pipelinetest test.yaml format and ours); empty when unused. */
  test: string;
  settings: Settings;
}

export const DEFAULT_SETTINGS: Settings = { alloyVersion: 'v1.18.1', stabilityLevel: 'generally-available', communityComponents: false, rules: {} };

/** Fragment prefix: a format version, so older links keep opening. */
const PREFIX = 'v1.';
/** Largest state a link may unpack to (bytes of JSON). */
export const MAX_STATE_BYTES = 4 * 1024 * 1024;

/** base64url without padding, through the platform's btoa/atob (browsers and Node). */
function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The fragment (without `#`) that holds `state`. */
export function encodeState(state: PlaygroundState): string {
  const json = JSON.stringify({ c: state.config, s: state.samples, t: state.test || undefined, o: state.settings });
  return PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

/** A share link: `base` (a URL or path, default `/`) with the state as its fragment. */
export function shareLink(state: PlaygroundState, base = '/'): string {
  return `${base.split('#')[0]}#${encodeState(state)}`;
}

/** Inflates at most MAX_STATE_BYTES; undefined when the data is not deflate or unpacks larger. */
function inflateCapped(data: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > MAX_STATE_BYTES) throw new RangeError('too large');
    parts.push(chunk);
    done = final;
  });
  try {
    inf.push(data, true);
  } catch {
    return undefined;
  }
  if (!done) return undefined;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Settings from untrusted data: unknown values fall back to the defaults. */
export function readSettings(raw: unknown): Settings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleLevel> = {};
  if (o.rules && typeof o.rules === 'object') {
    for (const [k, v] of Object.entries(o.rules as Record<string, unknown>)) if ((RULE_LEVELS as readonly unknown[]).includes(v)) rules[k] = v as RuleLevel;
  }
  return {
    alloyVersion: typeof o.alloyVersion === 'string' && /^v\d+\.\d+\.\d+(-[\w.]+)?$/.test(o.alloyVersion) ? o.alloyVersion : DEFAULT_SETTINGS.alloyVersion,
    stabilityLevel: (STABILITY_LEVELS as readonly unknown[]).includes(o.stabilityLevel) ? (o.stabilityLevel as StabilityLevel) : DEFAULT_SETTINGS.stabilityLevel,
    communityComponents: o.communityComponents === true,
    rules,
  };
}

/** The state in a fragment (with or without `#`), or why it cannot be read. */
export function decodeState(fragment: string): PlaygroundState | { error: string } {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!f.startsWith(PREFIX)) return { error: 'the link holds no playground state (expected #v1.…)' };
  const bytes = fromBase64Url(f.slice(PREFIX.length));
  if (!bytes) return { error: 'the link is damaged: not base64url' };
  const json = inflateCapped(bytes);
  if (!json) return { error: `the link is damaged or unpacks to more than ${MAX_STATE_BYTES} bytes` };
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(json));
  } catch {
    return { error: 'the link is damaged: not JSON' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { error: 'the link is damaged: not a playground state' };
  const d = data as Record<string, unknown>;
  return { config: str(d.c), samples: str(d.s), test: str(d.t), settings: readSettings(d.o) };
}
