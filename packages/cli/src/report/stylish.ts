import { renderExcerpt } from '@alloy-lint/parser';
import pc from 'picocolors';
import { safeText } from '../safe-text.js';
import { type FileReport } from './types.js';

/** Columns of a source line shown in an excerpt; longer lines are cut around the caret. */
const EXCERPT_WIDTH = 160;

/** `file:line:col: message`, the source lines with a caret, and a summary line. */
export function stylish(reports: FileReport[], color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let files = 0;
  for (const r of reports) {
    if (r.diagnostics.length > 0) files++;
    for (const d of r.diagnostics) {
      const p = r.source.position(d.start);
      const where = `${safeText(r.name)}:${p.line}:${p.column}:`;
      let head: string;
      if (d.severity === 'error') {
        errors++;
        head = `${c.bold(where)} ${c.red(safeText(d.message))}`;
      } else {
        if (d.severity === 'warning') warnings++;
        else infos++;
        head = `${c.bold(where)} ${c.yellow(d.severity + ':')} ${safeText(d.message)}`;
      }
      if (d.code !== 'syntax') head += ` ${c.dim(`[${d.code}]`)}`;
      const excerpt = r.excerpt === false ? '' : `\n${renderExcerpt(r.source, d, { mark: d.severity === 'error' ? c.red : c.yellow, gutter: c.dim, maxWidth: EXCERPT_WIDTH, maxLines: 12 })}\n`;
      const hint = d.hint ? `${c.cyan('hint:')} ${safeText(d.hint)}\n` : '';
      out.push(`${head}\n${excerpt}${hint}`);
    }
  }
  const notes = infos ? ` (${infos} info${infos === 1 ? '' : 's'})` : '';
  if (errors + warnings > 0) {
    const parts = [];
    if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
    if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
    out.push(c.bold(`✖ ${parts.join(', ')} in ${files} file${files === 1 ? '' : 's'} (${reports.length} checked)${notes}`));
  } else {
    out.push(c.green(`✔ ${reports.length} file${reports.length === 1 ? '' : 's'} checked, no problems${notes}`));
  }
  return out.join('\n') + '\n';
}
