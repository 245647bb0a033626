// otelcol.processor.batch and memory_limiter: pass-through in a simulation (no time, no
// memory pressure), noted in the trace. The batch processor starts a new context for
// its batches: the sender's address (client.Info.Addr) does not survive it, and only the
// `metadata_keys` it groups by are kept, as upstream does.

import { stringList } from '../../value-js.js';
import type { SimContext, Simulator } from '../api.js';
import { processor } from './common.js';

export function batchProcessor(ctx: SimContext): Simulator {
  const keysValue = ctx.attr('metadata_keys');
  const keys = keysValue ? stringList(keysValue, 'metadata_keys').map((k) => k.toLowerCase()) : [];
  const input = processor(ctx, (b, info) => {
    ctx.flow.otel.step(ctx.id, b, () => {}, `batched (passed on at once in the simulation; the sender's address is not passed on${keys.length ? `, metadata ${keys.join(', ')} is` : ''})`);
    const metadata: Record<string, string[]> = {};
    for (const k of keys) if (info.metadata?.[k]) metadata[k] = info.metadata[k];
    return { depth: info.depth, ...(keys.length ? { metadata } : {}) };
  });
  return { exports: { input } };
}

export function memoryLimiter(ctx: SimContext): Simulator {
  const input = processor(ctx, (b) => {
    ctx.flow.otel.step(ctx.id, b, () => {}, 'memory limit not reached (passed on in the simulation)');
  });
  return { exports: { input } };
}

/** otelcol.processor.resourcedetection: what the detectors would find is not known offline; data passes on without it. */
export function resourceDetection(ctx: SimContext): Simulator {
  const input = processor(ctx, (b) => {
    ctx.flow.otel.step(ctx.id, b, () => {}, 'detectors not run in the simulation: no attributes added');
  });
  return { exports: { input }, status: { status: 'not simulated', message: 'its detectors are not run; data passes on without the attributes they would add' } };
}
