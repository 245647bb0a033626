import * as vscode from 'vscode';
import type { LanguageClient, Location } from 'vscode-languageclient/node';
import { webviewHtml } from './graph-html.js';

/** The server's custom request (packages/lsp): the pipeline of a document as SVG or JSON. */
const GRAPH = 'alloy/graph';
const REFRESH_MS = 300;

interface GraphJson {
  locations?: Record<string, Location>;
}

/**
 * "Show pipeline graph": a webview beside the editor with the SVG the server draws. It follows
 * the active Alloy editor, redraws a moment after each edit, and a click on a block opens it.
 */
export class GraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private locations: Record<string, Location> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && e && e.document.languageId === 'grafana-alloy' && e.document !== this.document) {
          this.document = e.document;
          this.schedule();
        }
      }),
    );
  }

  show(document: vscode.TextDocument | undefined): void {
    if (!document || document.languageId !== 'grafana-alloy') {
      void vscode.window.showWarningMessage('Show pipeline graph: open an Alloy file (*.alloy) first.');
      return;
    }
    this.document = document;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('alloyLint.graph', 'Alloy pipeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.webview.html = webviewHtml(nonce());
      this.panel.webview.onDidReceiveMessage((m: { type: string; id?: string }) => (m.type === 'open' && m.id ? this.open(m.id) : undefined), undefined, this.disposables);
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    } else this.panel.reveal(undefined, true);
    void this.refresh();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_MS);
  }

  private async refresh(): Promise<void> {
    const client = this.client();
    const doc = this.document;
    if (!client || !doc || !this.panel) return;
    const params = { textDocument: { uri: doc.uri.toString() } };
    try {
      const [svg, json] = await Promise.all([
        client.sendRequest<string>(GRAPH, { ...params, format: 'svg' }),
        client.sendRequest<string>(GRAPH, { ...params, format: 'json' }),
      ]);
      this.locations = (JSON.parse(json || '{}') as GraphJson).locations ?? {};
      this.panel.title = `Pipeline: ${doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1)}`;
      void this.panel.webview.postMessage({ type: 'svg', svg, version: doc.version });
    } catch (e) {
      void this.panel.webview.postMessage({ type: 'error', message: `The graph could not be drawn: ${(e as Error).message}` });
    }
  }

  /** Opens the block of a node beside the graph and selects its first line. */
  private async open(id: string): Promise<void> {
    const loc = this.locations[id];
    if (!loc) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(loc.uri));
    const start = new vscode.Position(loc.range.start.line, loc.range.start.character);
    const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? vscode.ViewColumn.One;
    await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(start, start) });
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
