import { readFileSync } from 'node:fs';
import { embedAt, extract, parseYamlPath, matchYamlPath, toEmbeddedUtf16, toYamlUtf16 } from '@alloy-lint/yaml-embed';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/yaml/${name}`, import.meta.url));

describe('where Alloy is found', () => {
  it('ConfigMap data keys named *.alloy, *.river, config.alloy; other keys and documents left alone', () => {
    const x = extract(fixture('configmap.yaml'));
    expect(x.diagnostics).toEqual([]);
    expect(x.embeds.map((e) => [e.id, e.origin, e.kind, e.group])).toEqual([
      ['0:data."logs.alloy"', 'configmap', 'config', '0:alloy-pipelines'],
      ['0:data."metrics.alloy"', 'configmap', 'config', '0:alloy-pipelines'],
    ]);
    const river = extract('kind: ConfigMap\ndata:\n  old.river: |\n    logging {}\n  config.alloy: "logging {}"\n  notes: "x"\n');
    expect(river.embeds.map((e) => e.pathText)).toEqual(['data."old.river"', 'data."config.alloy"']);
  });

  it("the Alloy chart's alloy.configMap.content, the deprecated agent key, a subchart, and the operator's Alloy resource", () => {
    const y = [
      'alloy:\n  configMap:\n    content: "logging {}"',
      'agent:\n  configMap:\n    content: "logging {}"',
      'monitoring:\n  alloy:\n    configMap:\n      content: "logging {}"',
      'apiVersion: collectors.grafana.com/v1alpha1\nkind: Alloy\nmetadata: {name: a}\nspec:\n  alloy:\n    configMap:\n      content: "logging {}"',
    ].join('\n---\n');
    expect(extract(y).embeds.map((e) => [e.document, e.origin])).toEqual([
      [0, 'alloy-chart'],
      [1, 'agent-chart'],
      [2, 'alloy-chart'],
      [3, 'alloy-operator'],
    ]);
  });

  it('k8s-monitoring: extraConfig fragments, processing keys in a wrapper, replaceComponent bodies under their type and name', () => {
    const x = extract(fixture('k8s-monitoring.yaml'));
    expect(x.embeds.map((e) => [e.pathText, e.kind, e.wrapped])).toEqual([
      ['podLogsViaLoki.extraLogProcessingStages', 'fragment', true],
      ['collectors.alloy-metrics.extraConfig', 'fragment', false],
      ['replaceComponent[0].content', 'fragment', true],
    ]);
    expect(x.embeds[0].text.startsWith('loki.process "chart" {\n')).toBe(true);
    expect(x.embeds[2].text.startsWith('prometheus.relabel "metricsservice" {\n')).toBe(true);
    // The header of a replaceComponent body is the YAML's own `type` and `name` values.
    const at = x.embeds[2].map.toHost(0);
    expect(x.source.text.slice(at, at + 'prometheus.relabel'.length)).toBe('prometheus.relabel');
    expect(x.embeds[1].chart?.destinations).toEqual([
      { name: 'metricsService', type: 'prometheus' },
      { name: 'logsService', type: 'loki' },
    ]);
  });

  it('yamlPaths: quoted keys, wildcards, any depth, sequence items; fragments and templates on request', () => {
    const y = 'pipelines:\n  - name: a\n    config: "logging {}"\n  - name: b\n    config: "logging {}"\nx:\n  my.alloy: "logging {}"\n';
    expect(extract(y, { yamlPaths: ['pipelines[*].config'] }).embeds.map((e) => e.pathText)).toEqual(['pipelines[0].config', 'pipelines[1].config']);
    expect(extract(y, { yamlPaths: ['**."*.alloy"'] }).embeds.map((e) => e.pathText)).toEqual(['x."my.alloy"']);
    expect(extract(y, { yamlPaths: [{ path: 'pipelines[1].config', fragment: true }] }).embeds.map((e) => e.kind)).toEqual(['fragment']);
    expect(matchYamlPath(parseYamlPath('**.content'), ['a', 'b', 'content'])).toBe(true);
    expect(matchYamlPath(parseYamlPath('a.*.c'), ['a', 'c'])).toBe(false);
    expect(() => parseYamlPath('a..b')).toThrow(/empty key/);
    expect(() => parseYamlPath('a[x]')).toThrow(/expected \[n\]/);
  });

  it('reports YAML syntax errors and invalid UTF-8 instead of extracting, and never throws', () => {
    expect(extract('alloy:\n  configMap:\n    content: "unclosed\n').diagnostics[0]).toMatchObject({ code: 'yaml', severity: 'error' });
    expect(extract(new Uint8Array([0x6b, 0x3a, 0x20, 0xff])).diagnostics[0].message).toMatch(/not valid UTF-8/);
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    expect(() => extract(deep)).not.toThrow();
  });
});

describe('Helm templates', () => {
  const content = (body: string) => `alloy:\n  configMap:\n    content: |\n${body.replace(/^(?=.)/gm, '      ')}`;

  it('shapes each placeholder for where it stands and keeps labels and references in step', () => {
    const x = extract(fixture('templated.yaml'));
    const e = x.embeds[0];
    expect(x.diagnostics).toEqual([]);
    expect(e.text).toContain('level  = __tpl1\n');
    expect(e.text).toContain('names = [__tpl2]');
    expect(e.text).toContain('loki.process "__tpl4" {');
    expect(e.text).toContain('forward_to = [loki.process.__tpl4.receiver]');
    expect(e.text).toContain('url = "__tpl6"');
    expect(e.text).not.toContain('{{');
    expect(e.actions.filter((a) => a.kind === 'output').map((a) => a.slot)).toEqual(['expr', 'expr', 'text', 'expr', 'expr', 'label', 'text', 'text', 'expr', 'statement']);
  });

  it('trims whitespace at {{- and -}}, drops comments, defines and else branches; ranges appear once', () => {
    const x = extract(content('a = 1\n{{- /* note */}}\nb = 2 {{- " " -}}\n\nc = 3\n{{ define "x" }}d = 4{{ end }}\n{{ if .x }}e = 5{{ else }}e = 6{{ end }}\n'));
    expect(x.embeds[0].text).toBe('a = 1\nb = 2__tpl1c = 3\n\ne = 5\n');
  });

  it('reports unclosed actions and unbalanced control actions at their YAML place', () => {
    const x = extract(content('a = 1\n{{ if .x }}\nb = "{{ .y"\n'));
    expect(x.diagnostics.map((d) => d.message)).toEqual(['template: unclosed action (no matching "}}")', 'template: {{if}} has no matching {{end}}']);
    const p = x.source.position(x.diagnostics[0].start);
    expect([p.line, p.column]).toEqual([6, 12]);
  });

  it('leaves {{ alone where no template engine runs (ConfigMaps)', () => {
    const x = extract('kind: ConfigMap\ndata:\n  config.alloy: |\n    a = "{{ .Value }}"\n');
    expect(x.embeds[0].text).toBe('a = "{{ .Value }}"\n');
    expect(x.embeds[0].actions).toEqual([]);
  });
});

describe('positions both ways', () => {
  it('maps UTF-16 offsets of the YAML to the embedded text and back', () => {
    const y = 'é: 1\nalloy:\n  configMap:\n    content: |\n      a = "日本" // 😀\n      b = 2\n';
    const x = extract(y);
    const e = x.embeds[0];
    const at = y.indexOf('b = 2');
    expect(embedAt(x, Buffer.byteLength(y.slice(0, at)))).toBe(e);
    const p = toEmbeddedUtf16(x, e, at)!;
    expect(e.text.slice(p.utf16)).toBe('b = 2\n');
    expect(toYamlUtf16(x, e, p.utf16).utf16).toBe(at);
    expect(toYamlUtf16(x, e, e.text.indexOf('😀')).utf16).toBe(y.indexOf('😀'));
    // Indentation maps to the text after it; a placeholder maps to nothing.
    expect(toEmbeddedUtf16(x, e, at - 3)!.utf16).toBe(p.utf16);
  });
});
