import { type Io, withIo } from './io.js';

/**
 * Colour as Node decides it (tty.getColorDepth): FORCE_COLOR `1`, `2`, `3`, `true` or empty
 * turns it on (over everything else), any other FORCE_COLOR value off; then NO_COLOR or
 * NODE_DISABLE_COLORS (any value) or TERM=dumb turn it off; else colour on a terminal.
 * `--color` / `--no-color` set FORCE_COLOR for the run (see `colorFlags`).
 */
export function useColor(io: Io): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force);
  if (io.env.NO_COLOR !== undefined || io.env.NODE_DISABLE_COLORS !== undefined || io.env.TERM === 'dumb') return false;
  return io.isTTY;
}

/** Takes `--color` / `--no-color` out of the arguments (before any `--`) and applies them as FORCE_COLOR. */
export function colorFlags(argv: string[], io: Io): { argv: string[]; io: Io } {
  const end = argv.indexOf('--');
  let force: string | undefined;
  const rest = argv.filter((a, i) => {
    if ((end !== -1 && i > end) || (a !== '--color' && a !== '--no-color')) return true;
    force = a === '--color' ? '1' : '0';
    return false;
  });
  return force === undefined ? { argv, io } : { argv: rest, io: withIo(io, { env: { ...io.env, FORCE_COLOR: force } }) };
}
