import { spawnSync } from 'node:child_process';
import { toDot } from '@alloy-lint/graph';
import { describe, expect, it } from 'vitest';
import { CASES, dotPresent, drawnNodes, haveTool } from './helpers.js';

const cases = CASES;

describe.runIf(haveTool('Graphviz dot (Debian package graphviz)', dotPresent()))('DOT output', () => {
  for (const [name, model] of Object.entries(cases)) {
    it(`is accepted by Graphviz dot: ${name}`, () => {
      const text = toDot(model());
      const r = spawnSync('dot', ['-Tsvg'], { input: text, encoding: 'utf8' });
      if (r.error) throw r.error;
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('<svg');
      // Every node of the model is drawn.
      for (const n of drawnNodes(model())) expect(r.stdout).toContain(`<title>${n.id}</title>`);
    });
  }
});
