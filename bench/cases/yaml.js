import { generateConfig } from '../generate.js';
import { measurePair } from '../lib.js';

/** Extracting Alloy from YAML against the `yaml` parse it is built on (same file, same run). */
export default async function yamlRows() {
  const { extract } = await import('@alloy-lint/yaml-embed');
  const { parseAllDocuments } = await import('yaml');
  const alloy = generateConfig(10000);
  const indent = (t) => t.split('\n').map((l) => (l ? `      ${l}` : '')).join('\n');
  const values = `alloy:\n  configMap:\n    content: |\n${indent(alloy)}\ncontroller:\n  type: daemonset\n`;
  const templated = values.replace(/"http:\/\/[^"]*"/g, '"{{ .Values.url }}"').replace(/role = "pod"/g, 'role = {{ .Values.role | quote }}');
  const quoted = `kind: ConfigMap\ndata:\n  config.alloy: ${JSON.stringify(alloy)}\n`;
  const rows = [];
  for (const [name, text, limit] of [['literal block (Alloy chart values)', values, 4], ['double-quoted (kubectl ConfigMap)', quoted, 8], ['templated block (Helm tpl)', templated, 8]]) {
    const mb = new TextEncoder().encode(text).length / 1e6;
    const r = measurePair(() => extract(text), () => parseAllDocuments(text, { keepSourceTokens: true }));
    rows.push({ name: `extract 10k-line config, ${name}`, ms: r.a, mbPerS: mb / (r.a / 1000), baseline: 'yaml parseAllDocuments (CST kept)', baselineMs: r.b, ratio: r.a / r.b, limit });
  }
  return { rows };
}
