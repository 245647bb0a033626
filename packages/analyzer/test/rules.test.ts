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

  it('hardcoded-secret: documented placeholders are not secrets', () => {
    const withPassword = (p: string) =>
      `loki.source.file "f" {\n  targets    = []\n  forward_to = [loki.write.out.receiver]\n}\n${WRITE.replace('url = "http://loki:3100/loki/api/v1/push"', `url = "http://loki"\n    basic_auth {\n      username = "u"\n      password = ${JSON.stringify(p)}\n    }`)}`;
    const placeholders = ['<PASSWORD>', '<Grafana Cloud Password>', '${GRAFANA_TOKEN}', '$TOKEN', '{{ .Values.password }}', 'changeme', 'CHANGE_ME', 'replace-me', 'password', 'YOUR_SECRET_KEY', 'your-api-key-here', 'example-password', 'SPLUNK_TOKEN', '****', 'xxx', 'SCWXXXXXXXXXXXXXXXXX', '00000000-0000-0000-0000-000000000000', ' '];
    for (const p of placeholders) expect(check(withPassword(p)), p).toEqual([]);
    for (const p of ['hunter2', 'this_password_is_safe_innit?', 'glc_eyJvIjoiMTM4MDU2NSJ9', 'Xk3xQ9'])
      expect(check(withPassword(p)).map((d) => d.split(': ')[1]), p).toEqual(['warning hardcoded-secret']);
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

describe('argument-check: the checks Alloy runs when it loads a component', () => {
  const off = { 'no-inputs': 'off', 'unused-output': 'off', 'empty-forward-to': 'off', 'hardcoded-secret': 'off' } as const;

  it('relabel actions that need a target_label', () => {
    const text = 'discovery.relabel "x" {\n  targets = []\n  rule {\n    action = "replace"\n  }\n  rule {\n    action = "keep"\n  }\n}\n';
    expect(check(text, { rules: off })).toEqual(["4:5: error argument-check: relabel configuration for replace action requires 'target_label' value"]);
  });

  it('mutually exclusive settings', () => {
    const text = 'prometheus.scrape "s" {\n  targets    = []\n  forward_to = []\n  basic_auth {\n    password      = sys.env("P")\n    password_file = "/p"\n  }\n}\n';
    expect(check(text, { rules: off })).toEqual(['6:5: error argument-check: at most one of basic_auth password & password_file must be configured']);
  });

  it('ranges and allowed values on literals, with Alloy messages', () => {
    const text =
      'otelcol.exporter.prometheus "p" {\n  gc_frequency = "0s"\n  forward_to   = []\n}\n' +
      'loki.source.azure_event_hubs "a" {\n  fully_qualified_namespace = "ns"\n  event_hubs = ["h"]\n  assignor = "random"\n  forward_to = []\n  authentication {\n    mechanism = "oauth"\n  }\n}\n';
    expect(check(text, { rules: off })).toEqual([
      '2:18: error argument-check: gc_frequency must be greater than 0',
      '8:14: error argument-check: assignor value random is invalid, must be one of: [sticky roundrobin range]',
    ]);
  });

  it('does not apply in parity mode', () => {
    const text = 'discovery.relabel "x" {\n  targets = []\n  rule {\n    action = "replace"\n  }\n}\n';
    expect(check(text, { parity: true })).toEqual([]);
  });
});

describe('the rule registry', () => {
  it('every diagnostic id the analyzer can emit is a registered rule', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { DEFAULT_REGISTRY } = await import('../src/index.js');
    const dir = new URL('../src/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.includes('generated'));
    const codes = new Set<string>();
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      for (const m of text.matchAll(/\bdiag\([^,()]+, '([a-z][a-z-]*)'/g)) codes.add(m[1]);
      for (const m of text.matchAll(/\bcode: '([a-z][a-z-]*)'/g)) codes.add(m[1]);
      for (const m of text.matchAll(/\bat\('([a-z][a-z-]*)'/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(25);
    expect([...codes].filter((c) => !DEFAULT_REGISTRY.get(c))).toEqual([]);
    expect(DEFAULT_REGISTRY.get('syntax')?.refusedByAlloy).toBe(true);
  });

  it('what Alloy refuses stays an error whatever the settings say', () => {
    const text = 'loki.write "out" {\n  endpoint {\n    url = "u"\n  }\n  colour = 1\n}\n';
    expect(check(text, { rules: { 'unknown-attribute': 'off', 'no-inputs': 'off' } })).toEqual(['5:3: error unknown-attribute: unrecognized attribute name "colour"']);
    expect(check(text, { rules: { 'unknown-attribute': 'warning', 'no-inputs': 'off' } })[0]).toMatch(/^5:3: error /);
  });
});
