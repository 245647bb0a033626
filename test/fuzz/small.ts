// Many small inputs, each through every stage; the stream is split over several files so that
// vitest runs them in parallel. The seed is printed; ALLOY_LINT_SEED replays a stream and
// FUZZ_INPUTS changes how many inputs each file runs.
import { expect, it } from 'vitest';
import { smallInput } from './inputs.js';
import { runStages, STAGES, total } from './stages.js';

const PER_FILE = Number(process.env.FUZZ_INPUTS ?? 25_000);

export function fuzzStream(part: number): void {
  const seed = Number(process.env.ALLOY_LINT_SEED ?? 0x5eed) + part;
  it(`${PER_FILE.toLocaleString('en')} generated inputs (seed ${seed}): no exception in any stage`, () => {
    console.log(`fuzz part ${part}: seed ${seed} (replay: ALLOY_LINT_SEED=${seed - part}), ${PER_FILE} inputs`);
    const failures: string[] = [];
    const slowest: { ms: number; i: number; kind: string; bytes: number }[] = [];
    const kinds = new Map<string, number>();
    let diagnostics = 0;
    const t0 = performance.now();
    for (let i = 0; i < PER_FILE; i++) {
      const input = smallInput(seed, i);
      kinds.set(input.kind.split(':')[0], (kinds.get(input.kind.split(':')[0]) ?? 0) + 1);
      const o = runStages(input.text);
      diagnostics += o.diagnostics;
      for (const f of o.failures) if (failures.length < 20) failures.push(`input ${i} (${input.kind}, seed ${seed}): ${f}`);
      const ms = total(o);
      if (slowest.length < 5 || ms > slowest[slowest.length - 1].ms) {
        slowest.push({ ms, i, kind: input.kind, bytes: input.text.length });
        slowest.sort((a, b) => b.ms - a.ms);
        slowest.length = Math.min(slowest.length, 5);
      }
    }
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `fuzz part ${part}: ${PER_FILE} inputs in ${secs.toFixed(1)} s, ${diagnostics} diagnostics; kinds ${JSON.stringify(Object.fromEntries(kinds))}; ` +
        `slowest: ${slowest.map((s) => `#${s.i} ${s.kind} ${s.bytes} B ${s.ms.toFixed(0)} ms`).join(', ')} (stages: ${STAGES.join(', ')})`,
    );
    expect(failures).toEqual([]);
  });
}
