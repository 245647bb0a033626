import { renderExcerpt, type SourceFile } from '@alloy-lint/parser';
import type { FileDiagnostic } from './diagnostic.js';

/**
 * Prints diagnostics exactly as `alloy validate` does (no colour): a header,
 * one line of context on each side and a marker line under the range.
 */
export function alloyReport(diags: FileDiagnostic[], sources: Map<string, SourceFile>): string {
  const parts: string[] = [];
  for (const d of diags) {
    const src = sources.get(d.file);
    const sev = d.severity === 'error' ? 'Error: ' : d.severity === 'warning' ? 'Warning: ' : '';
    const start = src ? src.position(d.start) : { line: 0, column: 0 };
    let text = `${sev}${d.file}:${start.line}:${start.column}: ${d.message}\n`;
    if (src) text += `\n${renderExcerpt(src, d, { caretPastEnd: false })}\n`;
    parts.push(text);
  }
  return parts.join('\n');
}
