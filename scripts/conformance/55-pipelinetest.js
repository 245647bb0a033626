// pipelinetest family: upstream's declarative Loki pipeline tests (internal/pipelinetest),
// run through the runtime with the harness' prelude, checked with its assertions.
import { memoryHost, readPipelineTest, renderEntry, runPipelineTest } from '@alloy-lint/runtime';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { loadJson, tally } from './util.js';

const pipelinetest = {
  name: 'pipelinetest',
  run(dir) {
    const records = loadJson(dir, 'pipelinetest/pipelinetest.json');
    if (!records) return undefined;
    const t = tally();
    const catalog = loadSchemaCatalog('v1.18.1');
    for (const rec of records) {
      const host = memoryHost(rec.support_files ?? {}, {}, new Date('2026-01-01T00:00:00Z'));
      const data = { config: rec.config, inputs: rec.inputs, assert: rec.assert };
      const read = readPipelineTest(data, rec.name, { readFile: (p) => host.readFile(p), parse: () => ({}) });
      if ('errors' in read) {
        t.check(false, `${rec.name}: invalid test: ${read.errors.join('; ')}`);
        continue;
      }
      const o = runPipelineTest(read.test, { catalog, host });
      const why = [
        o.error,
        ...o.result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.message}`),
        ...o.assertions.filter((a) => !a.passed).map((a) => `${a.description}: ${a.message}`),
      ].filter(Boolean);
      const got = o.passed ? '' : `; received ${o.received.length}: ${o.received.slice(0, 3).map(renderEntry).join(' | ')}`;
      t.check(o.passed, `${rec.name}: ${why.join('; ')}${got}`);
    }
    return t;
  },
};

export const families = [pipelinetest];
