/**
 * The graph webview's page: no resources, a strict content security policy, one script that
 * shows the SVG it is sent and reports clicks on blocks (`data-id` of the graph package's SVG).
 */
export function webviewHtml(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
  body { margin: 0; padding: 8px; background: var(--vscode-editor-background); color: var(--vscode-foreground); font-family: var(--vscode-font-family); }
  #graph { overflow: auto; }
  #graph svg { display: block; }
  #graph [data-id] { cursor: pointer; }
  #graph [data-id]:hover > rect { stroke: var(--vscode-focusBorder); stroke-width: 2; }
  #status { font-size: 12px; opacity: 0.8; margin-bottom: 6px; }
  #status.error { color: var(--vscode-errorForeground); opacity: 1; }
</style>
</head>
<body>
<div id="status">Drawing the pipeline…</div>
<div id="graph"></div>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const graph = document.getElementById('graph');
  const status = document.getElementById('status');
  // Wide pipelines shrink to the panel's width, down to 55% of their size; then they scroll.
  const fit = () => {
    const svg = graph.querySelector('svg');
    if (!svg) return;
    const natural = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
    const scale = Math.min(1, Math.max(0.55, (document.body.clientWidth - 16) / natural));
    svg.style.width = natural * scale + 'px';
    svg.style.height = 'auto';
  };
  window.addEventListener('resize', fit);
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'svg') {
      graph.innerHTML = m.svg;
      fit();
      status.className = '';
      status.textContent = 'Click a block to open it. Redrawn as you type (version ' + m.version + ').';
    } else if (m.type === 'error') {
      status.className = 'error';
      status.textContent = m.message;
    }
  });
  graph.addEventListener('click', (event) => {
    const hit = event.target.closest('[data-id]');
    if (hit) vscode.postMessage({ type: 'open', id: hit.getAttribute('data-id') });
  });
</script>
</body>
</html>
`;
}
