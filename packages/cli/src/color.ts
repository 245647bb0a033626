import type { Io } from './io.js';

/** Colour on a terminal, unless NO_COLOR is set; FORCE_COLOR turns it on. */
export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}
