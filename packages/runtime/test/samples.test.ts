// The samples file is checked by ajv against samples.schema.json; each problem is reported as
// `path: message`, with the alternatives of a union explained by the branch the data meant.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readSamples } from '../src/index.js';

const errors = (data: unknown) => {
  const r = readSamples(data);
  return 'errors' in r ? r.errors : [];
};

describe('readSamples', () => {
  it('accepts the example samples and converts scalars and lines', () => {
    const text = readFileSync(new URL('../../../examples/k8s-logs.samples.yaml', import.meta.url), 'utf8');
    expect(errors(parseYaml(text, { schema: 'core' }))).toEqual([]);
    expect(readSamples({ logs: { 'loki.source.api': ['plain', { line: 'x', labels: { port: 8080, up: true } }] } })).toEqual({
      samples: { logs: { 'loki.source.api': [{ line: 'plain' }, { line: 'x', labels: { port: '8080', up: 'true' } }] } },
    });
    expect(readSamples(null)).toEqual({ samples: {} });
  });

  it('names the path and what was expected', () => {
    expect(errors([1])).toEqual(['samples: expected a mapping, got a list']);
    expect(errors({ env: { HOME: 1 } })).toEqual(['env.HOME: expected a string, got number']);
    expect(errors({ kubernetes: { pods: [{ containers: [] }] } })).toEqual(['kubernetes.pods[0]: missing "name"']);
    expect(errors({ targets: { 'discovery.file': [{ a: [] }] } })).toEqual(['targets.discovery.file[0].a: expected a string, a number or a boolean, got a list']);
    expect(errors({ logs: { 'loki.source.docker': [{ line: 'x', stream: 'stdin' }] } })).toEqual([
      'logs.loki.source.docker[0].stream: expected one of "stdout", "stderr", got "stdin"',
    ]);
  });

  it('explains a union by the alternative the data meant', () => {
    expect(
      errors({ logs: { x: [5, { lines: 'a' }, { target: { app: 'a' }, entries: 'x' }, { target: { app: 'a' }, entries: [{ line: 1 }] }] } }),
    ).toEqual([
      'logs.x[0]: expected a string or a mapping, got number',
      'logs.x[1]: missing "line"',
      'logs.x[1]: unknown key "lines" (expected one of line, timestamp, labels, structured_metadata, stream)',
      'logs.x[2].entries: expected a list, got string',
      'logs.x[3].entries[0].line: expected a string, got number',
    ]);
  });
});
