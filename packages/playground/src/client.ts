// The page's side of the worker: one promise per request.
import type { Method, Methods, Response } from './protocol.js';

export class WorkerClient {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<Response>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if ('error' in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data.result);
    };
    worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(e.message || 'the worker failed'));
      this.pending.clear();
    };
  }

  call<M extends Method>(method: M, ...params: Methods[M][0] extends void ? [] : [Methods[M][0]]): Promise<Methods[M][1]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, params: params[0] });
    });
  }
}
