// The worker's entry: requests in order, one at a time (the service is synchronous inside;
// awaiting schema loads must not interleave two requests' edits). A message listener, not
// `onmessage`: elkjs, loaded for the first graph, sets `self.onmessage` to its own worker
// dispatcher in any Web Worker (it ignores messages without its `cmd`).
import type { Request, Response } from '../protocol.js';
import { createHandlers } from './service.js';

const handlers = createHandlers();
const scope = self as unknown as { addEventListener(type: 'message', fn: (e: MessageEvent<Request>) => void): void; postMessage(m: Response): void };
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (e) => {
  const { id, method, params } = e.data;
  queue = queue.then(async () => {
    try {
      const handler = handlers[method] as (p: unknown) => Promise<unknown>;
      if (!handler) throw new Error(`unknown method ${method}`);
      scope.postMessage({ id, result: await handler(params) });
    } catch (err) {
      scope.postMessage({ id, error: String((err as Error)?.stack ?? err) });
    }
  });
});
