import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from '@alloy-lint/formatter';
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const repo = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8');
const HELM = repo('examples/helm-values.yaml');
const FIXTURES = ['configmap.yaml', 'k8s-monitoring.yaml', 'templated.yaml'];

interface J {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
  hint?: string;
}
const json = (args: string[], cwd: string): J[] => JSON.parse(run([...args, '--format', 'json'], { cwd }).stdout);

/** One broken reference per fixture: the edit, and where the one error must be. */
const BROKEN: Record<string, { from: string; to: string; line: number; column: number; message: string }> = {
  'helm-values.yaml': { from: 'loki.process.pod_logs.receiver', to: 'loki.process.pod_log.receiver', line: 41, column: 25, message: 'component "loki.process.pod_log.receiver" does not exist or is out of scope' },
  'configmap.yaml': { from: 'prometheus.remote_write.mimir.receiver]', to: 'prometheus.remote_write.mimr.receiver]', line: 31, column: 26, message: 'component "prometheus.remote_write.mimr.receiver" does not exist or is out of scope' },
  'k8s-monitoring.yaml': { from: 'discovery.kubernetes.hello_api.targets', to: 'discovery.kubernetes.hello_ap.targets', line: 39, column: 22, message: 'component "discovery.kubernetes.hello_ap.targets" does not exist or is out of scope' },
  'templated.yaml': { from: 'loki.write.default.receiver', to: 'loki.write.defualt.receiver', line: 48, column: 23, message: 'component "loki.write.defualt.receiver" does not exist or is out of scope' },
};

function trees(): Record<string, string> {
  return { 'helm-values.yaml': HELM, ...Object.fromEntries(FIXTURES.map((f) => [f, repo(`test/fixtures/yaml/${f}`)])) };
}

describe('check on YAML', () => {
  // One test per fixture: each spawns the CLI only twice, so the worker never blocks for long.
  it.each(Object.keys(trees()))('%s: the clean fixture gives no error', (f) => {
    const dir = tempTree({ [f]: trees()[f] });
    const r = run(['check', f], { cwd: dir });
    expect(r.code, `${f}\n${r.stdout}${r.stderr}`).toBe(0);
  });

  it('fragments name what the chart defines as infos', () => {
    const dir = tempTree(trees());
    const infos = json(['check', 'k8s-monitoring.yaml'], dir);
    expect(infos.map((d) => [d.severity, d.code, d.line, d.column])).toEqual([
      ['info', 'fragment-reference', 40, 23],
      ['info', 'fragment-reference', 55, 21],
    ]);
    expect(infos[0].message).toBe('prometheus.remote_write "metricsservice" is defined by the k8s-monitoring chart for destination "metricsService"');
  });

  it.each(Object.entries(BROKEN))('%s: a broken reference gives one error at the YAML line and column, with the YAML lines as excerpt', (file, b) => {
    const text = trees()[file];
    expect(text.split(b.from).length, file).toBe(2);
    const dir = tempTree({ [file]: text.replace(b.from, b.to) });
    const errors = json(['check', file], dir).filter((d) => d.severity === 'error');
    expect(errors.map((d) => ({ line: d.line, column: d.column, message: d.message })), file).toEqual([{ line: b.line, column: b.column, message: b.message }]);
    const stylish = run(['check', file], { cwd: dir }).stdout;
    expect(stylish).toContain(`${file}:${b.line}:${b.column}: ${b.message}`);
    expect(stylish).toContain(`${b.line} | ${text.replace(b.from, b.to).split('\n')[b.line - 1]}`);
  });

  it('says which destinations the chart defines components for when a fragment names another', () => {
    const dir = tempTree({ 'v.yaml': trees()['k8s-monitoring.yaml'].replace('prometheus.remote_write.metricsservice.receiver]\n        job_name', 'prometheus.remote_write.metrics.receiver]\n        job_name') });
    const [e] = json(['check', 'v.yaml'], dir).filter((d) => d.severity === 'error');
    expect(e).toMatchObject({ line: 40, column: 23, hint: 'the chart defines prometheus.remote_write for the destinations of this file: metricsservice' });
  });

  it('sarif and github outputs carry YAML positions', () => {
    const b = BROKEN['helm-values.yaml'];
    const dir = tempTree({ 'values.yaml': HELM.replace(b.from, b.to) });
    const sarif = JSON.parse(run(['check', 'values.yaml', '--format', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'values.yaml' }, region: { startLine: b.line, startColumn: b.column } });
    expect(run(['check', 'values.yaml', '--format', 'github'], { cwd: dir }).stdout).toContain(`::error file=values.yaml,line=${b.line},col=${b.column},`);
  });

  it('a YAML file named without Alloy is an error, or a note with --yaml; directories include YAML only with --yaml and only when it holds Alloy', () => {
    const dir = tempTree({ 'a.alloy': 'logging {}\n', 'sub/values.yaml': HELM, 'sub/other.yaml': 'replicas: 2\n' });
    const named = run(['check', 'sub/other.yaml'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('sub/other.yaml:1:1: no Alloy configuration found in this YAML file');
    const noted = run(['check', '--yaml', 'sub/other.yaml'], { cwd: dir });
    expect(noted.code).toBe(0);
    expect(noted.stderr).toBe('alloy-lint: note: sub/other.yaml: no Alloy found, skipped\n');
    expect(run(['check', '.'], { cwd: dir }).stdout).toContain('1 file checked');
    expect(run(['check', '--yaml', '.'], { cwd: dir }).stdout).toContain('2 files checked');
    const configured = tempTree({ '.alloy-lint.json': '{"yaml": true}', 'values.yaml': HELM, 'other.yml': 'a: 1\n' });
    expect(run(['check', '.'], { cwd: configured }).stdout).toContain('1 file checked');
  });

  it('Helm chart templates (not YAML until rendered) are skipped with a note when walked or with --yaml, errors when named', () => {
    const tpl = 'apiVersion: v1\nkind: ConfigMap\n{{- if .Values.x }}\nmetadata: {name: x}\n{{- end }}\n';
    const dir = tempTree({ 'chart/templates/cm.yaml': tpl, 'chart/values.yaml': HELM });
    const walked = run(['check', '--yaml', 'chart'], { cwd: dir });
    expect(walked.code).toBe(0);
    expect(walked.stderr).toBe('alloy-lint: note: chart/templates/cm.yaml: not valid YAML (a Helm template?), skipped\n');
    expect(walked.stdout).toContain('1 file checked');
    expect(run(['check', '--yaml', 'chart/templates/cm.yaml'], { cwd: dir }).code).toBe(0);
    expect(run(['fmt', '--check', '--yaml', 'chart/templates/cm.yaml'], { cwd: dir }).code).toBe(0);
    const named = json(['check', 'chart/templates/cm.yaml'], dir);
    expect(named[0]).toMatchObject({ severity: 'error', code: 'yaml', line: 3 });
  });

  it('yamlPaths (settings and --yaml-path) name more keys; a ConfigMap is one config with --dir-as-config', () => {
    const y = 'pipelines:\n  - config: |\n      logging {\n        level = "debug"\n      }\n';
    const dir = tempTree({ 'p.yaml': y, '.alloy-lint.json': '{"yamlPaths": ["pipelines[*].config"]}', 'q/p.yaml': y });
    expect(run(['check', 'p.yaml'], { cwd: dir }).code).toBe(0);
    expect(run(['check', 'q/p.yaml', '--yaml-path', 'pipelines[*].config'], { cwd: dir }).code).toBe(0);
    expect(run(['check', 'q/p.yaml', '--yaml-path', 'a..b'], { cwd: dir }).code).toBe(2);
    const cm = 'kind: ConfigMap\ndata:\n  a.alloy: |\n    logging {}\n    loki.echo "x" {}\n  b.alloy: |\n    loki.source.api "in" {\n      http {}\n      forward_to = [loki.echo.x.receiver]\n    }\n';
    const d2 = tempTree({ 'cm.yaml': cm });
    expect(json(['check', 'cm.yaml'], d2).filter((d) => d.severity === 'error').map((d) => d.line)).toEqual([9]);
    expect(json(['check', '--dir-as-config', 'cm.yaml'], d2).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('fmt on YAML', () => {
  it('fmt -w on the seed values.yaml tidies the Alloy and leaves every other byte unchanged', () => {
    const dir = tempTree({ 'values.yaml': HELM });
    expect(run(['fmt', '--check', 'values.yaml'], { cwd: dir })).toMatchObject({ code: 1, stdout: 'values.yaml\n' });
    expect(run(['fmt', '-w', 'values.yaml'], { cwd: dir }).code).toBe(0);
    const after = readFileSync(join(dir, 'values.yaml'), 'utf8');
    const start = HELM.indexOf('content: |-\n') + 'content: |-\n'.length;
    const endOld = HELM.indexOf('\n\n  # Pod logs');
    const endNew = after.indexOf('\n\n  # Pod logs');
    expect(after.slice(0, start)).toBe(HELM.slice(0, start));
    expect(after.slice(endNew)).toBe(HELM.slice(endOld));
    const seed = repo('examples/k8s-logs.alloy');
    const tidy = format(seed).text!.replace(/\n$/, '');
    expect(after.slice(start, endNew)).toBe(tidy.split('\n').map((l) => (l ? `      ${l}` : '')).join('\n'));
    expect(run(['fmt', '--check', 'values.yaml'], { cwd: dir }).code).toBe(0);
    expect(run(['check', 'values.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('prints the whole YAML without -w, and refuses styles it cannot rewrite with a message', () => {
    const dir = tempTree({ 'cm.yaml': 'kind: ConfigMap\ndata:\n  config.alloy: "logging {\\n      level = \\"info\\"\\n}\\n"\n' });
    const r = run(['fmt', 'cm.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('cm.yaml:3:17: data."config.alloy": not formatted: it is a double-quoted scalar; only literal block scalars (|) are rewritten\n');
    expect(r.stdout).toBe(readFileSync(join(dir, 'cm.yaml'), 'utf8'));
  });
});

describe('graph, run and test on YAML', () => {
  it('graph draws the Alloy of a values file with YAML positions', () => {
    const dir = tempTree({ 'values.yaml': HELM });
    const model = JSON.parse(run(['graph', 'values.yaml', '-f', 'json'], { cwd: dir }).stdout);
    expect(model.files).toEqual(['values.yaml']);
    const node = model.nodes.find((n: { id: string }) => n.id === 'loki.write.loki');
    expect(node.range.file).toBe('values.yaml');
    expect(HELM.split('\n')[node.range.start.line - 1]).toBe('      loki.write "loki" {');
    expect(node.range.start.column).toBe(7);
  });

  it('run gives what the .alloy file gives; a ConfigMap\'s keys draw as one configuration', () => {
    const dir = tempTree({ 'values.yaml': HELM, 'k8s-logs.alloy': repo('examples/k8s-logs.alloy'), 'samples.yaml': repo('examples/k8s-logs.samples.yaml'), 'cm.yaml': repo('test/fixtures/yaml/configmap.yaml') });
    const now = ['--now', '2025-05-21T02:48:07Z'];
    const fromYaml = run(['run', 'values.yaml', '--inputs', 'samples.yaml', ...now], { cwd: dir });
    expect(fromYaml.code).toBe(0);
    expect(fromYaml.stdout).toBe(run(['run', 'k8s-logs.alloy', '--inputs', 'samples.yaml', ...now], { cwd: dir }).stdout);
    expect(run(['graph', 'cm.yaml', '-f', 'json'], { cwd: dir }).code).toBe(0);
  });

  it('run refuses templated content; several configurations in one file ask for --yaml-path', () => {
    const tpl = tempTree({ 'v.yaml': repo('test/fixtures/yaml/templated.yaml') });
    expect(run(['run', 'v.yaml'], { cwd: tpl }).stderr).toContain('uses Helm template actions; render it first');
    const two = tempTree({ 'two.yaml': `${HELM}\n---\n${repo('test/fixtures/yaml/configmap.yaml')}` });
    expect(run(['graph', 'two.yaml'], { cwd: two }).stderr).toBe('alloy-lint: two.yaml holds 2 configurations (alloy.configMap.content, data."logs.alloy" + data."metrics.alloy"): pick one with --yaml-path\n');
    const picked = run(['graph', 'two.yaml', '--yaml-path', 'alloy.configMap.content', '-f', 'mermaid'], { cwd: two });
    expect(picked.code).toBe(0);
    expect(picked.stdout).toContain('loki.write');
  });

  it('a pipeline test can point at a values file', () => {
    const dir = tempTree({
      'values.yaml': HELM,
      'samples.yaml': repo('test/fixtures/runtime/k8s-samples.yaml'),
      'helm.test.yaml': 'config:\n  path: values.yaml\nsamples: samples.yaml\nassert:\n  loki:\n    - type: count\n      sink: loki.write.loki\n      count: 2\n',
    });
    const r = run(['test', 'helm.test.yaml'], { cwd: dir });
    expect(r.stdout).toContain('PASS');
    expect(r.code).toBe(0);
  });
});
