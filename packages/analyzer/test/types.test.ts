import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, expectedTypeAt, exportsOfType, offers, type AnalyzeOptions } from '../src/index.js';
import { typeName } from '@alloy-lint/values';
import { v1181 } from './real-catalog.js';

const quiet = { 'no-inputs': 'off', 'unused-output': 'off', 'empty-forward-to': 'off' } as const;

function check(text: string, opts: Partial<AnalyzeOptions> = {}): string[] {
  const { diagnostics, sources } = analyze([{ name: 'main.alloy', text }], { catalog: v1181, rules: quiet, ...opts });
  return diagnostics.map((d) => {
    const p = sources.get(d.file)!.position(d.start);
    const e = sources.get(d.file)!.position(d.end);
    return `${p.line}:${p.column}-${e.column}: ${d.code}: ${d.message}${d.hint ? ` [${d.hint}]` : ''}`;
  });
}

const WRITE = 'loki.write "default" {\n  endpoint {\n    url = "http://loki"\n  }\n}\n';
const SOURCE = (forward: string) => `loki.source.file "f" {\n  targets    = []\n  forward_to = ${forward}\n}\n${WRITE}`;

describe('exports exist', () => {
  it('a misspelt export: Alloy\'s message at the name, did you mean, and a fix', () => {
    const { diagnostics } = analyze([{ name: 'm.alloy', text: SOURCE('[loki.write.default.reciever]') }], { catalog: v1181 });
    expect(check(SOURCE('[loki.write.default.reciever]'))).toEqual(['3:36-44: unknown-field: field "reciever" does not exist [did you mean "receiver"?]']);
    const fix = diagnostics[0].fix!.edits[0];
    expect(SOURCE('[loki.write.default.reciever]').slice(fix.start, fix.end)).toBe('reciever');
    expect(fix.text).toBe('receiver');
  });

  it('an export the component does not have lists the ones it has', () => {
    const text = 'discovery.kubernetes "pods" {\n  role = "pod"\n}\ndiscovery.relabel "pods" {\n  targets = discovery.kubernetes.pods.targets\n}\n' +
      'loki.source.kubernetes "pods" {\n  targets    = discovery.relabel.pods.targets\n  forward_to = [loki.write.default.receiver]\n}\n' + WRITE;
    expect(check(text)).toEqual(['8:39-46: unknown-field: field "targets" does not exist [it has: output, rules]']);
  });

  it('a component without exports has no fields', () => {
    expect(check(`prometheus.scrape "s" {\n  targets    = []\n  forward_to = []\n}\nlocal.file "f" {\n  filename = prometheus.scrape.s.out\n}\n`)).toEqual([
      '6:34-37: unknown-field: field "out" does not exist [it has no fields]',
    ]);
  });

  it('fields of the stdlib and of module arguments exist', () => {
    expect(check('logging {\n  level = constants.hostnme\n}\n')).toEqual(['2:21-28: unknown-field: field "hostnme" does not exist [did you mean "hostname"?]']);
    const mod = 'declare "d" {\n  argument "name" {}\n  local.file "f" {\n    filename = argument.nmae.value\n  }\n}\n';
    expect(check(mod)).toEqual(['4:25-29: unknown-field: field "nmae" does not exist [did you mean "name"?]']);
  });

  it('exports of a declare: a typo in an instance export, and the exported type flows on', () => {
    const decl =
      'declare "sink" {\n  loki.write "w" {\n    endpoint {\n      url = "http://loki"\n    }\n  }\n  export "input" {\n    value = loki.write.w.receiver\n  }\n}\nsink "main" {}\n';
    expect(check(decl + 'loki.source.file "f" {\n  targets    = []\n  forward_to = [sink.main.inptu]\n}\n')).toEqual([
      '14:27-32: unknown-field: field "inptu" does not exist [did you mean "input"?]',
    ]);
    expect(check(decl + 'loki.source.file "f" {\n  targets    = []\n  forward_to = [sink.main.input]\n}\n')).toEqual([]);
    expect(check(decl + 'prometheus.scrape "f" {\n  targets    = []\n  forward_to = [sink.main.input]\n}\n')).toEqual([
      '14:17-32: type-mismatch: sink.main.input expected capsule("storage.Appendable"), got capsule("loki.LogsReceiver") [forward_to expects list(capsule(storage.Appendable)) (such as prometheus.remote_write.<label>.receiver); sink.main.input is capsule(loki.LogsReceiver)]',
    ]);
  });

  it('declares of an imported module and their exports', () => {
    const mod = 'declare "sink" {\n  loki.write "w" {\n    endpoint {\n      url = "http://loki"\n    }\n  }\n  export "input" {\n    value = loki.write.w.receiver\n  }\n}\n';
    const text = `import.string "m" {\n  content = ${JSON.stringify(mod)}\n}\nm.sink "a" {}\nloki.source.file "f" {\n  targets    = []\n  forward_to = [m.sink.a.inpt]\n}\n`;
    expect(check(text).filter((d) => !d.includes('main.alloy#'))).toEqual(['7:26-30: unknown-field: field "inpt" does not exist [did you mean "input"?]']);
  });
});

describe('every expression typed', () => {
  it('targets where log receivers are expected', () => {
    const text = `discovery.docker "local" {\n  host = "unix:///var/run/docker.sock"\n}\n${SOURCE('[discovery.docker.local.targets]')}`;
    expect(check(text)).toEqual([
      '6:17-47: type-mismatch: discovery.docker.local.targets should be capsule, got array [forward_to expects list(capsule(loki.LogsReceiver)) (such as loki.write.default.receiver); discovery.docker.local.targets is list(capsule(discovery.Target))]',
    ]);
  });

  it('targets where relabel rules are expected, and rules where targets are expected', () => {
    const text =
      'discovery.kubernetes "pods" {\n  role = "pod"\n}\ndiscovery.relabel "r" {\n  targets = []\n}\n' +
      'loki.source.docker "k" {\n  host          = "x"\n  targets       = discovery.relabel.r.rules\n  forward_to    = []\n  relabel_rules = discovery.kubernetes.pods.targets\n}\n';
    expect(check(text)).toEqual([
      "9:19-44: type-mismatch: discovery.relabel.r.rules should be array, got capsule [targets expects list(capsule(discovery.Target)) (such as discovery.kubernetes.pods.targets, discovery.relabel.r.output); discovery.relabel.r.rules is capsule(relabel.Rules)]",
      '11:19-52: type-mismatch: discovery.kubernetes.pods.targets should be capsule, got array [relabel_rules expects capsule(relabel.Rules) (such as discovery.relabel.r.rules); discovery.kubernetes.pods.targets is list(capsule(discovery.Target))]',
    ]);
  });

  it('otelcol consumers in a config block that takes log receivers', () => {
    const text = 'otelcol.processor.batch "default" {\n  output {}\n}\nlogging {\n  write_to = [otelcol.processor.batch.default.input]\n}\n';
    expect(check(text)).toEqual([
      '5:15-52: type-mismatch: otelcol.processor.batch.default.input expected capsule("loki.LogsReceiver"), got capsule("otelcol.Consumer") [write_to expects list(capsule(loki.LogsReceiver)) (such as loki.write.<label>.receiver); otelcol.processor.batch.default.input is capsule(otelcol.Consumer)]',
    ]);
  });

  it('a single reference where a list is expected: wrap it in [ ]', () => {
    const text = SOURCE('loki.write.default.receiver');
    const { diagnostics } = analyze([{ name: 'm.alloy', text }], { catalog: v1181 });
    expect(check(text)).toEqual(['3:16-43: type-mismatch: loki.write.default.receiver should be array, got capsule [forward_to takes a list: write [loki.write.default.receiver]]']);
    const edits = diagnostics[0].fix!.edits;
    let fixed = text;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start) + e.text + fixed.slice(e.end);
    expect(check(fixed)).toEqual([]);
  });

  it("Alloy's conversions are accepted", () => {
    const ok = [
      // a list of objects and a list of targets where a list of string maps is expected
      'prometheus.exporter.self "s" {}\ndiscovery.relabel "r" {\n  targets = array.concat([{"a" = "b"}], prometheus.exporter.self.s.targets)\n}\nlocal.file "x" {\n  filename = discovery.relabel.r.output[0]["__address__"]\n}\n',
      // numbers where strings are expected, optional secrets where strings are expected
      'local.file "a" {\n  filename = "/a"\n}\nlocal.file "b" {\n  filename = local.file.a.content + "/x"\n  poll_frequency = string.format("%ds", 1 + 2)\n}\n',
      // strings and optional secrets where secrets are expected; map(optional_secret) values
      'remote.kubernetes.secret "s" {\n  namespace = "n"\n  name = "s"\n}\nprometheus.remote_write "w" {\n  endpoint {\n    url = "http://x"\n    basic_auth {\n      username = "u"\n      password = remote.kubernetes.secret.s.data["pw"]\n    }\n  }\n}\n',
      // unknown types stay quiet: JSON decoded values, foreach variables
      'local.file "j" {\n  filename = "/j"\n}\nlocal.file "k" {\n  filename = encoding.from_json(local.file.j.content).path\n}\n',
    ];
    for (const text of ok) expect(check(text), text).toEqual([]);
  });

  it('a secret where a string is expected, and operators on the wrong types', () => {
    const text = 'local.file "a" {\n  filename = "/a"\n  is_secret = true\n}\nlocal.file "b" {\n  filename = convert.nonsensitive(sys.env("A")) + 1\n}\n';
    expect(check(text)).toEqual(['6:51-52: type-mismatch: 1 should be string, got number']);
    const secret = 'prometheus.remote_write "w" {\n  endpoint {\n    url = "http://x"\n    basic_auth {\n      password = "p"\n      username = remote.vault.v.data["u"]\n    }\n  }\n}\nremote.vault "v" {\n  server = "s"\n  path = "p"\n}\n';
    expect(check(secret, { rules: { ...quiet, 'hardcoded-secret': 'off' } })).toEqual([
      '6:18-42: type-mismatch: remote.vault.v.data["u"] secrets may not be converted into strings [username expects string; remote.vault.v.data["u"] is secret]',
    ]);
  });
});

describe('no knock-on noise', () => {
  it('a broken reference does not also report its intended target as unused', () => {
    const text = SOURCE('[loki.write.defualt.receiver]');
    const all = analyze([{ name: 'm.alloy', text }], { catalog: v1181 }).diagnostics.map((d) => d.code);
    expect(all).toEqual(['unknown-reference']);
  });

  it('neighbours of a component with an error get no advice', () => {
    const text = `discovery.docker "d" {\n  host = "x"\n}\nloki.source.docker "s" {\n  host = "x"\n  targets = discovery.docker.d.targets\n  forward_to = [loki.write.default.reciever]\n}\n${WRITE}`;
    const all = analyze([{ name: 'm.alloy', text }], { catalog: v1181 }).diagnostics.map((d) => d.code);
    expect(all).toEqual(['unknown-field']);
  });
});

describe('type facts for editors', () => {
  it('the type expected at a position and the references that fit', () => {
    const text = `${SOURCE('[]')}loki.process "p" {\n  forward_to = []\n}\nprometheus.exporter.self "s" {}\n`;
    const a = analyze([{ name: 'm.alloy', text }], { catalog: v1181 });
    const inside = text.indexOf('forward_to = []') + 'forward_to = ['.length;
    const t = expectedTypeAt(a, v1181, 'm.alloy', inside)!;
    expect(typeName(t.type)).toBe('capsule(loki.LogsReceiver)');
    expect(t).toMatchObject({ attribute: 'forward_to', component: 'loki.source.file' });
    expect(exportsOfType(a, v1181, t.type).map((x) => x.reference)).toEqual(['loki.write.default.receiver', 'loki.process.p.receiver']);
    const url = expectedTypeAt(a, v1181, 'm.alloy', text.indexOf('"http://loki"'))!;
    expect(url).toMatchObject({ attribute: 'url', path: ['endpoint'] });
    expect(typeName(url.type)).toBe('string');
  });

  it('offers references that convert and have the expected shape', () => {
    expect(offers('list(capsule(discovery.Target))', 'list(capsule(discovery.Target))')).toBe(true);
    expect(offers('capsule(loki.LogsReceiver)', 'capsule(loki.LogsReceiver)')).toBe(true);
    expect(offers('capsule(otelcol.Consumer)', 'capsule(loki.LogsReceiver)')).toBe(false);
    expect(offers('list(capsule(discovery.Target))', 'capsule(loki.LogsReceiver)')).toBe(false);
    // Converts (a number becomes a string, a string a secret), so it is offered.
    expect(offers('number', 'string')).toBe(true);
    expect(offers('string', 'secret')).toBe(true);
    // A target converts into a map, but a map is not offered where a target list is expected, nor the reverse.
    expect(offers('capsule(discovery.Target)', 'map(string)')).toBe(false);
    expect(offers('any', 'capsule(relabel.Rules)')).toBe(true);
  });

  it('the seed pipelines check clean', () => {
    for (const f of ['k8s-logs.alloy', 'otlp-traces.alloy']) {
      const text = readFileSync(new URL(`../../../examples/${f}`, import.meta.url), 'utf8');
      expect(check(text, { rules: {} }), f).toEqual([]);
    }
  });
});
