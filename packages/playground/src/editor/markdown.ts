// The small Markdown the language service writes in hovers and completion docs: paragraphs,
// fenced code, inline code, bold and https links. Everything else is shown as text.
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(s: string): string {
  return escape(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^)\s"]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
}

/** HTML of the Markdown; the source is escaped, so no markup of its own gets through. */
export function markdownToHtml(md: string): string {
  const out: string[] = [];
  const parts = md.split(/^```[^\n]*\n?/m);
  parts.forEach((part, i) => {
    if (i % 2 === 1) out.push(`<pre><code>${escape(part.replace(/\n$/, ''))}</code></pre>`);
    else for (const para of part.split(/\n{2,}/)) if (para.trim()) out.push(`<p>${para.split('\n').map(inline).join('<br>')}</p>`);
  });
  return out.join('');
}

/** An element holding the rendered Markdown. */
export function markdownElement(md: string, className = 'md'): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  el.innerHTML = markdownToHtml(md);
  return el;
}
