import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export type Log = (message: string) => void;

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

/** The next turn of the event loop: setImmediate in Node (setTimeout waits at least 1 ms), else setTimeout. */
const nextTurn: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => void setImmediate(f) : (f) => void setTimeout(f, 0);

/**
 * Runs one request's work so that nothing escapes: a cancelled request answers
 * RequestCancelled (checked again after asynchronous work), and an exception is logged with
 * the request's name and answered with `fallback`, so one failing feature never takes the
 * server down. The work starts on a later turn of the event loop, which lets a cancellation
 * that arrived together with the request win.
 */
export function runSafe<R>(log: Log, name: string, fallback: R, token: CancellationToken | undefined, work: () => R | Promise<R>): Promise<R | ResponseError<void>> {
  return new Promise((resolve) => {
    nextTurn(async () => {
      if (token?.isCancellationRequested) return resolve(cancelled());
      try {
        const result = await work();
        resolve(token?.isCancellationRequested ? cancelled() : result);
      } catch (e) {
        log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        resolve(fallback);
      }
    });
  });
}

/** Runs a notification's work: an exception is logged, never thrown into the connection. */
export function guard(log: Log, name: string, work: () => void): void {
  try {
    work();
  } catch (e) {
    log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
