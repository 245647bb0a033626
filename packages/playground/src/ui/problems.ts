// The problems list under the editor: every diagnostic, a click selects its range.
import type { Diagnostic, Range } from 'vscode-languageserver-types';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export function showProblems(list: HTMLElement, diagnostics: Diagnostic[], jump: (r: Range) => void): void {
  list.replaceChildren();
  if (!diagnostics.length) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = '✓ No problems';
    list.append(li);
    return;
  }
  for (const d of diagnostics) {
    const li = document.createElement('li');
    const sev = SEVERITY[d.severity ?? 1];
    const parts: [string, string][] = [
      [`sev sev-${sev}`, sev],
      ['where', `${d.range.start.line + 1}:${d.range.start.character + 1}`],
      ['msg', (typeof d.message === 'string' ? d.message : d.message.value) + (d.code !== undefined ? ` (${d.code})` : '')],
    ];
    for (const [cls, text] of parts) {
      const span = document.createElement('span');
      span.className = cls;
      span.textContent = text;
      li.append(span);
    }
    li.addEventListener('click', () => jump(d.range));
    list.append(li);
  }
}
