// FormatFloat's binary formats: 'b' (decimal mantissa, binary exponent) and 'x'/'X'
// (hexadecimal mantissa, binary exponent), from the IEEE bits of the value.

const view = new DataView(new ArrayBuffer(8));

/** Go's decomposition: value = mant × 2^(exp − mantBits), exp unbiased, mant with its implicit bit. */
function decompose(f: number, bits: number): { neg: boolean; mant: bigint; exp: number; mantBits: number } {
  let raw: bigint;
  let mantBits: number;
  let expBits: number;
  let bias: number;
  if (bits === 32) {
    view.setFloat32(0, f);
    raw = BigInt(view.getUint32(0));
    [mantBits, expBits, bias] = [23, 8, -127];
  } else {
    view.setFloat64(0, f);
    raw = view.getBigUint64(0);
    [mantBits, expBits, bias] = [52, 11, -1023];
  }
  const neg = raw >> BigInt(mantBits + expBits) !== 0n;
  let exp = Number((raw >> BigInt(mantBits)) & ((1n << BigInt(expBits)) - 1n));
  let mant = raw & ((1n << BigInt(mantBits)) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << BigInt(mantBits);
  return { neg, mant, exp: exp + bias, mantBits };
}

/** FormatFloat(f, 'b', -1, bits): `4503599627370496p-52`. */
export function fmtBinary(f: number, bits: number): string {
  const { neg, mant, exp, mantBits } = decompose(f, bits);
  const e = exp - mantBits;
  return (neg ? '-' : '') + mant.toString() + 'p' + (e >= 0 ? '+' : '') + e;
}

const TOP = 1n << 60n;

/** FormatFloat(f, 'x' | 'X', prec, bits): `0x1.8p+01`; prec < 0 gives the fewest digits. */
export function fmtHex(f: number, prec: number, fmt: 'x' | 'X', bits: number): string {
  let { neg, mant, exp, mantBits } = decompose(f, bits);
  if (mant === 0n) exp = 0;
  mant <<= BigInt(60 - mantBits);
  while (mant !== 0n && (mant & TOP) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (TOP - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digit = (m: bigint) => Number((m >> 60n) & 15n).toString(16);
  let out = (neg ? '-' : '') + '0x' + ((mant >> 60n) & 1n).toString();
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += digit(mant);
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += digit(mant);
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  const ae = Math.abs(exp);
  out += 'p' + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  return fmt === 'X' ? out.toUpperCase() : out;
}
