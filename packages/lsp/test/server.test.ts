import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMarkers } from '@alloy-lint/language-service/test-support';
import type { CompletionList, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, type Client, startClient } from './client.js';

const SEED = readFileSync(new URL('../../../examples/k8s-logs.alloy', import.meta.url), 'utf8');
let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'alloy-lsp-'));
  root = pathToFileURL(dir).href + '/';
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(c: Client, name: string, text: string, version = 1): string {
  const uri = root + name;
  void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version, text } });
  return uri;
}

describe('alloy-lsp over stdio', () => {
  let c: Client;
  beforeAll(async () => {
    c = await startClient({ rootUri: root });
  });
  afterAll(() => c.stop());

  it('announces the features the language service has', () => {
    const caps = c.init.capabilities;
    expect(c.init.serverInfo?.name).toBe('alloy-lint');
    expect(caps.completionProvider?.triggerCharacters).toContain('.');
    expect(caps.renameProvider).toEqual({ prepareProvider: true });
    expect(caps.semanticTokensProvider?.legend.tokenTypes.length).toBeGreaterThan(3);
    for (const k of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentFormattingProvider', 'foldingRangeProvider', 'inlayHintProvider', 'codeActionProvider'] as const) {
      expect(caps[k], k).toBeTruthy();
    }
  });

  it('publishes the checker diagnostics on open and again after an edit', async () => {
    const uri = root + 'seed.alloy';
    const first = c.diagnostics(uri);
    open(c, 'seed.alloy', SEED);
    expect(await first).toEqual([]);
    const at = SEED.split('\n').findIndex((l) => l.includes('loki.write.loki.receiver'));
    const col = SEED.split('\n')[at].indexOf('loki.write.loki') + 'loki.write.'.length;
    const after = c.diagnostics(uri, (p) => p.version === 2);
    void c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: at, character: col }, end: { line: at, character: col + 4 } }, text: 'lokii' }],
    });
    const diags = await after;
    expect(diags.map((d) => [d.code, d.range.start.line + 1, d.severity])).toEqual([
      ['unknown-reference', at + 1, 1],
    ]);
    expect(diags[0].message).toBe('component "loki.write.lokii.receiver" does not exist or is out of scope');
  });

  it('debounces a burst of edits into one check of the last version', async () => {
    const uri = open(c, 'burst.alloy', 'logging {}\n');
    await c.diagnostics(uri);
    const before = c.received.length;
    const last = c.diagnostics(uri, (p) => p.version === 6);
    for (let v = 2; v <= 6; v++) {
      const text = `loki.process "p" {\n  forward_to = [loki.write.v${v}.receiver]\n}\n`;
      void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    }
    const diags = await last;
    expect(diags.map((d) => d.message)).toContain('component "loki.write.v6.receiver" does not exist or is out of scope');
    const published = c.received.slice(before).filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
    expect(published.map((n) => (n.params as { version: number }).version)).toEqual([6]);
  });

  it('completes only log receivers inside forward_to of a loki component', async () => {
    const m = parseMarkers(SEED.replace('forward_to = [loki.write.loki.receiver]', 'forward_to = [<|>]'));
    const uri = open(c, 'complete.alloy', m.text);
    const list = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: m.cursors[0] })) as CompletionList;
    const refs = list.items.map((i) => i.label).filter((l) => l.includes('.'));
    expect(refs).toContain('loki.write.loki.receiver');
    expect(refs).not.toContain('discovery.relabel.pod_logs.output');
    expect(refs.every((l) => l.endsWith('.receiver'))).toBe(true);
  });

  it('hovers an argument with its type', async () => {
    const m = parseMarkers(SEED.replace('    forward_to = [loki.process', '    forw<|>ard_to = [loki.process'));
    const uri = open(c, 'hover.alloy', m.text);
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: m.cursors[0] })) as Hover;
    expect(JSON.stringify(h.contents)).toContain('forward_to: list(LogsReceiver)');
  });

  it('formats the document as alloy fmt does', async () => {
    const uri = open(c, 'fmt.alloy', SEED);
    const edits = (await c.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })) as TextEdit[];
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.some((e) => e.newText.includes('role = "pod"'))).toBe(true);
  });

  it('draws the pipeline through alloy/graph', async () => {
    const uri = open(c, 'graph.alloy', SEED);
    const svg = (await c.conn.sendRequest('alloy/graph', { textDocument: { uri }, format: 'svg' })) as string;
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('loki.write');
    const json = JSON.parse((await c.conn.sendRequest('alloy/graph', { textDocument: { uri }, format: 'json' })) as string);
    expect(json.nodes.map((n: { id: string }) => n.id)).toContain('loki.write.loki');
  });

  it('answers a request cancelled before it ran with RequestCancelled', async () => {
    const uri = open(c, 'cancel.alloy', SEED);
    // Both messages in one write: the cancellation is read before the request is handled.
    const id = 9001;
    const body = (m: unknown) => {
      const s = JSON.stringify(m);
      return `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
    };
    // A second reader of the server's output sees the answer the client's connection drops.
    const tap = new StreamMessageReader(c.child.stdout!);
    const reply = new Promise<{ error?: { code: number } }>((resolve) => {
      tap.listen((m) => {
        if ((m as { id?: number }).id === id) resolve(m as { error?: { code: number } });
      });
    });
    c.child.stdin!.write(
      body({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 1, character: 2 } } }) +
        body({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }),
    );
    expect((await reply).error?.code).toBe(-32800);
    tap.dispose();
  });
});

describe('settings', () => {
  it('takes .alloy-lint.json of the folder, and the editor settings over it', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'alloy-lsp-settings-'));
    const wsUri = pathToFileURL(ws).href + '/';
    writeFileSync(join(ws, '.alloy-lint.json'), JSON.stringify({ rules: { 'no-inputs': 'error', 'unused-output': 'off' } }));
    const text = 'loki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';
    const c = await startClient({ rootUri: wsUri, settings: { [wsUri]: { rules: { 'no-inputs': 'info' } } } });
    try {
      const uri = wsUri + 'a.alloy';
      const got = c.diagnostics(uri);
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text } });
      expect((await got).map((d) => [d.code, d.severity])).toEqual([['no-inputs', 3]]);
    } finally {
      await c.stop();
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('shows what is wrong in the settings, and takes pushed settings from clients that cannot be asked', async () => {
    const c = await startClient({ rootUri: root, pull: false, initializationOptions: { settings: { alloyLint: { stabilityLevel: 'beta', rules: { 'no-inputs': 'off' } } } } });
    try {
      const uri = root + 'pushed.alloy';
      const got = c.diagnostics(uri);
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text: 'loki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n' } });
      expect(await got).toEqual([]);
      const shown = c.received.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
      expect(shown).toEqual(['alloy-lint: alloyLint settings: stabilityLevel must be one of experimental, public-preview, generally-available (got "beta")']);
    } finally {
      await c.stop();
    }
  });

  it('takes initializationOptions shaped as Helix sends its config', async () => {
    const c = await startClient({ rootUri: root, pull: false, initializationOptions: { alloyLint: { rules: { 'no-inputs': 'error' } } } });
    try {
      const uri = root + 'helix.alloy';
      const got = c.diagnostics(uri);
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'alloy', version: 1, text: 'loki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n' } });
      expect((await got).map((d) => [d.code, d.severity])).toEqual([['no-inputs', 1]]);
    } finally {
      await c.stop();
    }
  });
});

describe('alloy-lint lsp', () => {
  it('is the same server, started from the CLI', async () => {
    const c = await startClient({ bin: CLI, args: ['lsp'], rootUri: root });
    try {
      const uri = root + 'cli.alloy';
      const got = c.diagnostics(uri);
      open(c, 'cli.alloy', 'loki.process "p" {\n  forward_to = [loki.write.nope.receiver]\n}\n');
      expect((await got).map((d) => d.code)).toEqual(['unknown-reference', 'no-inputs']);
    } finally {
      await c.stop();
    }
  });
});
