// Literal tokens to values, as contrib's parser captures them: strings through Go's
// strconv.Unquote, integers as int64 (an out-of-range one is a parse error), bytes as hex.
import { unquote } from '@alloy-lint/gostd';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function decodeString(image: string, fail: (msg: string) => void): string {
  try {
    return unquote(image);
  } catch {
    fail(`invalid string literal ${image}: an escape sequence is not valid (write a backslash as \\\\)`);
    return image.slice(1, -1);
  }
}

export function decodeInt(image: string, fail: (msg: string) => void): bigint {
  const v = BigInt(image);
  if (v < INT64_MIN || v > INT64_MAX) {
    fail(`integer ${image} is out of the int64 range`);
    return 0n;
  }
  return v;
}

export function decodeFloat(image: string): number {
  return Number(image);
}

export function decodeBytes(image: string, fail: (msg: string) => void): Uint8Array {
  const hex = image.slice(2);
  if (hex.length % 2 !== 0) {
    fail(`bytes literal ${image} has an odd number of hex digits`);
    return new Uint8Array(0);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
