import { analyze } from '@alloy-lint/analyzer';
import { markRanges } from '@alloy-lint/language-service/test-support';
import { describe, expect, it } from 'vitest';
import { CATALOGS, fixture } from './helpers.js';

/** Diagnostics of the document as `code: message` with the text they cover marked. */
function check(text: string, opts: Parameters<typeof fixture>[1] = {}) {
  const f = fixture(text, opts);
  const ds = f.ls.diagnostics(f.uri);
  return ds.map((d) => ({ code: d.code, message: d.message, at: markRanges(f.text, [d.range]).split('\n')[d.range.start.line], related: d.relatedInformation, severity: d.severity }));
}

describe('diagnostics', () => {
  it('reports what check reports, with the same codes and ranges', () => {
    const text = 'loki.write "w" {\n  endpoint {\n    urll = "x"\n  }\n}\nloki.source.file "a" {\n  targets = []\n  forward_to = [otelcol.exporter.otlp.o.input, loki.write.nope.receiver]\n}\notelcol.exporter.otlp "o" {\n  client {\n    endpoint = "x"\n  }\n}\n';
    const got = check(text);
    const want = analyze([{ name: 'main.alloy', text }], { catalog: CATALOGS['v1.18.1'] }).diagnostics;
    expect(got.map((d) => d.code)).toEqual(want.map((d) => d.code));
    expect(got.map((d) => d.message)).toEqual(want.map((d) => (d.hint ? `${d.message}\n${d.hint}` : d.message)));
    expect(got.find((d) => d.code === 'unknown-attribute')?.at).toBe('    <|urll = "x"|>');
    expect(got.find((d) => d.code === 'unknown-reference')?.at).toBe('  forward_to = [otelcol.exporter.otlp.o.input, <|loki.write.nope.receiver|>]');
    expect(got.find((d) => d.code === 'type-mismatch')?.message).toBe(
      'otelcol.exporter.otlp.o.input expected capsule("loki.LogsReceiver"), got capsule("otelcol.Consumer")\nforward_to expects list(capsule(loki.LogsReceiver)) (such as loki.write.w.receiver); otelcol.exporter.otlp.o.input is capsule(otelcol.Consumer)',
    );
  });

  it('points at the first definition of a duplicate as a related location', () => {
    const got = check('loki.write "w" {\n}\nloki.write "w" {\n}\n');
    const dup = got.find((d) => d.code === 'duplicate-block')!;
    expect(dup.related).toEqual([{ location: { uri: 'file:///ws/main.alloy', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } } }, message: 'first defined here' }]);
  });

  it('reports syntax errors only, as Alloy does, while the file does not parse', () => {
    const got = check('loki.write "w" {\n  endpoint {\n    url = \n  }\n}\nbogus.component "x" {}\n');
    expect(got.map((d) => d.code)).toEqual(['syntax']);
    expect(got[0].message).toBe('expected expression, got }');
  });

  it('follows the settings: release, stability level, rule severities, inline directives', () => {
    const text = 'pyroscope.ebpf "p" {\n  targets = []\n  forward_to = []\n}\n';
    expect(check(text).map((d) => d.code)).toContain('empty-forward-to');
    expect(check(text, { settings: { rules: { 'empty-forward-to': 'off' } } }).map((d) => d.code)).not.toContain('empty-forward-to');
    expect(check(text.replace('  forward_to', '  // alloy-lint-disable-next-line empty-forward-to\n  forward_to')).map((d) => d.code)).not.toContain('empty-forward-to');
    expect(check('discovery.aws "a" {\n}\n', { settings: { alloyVersion: 'v1.17.1' } }).map((d) => d.code)).toEqual(['unknown-component']);
    expect(check('discovery.aws "a" {\n}\n').map((d) => d.code)).not.toContain('unknown-component');
    expect(check('otelcol.connector.signaltometrics "a" {\n  output {}\n}\n').map((d) => d.code)).toContain('stability');
    expect(check('otelcol.connector.signaltometrics "a" {\n  output {}\n}\n', { settings: { stabilityLevel: 'experimental' } }).map((d) => d.code)).not.toContain('stability');
  });

  it('marks unused outputs as unnecessary and deprecated functions as deprecated', () => {
    const got = check('discovery.kubernetes "k" {\n  role = "pod"\n}\nlocal.file "f" {\n  filename = env("X")\n}\n');
    expect(got.find((d) => d.code === 'deprecated-function')).toBeDefined();
  });
});
