import { safeText } from '../safe-text.js';
import type { FileReport } from './types.js';

const escapeData = (s: string) => safeText(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error file=…,line=…::message` line per diagnostic. */
export function github(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const s = r.source.position(d.start);
      const e = r.source.position(Math.max(d.end, d.start));
      const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escapeProp(r.name)}`, `line=${s.line}`, `col=${s.column}`, `endLine=${e.line}`, `endColumn=${e.column}`, `title=${escapeProp(d.code)}`];
      lines.push(`::${kind} ${props.join(',')}::${escapeData(d.hint ? `${d.message} (${d.hint})` : d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
