// Hashes and thresholds the samplers decide with, as upstream computes them: FNV-1a
// (32 and 64 bit, Go's hash/fnv) and the W3C/OTel 56-bit sampling thresholds.

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));

export function fnv1a32(parts: Uint8Array[]): number {
  let h = 0x811c9dc5;
  for (const p of parts)
    for (const b of p) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  return h >>> 0;
}

export function fnv1a64(parts: Uint8Array[]): bigint {
  let h = 0xcbf29ce484222325n;
  for (const p of parts)
    for (const b of p) {
      h ^= BigInt(b);
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
  return h;
}

export function traceIdBytes(id: string): Uint8Array {
  return hexBytes(id);
}

const le32 = (v: number) => Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
export const MAX_ADJUSTED = 1n << 56n;
const NUM_BUCKETS = 0x4000;

/** hash_seed mode: sampled when the seeded FNV-1a of the id, masked to 14 bits, is below the scaled rate. */
export function hashSeedSampled(id: Uint8Array, seed: number, percent: number): boolean {
  const scaled = Math.trunc(Math.fround(Math.fround(percent) * Math.fround(NUM_BUCKETS / 100)));
  return (fnv1a32([le32(seed >>> 0), id]) & (NUM_BUCKETS - 1)) < scaled;
}

/** ProbabilityToThresholdWithPrecision: the 56-bit rejection threshold of a sampling probability. */
export function probabilityThreshold(fraction: number, precision: number): bigint {
  if (fraction >= 1) return 0n;
  let prec = precision <= 0 || precision > 14 ? 14 : precision;
  for (let reject = 1 - fraction; reject * 16 < 1; reject *= 16) prec++;
  const scaled = BigInt(Math.round(fraction * 2 ** 56));
  let t = MAX_ADJUSTED - scaled;
  if (prec < 14) {
    const shift = BigInt(4 * (14 - prec));
    t = ((t + (1n << (shift - 1n))) >> shift) << shift;
  }
  return t;
}

/** The threshold as tracestate's `ot=th:` writes it (14 hex digits, trailing zeros trimmed). */
export function thresholdText(t: bigint): string {
  return t === 0n ? '0' : t.toString(16).padStart(14, '0').replace(/0+$/, '');
}

/** Randomness of a trace: `ot=rv:` from the tracestate, else the id's last 56 bits. */
export function traceRandomness(traceId: string, traceState: string): bigint {
  const rv = /(?:^|,)\s*ot=[^,]*\brv:([0-9a-f]{14})/.exec(traceState);
  if (rv) return BigInt(`0x${rv[1]}`);
  return BigInt(`0x${traceId.slice(18) || '0'}`);
}
