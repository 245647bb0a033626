import { readFileSync } from 'node:fs';
import { createLanguageService, type Settings } from '@alloy-lint/language-service';
import { applyEdits, memoryHost, parseMarkers } from '@alloy-lint/language-service/test-support';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './helpers.js';

const repo = (p: string) => readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8');
const HELM = repo('examples/helm-values.yaml');
const CONFIGMAP = repo('test/fixtures/yaml/configmap.yaml');
const URI = 'file:///ws/values.yaml';

function service(text: string, settings: Partial<Settings> = { yaml: true }) {
  const ls = createLanguageService({ host: memoryHost({ [URI]: text }, CATALOGS), settings, folders: [{ uri: 'file:///ws/' }] });
  ls.openDocument(URI, 1, text);
  return ls;
}

/** LSP position (0-based) of the first `needle` in `text`, plus `delta` characters. */
function find(text: string, needle: string, delta = 0) {
  const i = text.indexOf(needle);
  const line = text.slice(0, i).split('\n').length - 1;
  return { line, character: i - text.lastIndexOf('\n', i - 1) - 1 + delta };
}

describe('Alloy inside YAML', () => {
  it('is left alone while the setting is off: a YAML file is never read as Alloy', () => {
    const ls = service(HELM, {});
    expect(ls.diagnostics(URI)).toEqual([]);
    expect(ls.complete(URI, find(HELM, 'forward_to', 2)).items).toEqual([]);
    expect(ls.format(URI)).toEqual([]);
  });

  it('a broken reference gives one error at the YAML line and column, as check reports it', () => {
    const text = HELM.replace('loki.process.pod_logs.receiver', 'loki.process.pod_log.receiver');
    const diags = service(text).diagnostics(URI);
    expect(diags.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.character + 1])).toEqual([
      ['unknown-reference', 41, 25, 54],
    ]);
    expect(diags[0].message).toBe('component "loki.process.pod_log.receiver" does not exist or is out of scope');
  });

  it('the clean values file gives no diagnostics', () => {
    expect(service(HELM).diagnostics(URI)).toEqual([]);
  });

  it('completes only log receivers inside forward_to, with edits on the YAML line', () => {
    const m = parseMarkers(HELM.replace('forward_to = [loki.process.pod_logs.receiver]', 'forward_to = [<|>]'));
    const ls = service(m.text);
    const items = ls.complete(URI, m.cursors[0]).items;
    const refs = items.filter((i) => i.label.includes('.'));
    expect(refs.map((i) => i.label)).toContain('loki.process.pod_logs.receiver');
    expect(refs.filter((i) => !i.label.endsWith('.receiver'))).toEqual([]);
    const edit = refs[0].textEdit as { range: { start: { line: number; character: number } } } | undefined;
    if (edit) expect(edit.range.start).toEqual(m.cursors[0]);
  });

  it('hovers an argument, the range on the YAML line', () => {
    const p = find(HELM, 'forward_to = [loki.process', 3);
    const h = service(HELM).hover(URI, p) as Hover;
    expect((h.contents as MarkupContent).value).toContain('forward_to: list(LogsReceiver)');
    expect(h.range).toEqual({ start: { line: p.line, character: p.character - 3 }, end: { line: p.line, character: p.character + 7 } });
  });

  it('goes to the definition of a reference inside the same YAML document', () => {
    const defs = service(HELM).definition(URI, find(HELM, 'loki.process.pod_logs.receiver', 15)) as Location[];
    expect(defs.map((d) => [d.uri, d.range.start])).toEqual([[URI, find(HELM, 'loki.process "pod_logs"', 'loki.process "'.length)]]);
  });

  it('formats the literal block as alloy fmt does and leaves every other byte of the YAML', () => {
    const formatted = applyEdits(HELM, service(HELM).format(URI));
    // What `alloy-lint fmt values.yaml` writes: Alloy's tabs after the block's indentation.
    expect(formatted).toContain('\n      \ttargets    = discovery.relabel.pod_logs.output\n');
    const head = HELM.slice(0, HELM.indexOf('content: |'));
    expect(formatted.startsWith(head)).toBe(true);
    expect(formatted.slice(formatted.lastIndexOf('\n  ', formatted.length - 2))).toBe(HELM.slice(HELM.lastIndexOf('\n  ', HELM.length - 2)));
    // Formatting again changes nothing; a messier text formats to the same.
    expect(service(formatted).format(URI)).toEqual([]);
    const messy = formatted.replace('\ttargets    = discovery', '\ttargets =     discovery');
    expect(applyEdits(messy, service(messy).format(URI))).toBe(formatted);
  });

  it('checks each key of a ConfigMap, and keeps a key whose text did not change analysed', () => {
    const broken = CONFIGMAP.replace('[prometheus.remote_write.mimir.receiver]', '[prometheus.remote_write.mimr.receiver]');
    const ls = service(broken);
    const diags = ls.diagnostics(URI);
    expect(diags.filter((d) => d.severity === 1).map((d) => [d.code, d.range.start.line + 1])).toEqual([['unknown-reference', broken.split('\n').findIndex((l) => l.includes('mimr')) + 1]]);
    const count = diags.length;
    const before = ls.stats().analyses;
    // An edit of the YAML outside the Alloy: one YAML parse, no analysis.
    ls.changeDocument(URI, 2, [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 8 } }, text: 'x' }]);
    expect(ls.diagnostics(URI)).toHaveLength(count);
    expect(ls.stats().analyses).toBe(before);
  });

  it('colours the Alloy through semantic tokens on the YAML lines', () => {
    const tokens = service(CONFIGMAP).semanticTokens(URI).data;
    const firstLine = tokens[0];
    expect(firstLine).toBe(CONFIGMAP.split('\n').findIndex((l) => l.includes('// Pod logs to Loki.')));
    expect(tokens.length).toBeGreaterThan(5 * 20);
  });

  it('renames a label inside a literal block, edits on the YAML lines', () => {
    const ls = service(HELM);
    const edit = ls.rename(URI, find(HELM, 'loki.process "pod_logs"', 15), 'logs');
    const out = applyEdits(HELM, edit!.changes![URI]);
    expect(out).toContain('loki.process "logs" {');
    expect(out).toContain('forward_to = [loki.process.logs.receiver]');
    expect(Object.keys(edit!.changes!)).toEqual([URI]);
  });

  it('finds the keys named in yamlPaths, and says so when a pattern does not parse', () => {
    const text = 'pipelines:\n  - config: |\n      loki.process "p" {\n        forward_to = [loki.write.nope.receiver]\n      }\n';
    const found = service(text, { yaml: true, yamlPaths: ['pipelines[*].config'] }).diagnostics(URI);
    expect(found.filter((d) => d.code === 'unknown-reference').map((d) => d.range.start)).toEqual([{ line: 3, character: 22 }]);
    expect(service(text, { yaml: true }).diagnostics(URI)).toEqual([]);
    const bad = service(text, { yaml: true, yamlPaths: ['pipelines[x'] }).diagnostics(URI);
    expect(bad.map((d) => [d.code, d.message])).toEqual([['settings', 'yamlPaths: "pipelines[x": missing "]"']]);
  });
});
