// "Copy as Markdown": the config and its diagnostics, ready to paste into an issue.
import type { Diagnostic } from 'vscode-languageserver-types';
import { docText } from './editor/lsp.js';
import type { PlaygroundState } from './share.js';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** A fence longer than any backtick run in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  return '`'.repeat(longest + 1);
}

export function markdownReport(state: PlaygroundState, diagnostics: Diagnostic[], link: string): string {
  const s = state.settings;
  const f = fence(state.config);
  const lines = [
    `Alloy ${s.alloyVersion}, stability ${s.stabilityLevel}${s.communityComponents ? ', community components' : ''} ([open in the alloy-lint playground](${link}))`,
    '',
    `${f}alloy`,
    state.config.replace(/\n$/, ''),
    f,
    '',
  ];
  if (!diagnostics.length) lines.push('alloy-lint reports no problems.');
  else {
    lines.push(`alloy-lint reports ${diagnostics.length} ${diagnostics.length === 1 ? 'problem' : 'problems'}:`, '');
    for (const d of diagnostics) {
      const where = `config.alloy:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const msg = docText(d.message).split('\n').join(' — ').replace(/([\\`*_[\]<>])/g, '\\$1');
      lines.push(`- \`${where}\` ${SEVERITY[d.severity ?? 1]}${d.code !== undefined ? ` (\`${d.code}\`)` : ''}: ${msg}`);
    }
  }
  return lines.join('\n') + '\n';
}
