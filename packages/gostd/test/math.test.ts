// math.Pow/Frexp/Ldexp and Go's float → integer conversions on amd64.
import { describe, expect, it } from 'vitest';
import { floatToInt64, floatToUint64, frexp, goPow, ldexp } from '../src/index.js';

describe('math', () => {
  it('splits and scales floats like Frexp/Ldexp', () => {
    expect(frexp(8)).toEqual([0.5, 4]);
    expect(frexp(5e-324)).toEqual([0.5, -1073]);
    expect(ldexp(0.5, 4)).toBe(8);
    expect(ldexp(1, -1075)).toBe(0);
    expect(ldexp(1, 1024)).toBe(Infinity);
  });

  it.each([
    [2, 10, 1024], [2, 0.5, Math.SQRT2], [0, -1, Infinity], [-0, -3, -Infinity], [-1, Infinity, 1], [0.5, Infinity, 0],
    [-8, 1 / 3, NaN], [10, -2, 0.01], [1, NaN, 1], [NaN, 0, 1],
  ])('Pow(%d, %d) = %d', (x, y, want) => {
    expect(goPow(x, y)).toBe(want);
  });

  it('converts floats to integers with the amd64 rules', () => {
    expect(floatToInt64(-1.9)).toBe(-1n);
    expect(floatToInt64(NaN)).toBe(-(1n << 63n));
    expect(floatToInt64(1e19)).toBe(-(1n << 63n));
    expect(floatToUint64(1e19)).toBe(10000000000000000000n);
    expect(floatToUint64(-1)).toBe(18446744073709551615n);
  });
});
