// How a command that stops on an error says so: one line on stderr, exit code 2, secrets
// and control characters out of it; a stack only with ALLOY_LINT_DEBUG set.

import { ioMessage } from './confine.js';
import { type Io, UsageError } from './io.js';
import { safeText } from './safe-text.js';
import { Redactor } from './redact.js';

export function reportError(e: unknown, io: Io): number {
  const clean = (s: string) => safeText(new Redactor().text(s));
  if (e instanceof UsageError) {
    io.stderr(`alloy-lint: ${clean(e.message)}\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && typeof err.syscall === 'string') {
    // A file-system failure that no command turned into a message of its own.
    io.stderr(`alloy-lint: ${clean(err.path ? `${err.path}: ${ioMessage(err)}` : ioMessage(err))}\n`);
    return 2;
  }
  const debug = io.env.ALLOY_LINT_DEBUG !== undefined && io.env.ALLOY_LINT_DEBUG !== '';
  io.stderr(`alloy-lint: internal error: ${clean(debug ? String(err?.stack ?? e) : String(err?.message ?? e).split('\n')[0])}${debug ? '' : ' (set ALLOY_LINT_DEBUG=1 to see where)'}\n`);
  return 2;
}
