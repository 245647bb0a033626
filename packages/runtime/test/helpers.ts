// Shared by the runtime tests: the v1.18.1 catalog and a one-call runner.
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { memoryHost, runConfig, type RunResult, type Samples } from '../src/index.js';

export const catalog = loadSchemaCatalog('v1.18.1');

export const NOW = new Date('2026-01-02T03:04:05Z');

export function runText(
  text: string,
  samples: Samples = {},
  opts: { trace?: boolean; files?: Record<string, string>; env?: Record<string, string>; experimental?: boolean } = {},
): RunResult {
  return runConfig([{ name: 'config.alloy', text }], {
    catalog,
    host: memoryHost(opts.files ?? {}, opts.env ?? {}, NOW),
    samples,
    trace: opts.trace,
    minStability: opts.experimental ? 'experimental' : undefined,
  });
}

/** Fails with the run's own explanation when it did not load or a component failed. */
export function expectClean(r: RunResult): RunResult {
  const problems = [
    ...r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.message}`),
    ...r.components.filter((c) => c.status === 'failed' || c.status === 'skipped').map((c) => `${c.id}: ${c.message}`),
  ];
  if (problems.length) throw new Error(problems.join('\n'));
  return r;
}

export const sink = (r: RunResult, id: string) => r.sinks.find((s) => s.component === id)!;
export const targetsOf = (r: RunResult, id: string) => r.targets.find((t) => t.component === id)!.targets;
