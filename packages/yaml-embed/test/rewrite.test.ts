import { format } from '@alloy-lint/formatter';
import { applyEdits, extract, formatEmbed } from '@alloy-lint/yaml-embed';
import { describe, expect, it } from 'vitest';

const enc = new TextEncoder();
const dec = new TextDecoder();
const fmt = (t: string) => format(t);

/** Formats every embed of `yaml` and returns the new YAML and the refusals. */
function fmtYaml(yaml: string): { out: string; refused: string[]; errors: string[] } {
  const x = extract(yaml);
  const edits = [];
  const refused: string[] = [];
  const errors: string[] = [];
  for (const e of x.embeds) {
    const r = formatEmbed(x, e, fmt);
    if (r.edit) edits.push(r.edit);
    if (r.refused) refused.push(r.refused);
    errors.push(...r.diagnostics.map((d) => `${x.source.position(d.start).line}:${x.source.position(d.start).column}: ${d.message}`));
  }
  return { out: dec.decode(applyEdits(enc.encode(yaml), edits)), refused, errors };
}

const chart = (header: string, body: string, after = 'other: 1\n') => `alloy:\n  configMap:\n    content: ${header}\n${body}${after}`;

describe('fmt inside YAML', () => {
  it('rewrites literal blocks keeping indentation, header, trailing lines and every other byte', () => {
    for (const header of ['|', '|-', '|+', '|2', '|2-', '| # keep me']) {
      const yaml = chart(header, '      a   =   1\n      b {\n          c = 2\n      }\n\n\n');
      const { out, refused } = fmtYaml(yaml);
      expect(refused).toEqual([]);
      expect(out).toBe(chart(header, '      a = 1\n\n      b {\n      \tc = 2\n      }\n\n\n'));
      expect(fmtYaml(out).out).toBe(out);
    }
  });

  it('keeps CRLF line ends', () => {
    const yaml = chart('|', '      a   =   1\n      b = 2\n').replace(/\n/g, '\r\n');
    expect(fmtYaml(yaml).out).toBe(chart('|', '      a = 1\n      b = 2\n').replace(/\n/g, '\r\n'));
  });

  it('refuses to rewrite quoted, plain and folded values that would change, with a message; leaves tidy ones alone', () => {
    const yaml = 'kind: ConfigMap\ndata:\n  a.alloy: "x   =  1\\n"\n  b.alloy: "x = 1\\n"\n  c.alloy: >\n    x   = 1\n';
    const { out, refused } = fmtYaml(yaml);
    expect(out).toBe(yaml);
    expect(refused).toEqual([
      'data."a.alloy": not formatted: it is a double-quoted scalar; only literal block scalars (|) are rewritten',
      'data."c.alloy": not formatted: it is a folded scalar; only literal block scalars (|) are rewritten',
    ]);
  });

  it('formats around template actions and puts them back; refuses actions it cannot hold', () => {
    const yaml = chart('|', '      {{- if .Values.x }}\n      a   =   {{ .Values.a }}\n      b "{{ .Values.l }}" {\n          url = "{{ .Values.u }}"\n      }\n      {{- end }}\n');
    const { out, refused } = fmtYaml(yaml);
    expect(refused).toEqual([]);
    expect(out).toBe(chart('|', '      {{- if .Values.x }}\n      a = {{ .Values.a }}\n\n      b "{{ .Values.l }}" {\n      \turl = "{{ .Values.u }}"\n      }\n      {{- end }}\n'));
    const inline = fmtYaml(chart('|', '      a   = 1 {{ if .x }}b{{ end }}\n'));
    expect(inline.refused[0]).toMatch(/shares its line with Alloy text/);
  });

  it('reports syntax errors at their YAML line and column', () => {
    expect(fmtYaml(chart('|', '      a = 1\n      b = [\n')).errors).toEqual(["6:1: expected ], got EOF"]);
  });
});
