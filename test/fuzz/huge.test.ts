// The few huge inputs, one test each: every construct nested 100k deep, 100k-long chains, a line
// of 1M cells, 200k diagnostics, deep data inside strings. Times are logged, not asserted.
import { describe, expect, it } from 'vitest';
import { hugeInputs } from './inputs.js';
import { runStages, STAGES } from './stages.js';

describe('huge inputs', () => {
  for (const { name, make } of hugeInputs()) {
    it(`${name}: no exception in any stage`, () => {
      const text = make();
      const o = runStages(text);
      console.log(`huge: ${name} (${(text.length / 1e6).toFixed(2)} MB): ${STAGES.map((s) => `${s} ${o.ms[s].toFixed(0)} ms`).join(', ')}; ${o.diagnostics} diagnostics`);
      expect(o.failures).toEqual([]);
    });
  }
});
