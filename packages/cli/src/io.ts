import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** What the commands need from the outside world; tests can pass their own. */
export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: writer(1, () => process.stdout),
    stderr: writer(2, () => process.stderr),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    // node:tty loads net and streams (~1 ms): only when colour is decided.
    get isTTY() {
      return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(1);
    },
    env: process.env,
  };
}

/**
 * Writes to a file descriptor synchronously, which spares loading Node's stream machinery
 * (process.stdout) on every run. A non-blocking descriptor that is full (EAGAIN) hands the
 * rest over to the stream; a closed pipe (EPIPE, as with `| head`) ends the output quietly.
 */
function writer(fd: number, stream: () => NodeJS.WriteStream): (s: string) => void {
  let mode: 'sync' | 'stream' | 'closed' = 'sync';
  return (s) => {
    if (mode === 'stream') stream().write(s);
    if (mode !== 'sync') return;
    const bytes = Buffer.from(s);
    for (let done = 0; done < bytes.length; ) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') mode = 'closed';
        else if (code === 'EAGAIN') {
          mode = 'stream';
          stream().write(bytes.subarray(done));
        } else throw e;
        return;
      }
    }
  };
}

/** `io` with some members replaced; its getters (isTTY loads node:tty) stay lazy. */
export function withIo(io: Io, patch: Partial<Io>): Io {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(io), ...Object.getOwnPropertyDescriptors(patch) }) as Io;
}

export class UsageError extends Error {}
