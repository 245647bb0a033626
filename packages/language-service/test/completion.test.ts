import type { CompletionItem } from 'vscode-languageserver-types';
import { applyEdits } from '@alloy-lint/language-service/test-support';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

/** Completion at the `<|>` of `text`. */
function check(text: string, opts: Parameters<typeof fixture>[1] = {}): { items: CompletionItem[]; labels: string[]; apply(label: string): string } {
  const f = fixture(text, opts);
  const items = f.ls.complete(f.uri, f.cursor).items;
  return {
    items,
    labels: items.map((i) => i.label),
    apply(label) {
      const it = items.find((i) => i.label === label);
      if (!it?.textEdit || !('range' in it.textEdit)) throw new Error(`no item ${label}`);
      return applyEdits(f.text, [it.textEdit]);
    },
  };
}

const PIPE = `
loki.write "w" {
  endpoint {
    url = "http://loki/api/v1/push"
  }
}

otelcol.exporter.otlp "o" {
  client {
    endpoint = "tempo:4317"
  }
}

prometheus.remote_write "p" {
  endpoint {
    url = "http://mimir/api/v1/push"
  }
}

discovery.kubernetes "pods" {
  role = "pod"
}
`;

describe('completion of references', () => {
  it('offers only log receivers in forward_to of a loki component', () => {
    const { labels } = check(`loki.source.file "a" {\n  targets    = []\n  forward_to = [<|>]\n}\n${PIPE}`);
    expect(labels).toContain('loki.write.w.receiver');
    expect(labels).not.toContain('otelcol.exporter.otlp.o.input');
    expect(labels).not.toContain('prometheus.remote_write.p.receiver');
    expect(labels).not.toContain('discovery.kubernetes.pods.targets');
  });

  it('offers metrics receivers in forward_to of prometheus.scrape, wrapped in a list when the list is not written', () => {
    const c = check(`prometheus.scrape "s" {\n  targets    = []\n  forward_to = <|>\n}\n${PIPE}`);
    expect(c.labels).toContain('prometheus.remote_write.p.receiver');
    expect(c.labels).not.toContain('loki.write.w.receiver');
    expect(c.apply('prometheus.remote_write.p.receiver')).toContain('forward_to = [prometheus.remote_write.p.receiver]');
  });

  it('offers targets where targets are expected', () => {
    const { labels } = check(`prometheus.scrape "s" {\n  targets    = <|>\n  forward_to = []\n}\n${PIPE}`);
    expect(labels).toContain('discovery.kubernetes.pods.targets');
    expect(labels).not.toContain('loki.write.w.receiver');
  });

  it('offers otelcol consumers in an output block', () => {
    const { labels } = check(`otelcol.receiver.otlp "r" {\n  grpc {}\n  output {\n    traces = [<|>]\n  }\n}\n${PIPE}`);
    expect(labels).toEqual(expect.arrayContaining(['otelcol.exporter.otlp.o.input']));
    expect(labels).not.toContain('loki.write.w.receiver');
  });

  it('lists export names after component.label., the mismatching ones last', () => {
    // The document does not parse while the name is being typed: the last clean version's components count.
    const f = fixture(`loki.source.file "a" {\n  targets    = []\n  forward_to = [loki.write.w.receiver]\n}\n${PIPE}`);
    f.ls.diagnostics(f.uri);
    f.ls.changeDocument(f.uri, 2, [{ range: { start: { line: 2, character: 29 }, end: { line: 2, character: 37 } }, text: '' }]);
    expect(f.ls.getText(f.uri)).toContain('[loki.write.w.]');
    expect(f.ls.complete(f.uri, { line: 2, character: 29 }).items.map((i) => i.label)).toEqual(['receiver']);
    const g = fixture(`loki.source.file "a" {\n  targets    = []\n  forward_to = [otelcol.exporter.otlp.o.input]\n}\n${PIPE}`);
    g.ls.diagnostics(g.uri);
    g.ls.changeDocument(g.uri, 2, [{ range: { start: { line: 2, character: 40 }, end: { line: 2, character: 45 } }, text: '' }]);
    const d = g.ls.complete(g.uri, { line: 2, character: 40 }).items;
    expect(d[0].label).toBe('input');
    expect(d[0].detail).toContain('expected LogsReceiver');
  });

  it('filters references by the typed prefix and replaces the whole chain', () => {
    const c = check(`loki.source.file "a" {\n  targets    = []\n  forward_to = [loki.wr<|>]\n}\n${PIPE}`);
    expect(c.labels).toContain('loki.write.w.receiver');
    expect(c.apply('loki.write.w.receiver')).toContain('forward_to = [loki.write.w.receiver]');
  });

  it('offers the exports of a declared component and module arguments inside a declare', () => {
    const text = `declare "mod" {\n  argument "sink" {}\n  export "out" {\n    value = 1\n  }\n  loki.source.file "a" {\n    targets    = []\n    forward_to = <|>\n  }\n}\nmod "m" {\n  sink = []\n}\n`;
    const { labels } = check(text);
    expect(labels).toContain('argument.sink.value');
    const outside = check(`declare "mod" {\n  export "out" {\n    value = 1\n  }\n}\nmod "m" {}\nlocal.file "f" {\n  filename = <|>\n}\n`);
    expect(outside.labels).toContain('mod.m.out');
  });

  it('does not offer a component to itself', () => {
    const { labels } = check(`loki.process "p" {\n  forward_to = [<|>]\n}\n`);
    expect(labels).not.toContain('loki.process.p.receiver');
  });

  it('offers the foreach variable inside the template', () => {
    const { labels } = check(`foreach "f" {\n  collection = [1, 2]\n  var = "each"\n  template {\n    local.file "x" {\n      filename = <|>\n    }\n  }\n}\n`, { settings: { stabilityLevel: 'experimental' } });
    expect(labels).toContain('each');
    const inTemplate = check(`foreach "f" {\n  collection = [1, 2]\n  var = "each"\n  template {\n    discovery.relabel "x" {\n      targets = []\n      <|>\n    }\n  }\n}\n`, { settings: { stabilityLevel: 'experimental' } });
    expect(inTemplate.labels).toEqual(expect.arrayContaining(['rule']));
    const foreach = check(`foreach "f" {\n  <|>\n}\n`);
    expect(foreach.labels).toEqual(expect.arrayContaining(['collection', 'var', 'template']));
  });
});

describe('completion of values', () => {
  it('offers enum values, replacing the string being typed', () => {
    const c = check(`discovery.relabel "r" {\n  targets = []\n  rule {\n    action = "ke<|>"\n  }\n}\n`);
    expect(c.labels).toEqual(expect.arrayContaining(['"keep"', '"drop"', '"replace"', '"labelmap"']));
    expect(c.apply('"keep"')).toContain('action = "keep"\n');
  });

  it('offers true and false for a bool', () => {
    const { labels } = check(`prometheus.scrape "s" {\n  targets = []\n  forward_to = []\n  honor_labels = <|>\n}\n`);
    expect(labels).toEqual(expect.arrayContaining(['true', 'false']));
  });

  it('offers stdlib namespaces and the functions of a namespace with their signatures', () => {
    const top = check(`local.file "f" {\n  filename = <|>\n}\n`);
    expect(top.labels).toEqual(expect.arrayContaining(['sys', 'string', 'coalesce', 'encoding']));
    const ns = check(`local.file "f" {\n  filename = string.<|>\n}\n`);
    expect(ns.labels).toEqual(expect.arrayContaining(['format', 'join', 'to_lower', 'trim_space']));
    expect(ns.items.find((i) => i.label === 'format')?.detail).toBe('string.format(format: string, args: any...) → string');
    const sys = check(`local.file "f" {\n  filename = sys.e<|>\n}\n`);
    expect(sys.labels).toEqual(['env']);
    expect(sys.items[0].detail).toBe('sys.env(name: string) → string');
  });

  it('marks deprecated aliases', () => {
    const { items } = check(`local.file "f" {\n  filename = <|>\n}\n`);
    expect(items.find((i) => i.label === 'env')?.tags).toEqual([1]);
  });
});

describe('completion of names', () => {
  it('offers components by namespace with a snippet that fills required arguments', () => {
    const c = check(`loki.<|>\n`);
    expect(c.labels).toEqual(expect.arrayContaining(['loki.write', 'loki.process', 'loki.source.file']));
    expect(c.labels.every((l) => l.startsWith('loki.'))).toBe(true);
    const write = c.items.find((i) => i.label === 'loki.source.file')!;
    expect(write.detail).toBe('generally available');
    expect((write.documentation as { value: string }).value).toContain('https://grafana.com/docs/alloy/latest/reference/components/loki/loki.source.file/');
    expect(write.textEdit && 'newText' in write.textEdit && write.textEdit.newText).toBe('loki.source.file "${1:default}" {\n\ttargets = ${2:[]}\n\tforward_to = ${3:[]}\n\t$0\n}');
  });

  it('says when a component is not enabled by the settings', () => {
    const { items } = check(`<|>\n`);
    const exp = items.find((i) => i.label === 'pyroscope.java' || i.detail?.startsWith('experimental'));
    expect(exp?.detail).toContain('not enabled by the current settings');
  });

  it('offers arguments and blocks with type, default, required', () => {
    const { items, labels } = check(`loki.write "w" {\n  <|>\n}\n`);
    expect(labels).toEqual(expect.arrayContaining(['endpoint', 'external_labels', 'max_streams', 'wal']));
    expect(items.find((i) => i.label === 'external_labels')?.detail).toBe('map(string) · optional');
    const ep = items.find((i) => i.label === 'endpoint')!;
    expect(ep.detail).toBe('block · repeatable · optional');
    const nested = check(`loki.write "w" {\n  endpoint {\n    ba<|>\n  }\n}\n`);
    expect(nested.items.find((i) => i.label === 'batch_wait')?.detail).toBe('duration · default "1s" · optional');
    expect(nested.labels).toContain('basic_auth');
  });

  it('leaves out attributes already written and blocks that may appear once', () => {
    const { labels } = check(`loki.write "w" {\n  external_labels = {}\n  wal {}\n  <|>\n}\n`);
    expect(labels).not.toContain('external_labels');
    expect(labels).not.toContain('wal');
    expect(labels).toContain('endpoint');
  });

  it('offers declared components and the arguments of an instance', () => {
    const text = `declare "mod" {\n  argument "sink" {\n    comment = "where logs go"\n  }\n  argument "level" {\n    optional = true\n    default = "info"\n  }\n}\n`;
    expect(check(`${text}m<|>\n`).labels).toContain('mod');
    const inst = check(`${text}mod "m" {\n  <|>\n}\n`);
    expect(inst.labels).toEqual(['sink', 'level']);
    expect(inst.items[1].detail).toBe('optional = "info"');
  });

  it('offers the declares of an imported module', () => {
    const files = { 'lib.alloy': 'declare "tail" {\n  argument "path" {}\n}\n' };
    const c = check(`import.file "lib" {\n  filename = "lib.alloy"\n}\n\nlib.<|>\n`, { files });
    expect(c.labels).toContain('lib.tail');
    const inst = check(`import.file "lib" {\n  filename = "lib.alloy"\n}\n\nlib.tail "t" {\n  <|>\n}\n`, { files });
    expect(inst.labels).toEqual(['path']);
  });

  it('offers a label after a block name', () => {
    expect(check(`loki.write <|>`).labels).toEqual(['"default"']);
    expect(check(`loki.write "default" {}\nloki.write <|>`).labels).toEqual(['"default_2"']);
    expect(check(`loki.write "de<|>" {}\n`).apply('"default"')).toBe('loki.write "default" {}\n');
  });

  it('offers nothing in a comment', () => {
    expect(check(`// loki.<|>\n`).labels).toEqual([]);
  });

  it('config blocks: logging only at the top, services at the top', () => {
    expect(check(`<|>`).labels).toEqual(expect.arrayContaining(['logging', 'declare', 'import.file', 'http', 'foreach']));
    expect(check(`declare "d" {\n  <|>\n}\n`).labels).not.toContain('logging');
    expect(check(`declare "d" {\n  <|>\n}\n`).labels).toContain('argument');
  });
});
