import { describe, expect, it } from 'vitest';
import { alloyReport, analyze, type AnalyzeOptions } from '../src/index.js';
import { testCatalog } from './catalog.js';

function check(text: string, opts: Partial<AnalyzeOptions> = {}): string[] {
  const { diagnostics, sources } = analyze([{ name: 'main.alloy', text }], { catalog: testCatalog, parity: true, ...opts });
  return diagnostics.map((d) => {
    const p = sources.get(d.file)!.position(d.start);
    return `${p.line}:${p.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
  });
}

const SINK = 'test.sink "out" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';

describe('validator', () => {
  it('accepts a valid pipeline', () => {
    expect(check(`test.source "in" {\n  forward_to = [test.sink.out.receiver]\n}\n${SINK}`)).toEqual([]);
  });

  it('reports unknown components, attributes, blocks and missing required ones', () => {
    expect(check('test.sinc "x" {}\ntest.sink "y" {\n  colour = 1\n  foo {}\n}\n')).toEqual([
      '1:1: cannot find the definition of component name "test.sinc"',
      '3:3: unrecognized attribute name "colour"',
      '4:3: unrecognized block name "foo"',
      '2:1: missing required block "endpoint"',
    ]);
  });

  it('reports duplicates with the first position', () => {
    expect(check(`${SINK}${SINK}`)).toEqual(['6:1: block test.sink.out already declared at main.alloy:1:1']);
  });

  it('finds cycles and self references', () => {
    const a = 'test.sink "a" {\n  forward_to = [test.sink.b.receiver]\n  endpoint { url = "u" }\n}\n';
    const b = 'test.sink "b" {\n  forward_to = [test.sink.a.receiver]\n  endpoint { url = "u" }\n}\n';
    const c = 'test.sink "c" {\n  forward_to = [test.sink.c.receiver]\n  endpoint { url = "u" }\n}\n';
    expect(check(a + b + c)).toEqual([
      '1:1: cycle detected: test.sink.a, test.sink.b',
      '5:1: cycle detected: test.sink.a, test.sink.b',
      '9:1: cannot reference self',
    ]);
  });

  it('reports references to missing components with the whole traversal', () => {
    expect(check('test.source "in" {\n  forward_to = [test.sink.nope.receiver]\n}\n')).toEqual([
      '2:17: component "test.sink.nope.receiver" does not exist or is out of scope',
    ]);
  });

  it('checks literal types', () => {
    expect(check('test.source "in" {\n  forward_to = "x"\n  interval = "5 minutes"\n}\n')).toEqual([
      '2:16: expected array, got string',
      '3:14: time: unknown unit " minutes" in duration "5 minutes"', // Go's ParseDuration message
    ]);
  });

  it('gates stability and community components', () => {
    expect(check('test.beta "x" {}\n')[0]).toMatch(/^1:1: component "test.beta" is at stability level "public-preview", which is below/);
    expect(check('test.beta "x" {}\n', { minStability: 'public-preview' })).toEqual([]);
    expect(check('test.community "x" {}\n')[0]).toMatch(/is a community component/);
    expect(check('test.community "x" {}\n', { community: true })).toEqual([]);
  });

  it('warns about deprecated stdlib and shadowing', () => {
    expect(check('logging {\n  level = to_lower("INFO")\n}\n')).toEqual([
      '2:11: warning: this stdlib function is deprecated; please refer to the documentation for updated usage and alternatives',
    ]);
  });

  it('checks declare blocks and their instances', () => {
    const text = 'declare "mod" {\n  argument "in" { }\n  export "out" {\n    value = argument.in.value\n  }\n}\nmod "a" {\n  in = 1\n  extra = 2\n}\nmod "b" { }\n';
    expect(check(text)).toEqual(['9:3: unrecognized attribute name "extra"', '11:1: missing required attribute "in"']);
  });

  it('stops at syntax errors, as Alloy does', () => {
    expect(check('test.sink "x" {\n  a = [1,\n2\n]\n}\nnope "x" {}\n')).toEqual(["3:2: missing ',' in expression list"]);
  });

  it('prints reports the way alloy validate does', () => {
    const { diagnostics, sources } = analyze([{ name: 'main.alloy', text: 'test.sinc "x" {}\n' }], { catalog: testCatalog });
    expect(alloyReport(diagnostics, sources)).toBe(
      'Error: main.alloy:1:1: cannot find the definition of component name "test.sinc"\n\n1 | test.sinc "x" {}\n  | ^^^^^^^^^\n2 | \n',
    );
  });
});

describe('beyond alloy validate', () => {
  it('reports a reference whose capsule type does not fit', () => {
    const text = `test.source "in" {\n  forward_to = [test.sink.out.receiver, test.other.x.output]\n}\n${SINK}test.other "x" {}\n`;
    const cat = {
      ...testCatalog,
      component: (n: string) =>
        n === 'test.other'
          ? { name: n, stability: 'generally-available' as const, community: false, args: { kind: 'struct' as const, fields: [] }, exports: [{ kind: 'attr' as const, name: 'output', type: 'capsule(other.Consumer)', required: false }] }
          : testCatalog.component(n),
    };
    expect(check(text, { catalog: cat, parity: false, rules: { 'unused-output': 'off' } })).toEqual([
      '2:41: test.other.x.output expected capsule("test.Receiver"), got capsule("other.Consumer")',
    ]);
    expect(check(text, { catalog: cat, parity: true })).toEqual([]);
  });
});
