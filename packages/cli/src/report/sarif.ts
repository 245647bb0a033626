import type { FileReport } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Line and 1-based column in UTF-16 code units, as the log's columnKind declares. */
function utf16Position(r: FileReport, offset: number): { line: number; column: number } {
  const src = r.source;
  const line = src.lineIndex(offset);
  return { line: line + 1, column: src.utf16Offset(offset) - src.utf16Offset(src.lineStarts[line]) + 1 };
}

/** SARIF 2.1.0: one run, one result per diagnostic, rules listed by id. */
export function sarif(reports: FileReport[], version: string): string {
  const rules = new Map<string, number>();
  const results = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (!rules.has(d.code)) rules.set(d.code, rules.size);
      const s = utf16Position(r, d.start);
      const e = utf16Position(r, Math.max(d.end, d.start));
      const result: Record<string, unknown> = {
        ruleId: d.code,
        ruleIndex: rules.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(r.name.replace(/\\/g, '/')) },
              region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: Math.max(e.column, s.line === e.line ? s.column : 1) },
            },
          },
        ],
      };
      results.push(result);
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'alloy-lint',
            version,
            informationUri: 'https://github.com/grafana/alloy',
            rules: [...rules.keys()].map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
