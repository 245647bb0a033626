import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../src/index.js';
import { v1181 } from './real-catalog.js';

function check(text: string, opts: Partial<AnalyzeOptions> = {}): string[] {
  const { diagnostics, sources } = analyze([{ name: 'main.alloy', text }], { catalog: v1181, ...opts });
  return diagnostics.map((d) => {
    const p = sources.get(d.file)!.position(d.start);
    return `${p.line}:${p.column}: ${d.severity} ${d.code}: ${d.message}`;
  });
}

const WRITE = 'loki.write "out" {\n  endpoint {\n    url = "http://loki:3100/loki/api/v1/push"\n  }\n}\n';

describe('rules beyond alloy validate', () => {
  it('no-inputs: a writer nothing forwards to', () => {
    expect(check(WRITE)).toEqual(['1:1: warning no-inputs: nothing forwards to loki.write.out: no component references its receiver']);
  });

  it('unused-output: discovery whose targets nobody reads', () => {
    expect(check('discovery.kubernetes "pods" {\n  role = "pod"\n}\n')).toEqual([
      '1:1: warning unused-output: the exports of discovery.kubernetes.pods (targets) are never used',
    ]);
  });

  it('empty-forward-to', () => {
    const text = 'loki.source.file "f" {\n  targets    = [{"__path__" = "/var/log/x.log"}]\n  forward_to = []\n}\n';
    expect(check(text)).toEqual(['3:3: warning empty-forward-to: forward_to of loki.source.file.f is empty: its data goes nowhere']);
  });

  it('hardcoded-secret', () => {
    const text = `loki.source.file "f" {\n  targets    = []\n  forward_to = [loki.write.out.receiver]\n}\n${WRITE.replace('url = "http://loki:3100/loki/api/v1/push"', 'url = "http://loki"\n    basic_auth {\n      username = "u"\n      password = "hunter2"\n    }')}`;
    expect(check(text)).toEqual([
      '10:18: warning hardcoded-secret: password is a secret written in clear text; use sys.env("…"), local.file or remote.kubernetes.secret',
    ]);
  });

  it('invalid-regex in loki.process stages (checked when the component starts)', () => {
    const text = `loki.process "p" {\n  forward_to = [loki.write.out.receiver]\n  stage.regex {\n    expression = "(?P<x>a"\n  }\n}\n${WRITE}`;
    expect(check(text, { rules: { 'no-inputs': 'off' } })).toEqual(['4:18: error invalid-regex: error parsing regexp: missing closing ): `(?P<x>a`']);
    expect(check(text, { parity: true })).toEqual([]);
  });

  it('severities come from options, "off" silences', () => {
    expect(check(WRITE, { rules: { 'no-inputs': 'error' } })[0]).toMatch(/^1:1: error no-inputs/);
    expect(check(WRITE, { rules: { 'no-inputs': 'off' } })).toEqual([]);
  });

  it('inline directives silence one line, the next line or the file', () => {
    expect(check(`// alloy-lint-disable-next-line no-inputs -- kept for later\n${WRITE}`)).toEqual([]);
    expect(check(`loki.write "out" { // alloy-lint-disable-line no-inputs\n  endpoint {\n    url = "u"\n  }\n}\n`)).toEqual([]);
    expect(check(`// alloy-lint-disable\n${WRITE}`)).toEqual([]);
    expect(check(`// alloy-lint-disable-next-line unused-output\n${WRITE}`)).toHaveLength(1);
  });

  it('the seed pipelines check clean', async () => {
    const { readFileSync } = await import('node:fs');
    for (const f of ['k8s-logs.alloy', 'otlp-traces.alloy']) {
      const text = readFileSync(new URL(`../../../examples/${f}`, import.meta.url), 'utf8');
      expect(check(text), f).toEqual([]);
    }
  });
});
