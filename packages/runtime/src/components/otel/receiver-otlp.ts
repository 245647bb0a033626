// otelcol.receiver.otlp, and every other otelcol.receiver.* fed from the samples: each
// request (OTLP/JSON bodies and the sending peer) goes to the `output` consumers of its signal.

import { decodeOtlp } from '../../otel/otlp-json.js';
import type { OtlpRequest } from '../../samples.js';
import type { SimContext, Simulator } from '../api.js';
import { outputs, SIGNALS } from './common.js';

function requestsOf(ctx: SimContext): OtlpRequest[] | undefined {
  return ctx.samples.otlp?.[ctx.id] ?? ctx.samples.otlp?.[ctx.name];
}

export function otelReceiver(ctx: SimContext): Simulator {
  const out = outputs(ctx);
  const isOtlp = ctx.name === 'otelcol.receiver.otlp';
  const servers = isOtlp ? (['grpc', 'http'] as const).filter((p) => ctx.blocks(p).length > 0) : [];
  return {
    exports: {},
    emit() {
      const reqs = requestsOf(ctx);
      if (!reqs) {
        ctx.warn(`nothing received: no requests in the samples (add otlp."${ctx.id}")`);
        return;
      }
      reqs.forEach((req, i) => {
        const protocol = req.protocol ?? (servers.includes('grpc') || !isOtlp ? 'grpc' : 'http');
        if (isOtlp && !servers.includes(protocol)) {
          ctx.warn(`request ${i + 1} was sent over ${protocol}, but the receiver has no ${protocol} block: it was not received`);
          return;
        }
        for (const signal of SIGNALS) {
          if (req[signal] === undefined) continue;
          const d = decodeOtlp(signal, req[signal], `otlp.${ctx.id}[${i}].${signal}`);
          if (d.errors.length) {
            ctx.warn(`request ${i + 1} rejected (the server answers 400 Bad Request): ${d.errors[0]}`);
            continue;
          }
          ctx.flow.otel.start(ctx.id, d.batch);
          const from = req.peer ? ` from ${req.peer}` : '';
          ctx.flow.otel.step(ctx.id, d.batch, () => {}, `received over ${isOtlp ? protocol : 'its protocol'}${from}`);
          ctx.flow.otel.forward(ctx.id, out[signal], d.batch, { addr: req.peer, metadata: req.metadata });
        }
      });
    },
  };
}
