// math.Pow/Frexp/Ldexp and Go's float-to-integer conversions (amd64 rules).

const view = new DataView(new ArrayBuffer(8));

/** Splits x into a fraction in [0.5, 1) and a power of two. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x) || Number.isNaN(x)) return [x, 0];
  let e = 0;
  let a = x;
  if (Math.abs(a) < 2.2250738585072014e-308) {
    a *= 2 ** 52;
    e = -52;
  }
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  e += ((hi >>> 20) & 0x7ff) - 1022;
  view.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
  return [view.getFloat64(0), e];
}

/** frac × 2^exp with a single rounding, like Go's math.Ldexp. */
export function ldexp(frac: number, exp: number): number {
  if (frac === 0 || !Number.isFinite(frac)) return frac;
  const [m, e2] = frexp(frac);
  const E = exp + e2;
  if (E < -1074) return m < 0 ? -0 : 0;
  if (E > 1024) return m < 0 ? -Infinity : Infinity;
  if (E - 1 >= -1022) {
    if (E > 1000) return m * 2 ** 1000 * 2 ** (E - 1000);
    return m * 2 ** E;
  }
  return m * 2 ** (E + 53) * 2 ** -53;
}

function isOddInt(x: number): boolean {
  if (Math.abs(x) >= 2 ** 53) return false;
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** math.Pow */
export function goPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0) {
    if (y < 0) return Object.is(x, -0) && isOddInt(y) ? -Infinity : Infinity;
    if (y > 0) return Object.is(x, -0) && isOddInt(y) ? x : 0;
  }
  if (!Number.isFinite(y)) {
    if (x === -1) return 1;
    if ((Math.abs(x) < 1) === (y === Infinity)) return 0;
    return Infinity;
  }
  if (!Number.isFinite(x)) {
    if (x === -Infinity) return goPow(1 / x, -y);
    if (y < 0) return 0;
    if (y > 0) return Infinity;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);

  const ay = Math.abs(y);
  let yi = Math.trunc(ay);
  let yf = ay - yi;
  if (yf !== 0 && x < 0) return NaN;
  if (yi >= 2 ** 63) {
    if (x === -1) return 1;
    if ((Math.abs(x) < 1) === y > 0) return 0;
    return Infinity;
  }
  let a1 = 1;
  let ae = 0;
  if (yf !== 0) {
    if (yf > 0.5) {
      yf--;
      yi++;
    }
    a1 = Math.exp(yf * Math.log(x));
  }
  let [x1, xe] = frexp(x);
  for (let i = BigInt(yi); i !== 0n; i >>= 1n) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if ((i & 1n) === 1n) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

const TWO63 = 9223372036854775808; // 2^63 as a double
const MIN_INT64 = -(1n << 63n);
const BIT63 = 1n << 63n;

/** Go `int64(f)` on amd64: out-of-range and NaN give the "integer indefinite" value (min int64). */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= TWO63 || f < -TWO63) return MIN_INT64;
  return BigInt(Math.trunc(f));
}

/** Go `uint64(f)` on amd64 (compiled as a signed conversion around 2^63). */
export function floatToUint64(f: number): bigint {
  if (f < TWO63) return BigInt.asUintN(64, floatToInt64(f));
  const y = f - TWO63;
  return BigInt.asUintN(64, floatToInt64(y)) | BIT63;
}
