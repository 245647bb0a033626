// The language server as editors run it: `alloy-lsp` over stdio. Memory after opening every
// file of ../shared/corpus (against the same server idle), and a hover round trip (against
// the same hover asked of the language service in this process).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { measure } from '../lib.js';

const BIN = fileURLToPath(new URL('../../packages/lsp/bin/alloy-lsp.js', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const SEED = fileURLToPath(new URL('../../examples/k8s-logs.alloy', import.meta.url));

/** Resident memory of a process in MB (Linux). */
const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

function alloyFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) alloyFiles(join(dir, e.name), out);
    else if (e.name.endsWith('.alloy')) out.push(join(dir, e.name));
  }
  return out;
}

async function server(rootUri) {
  const child = spawn(process.execPath, [BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Set();
  let onPublish = () => {};
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.add(p.uri);
    onPublish();
  });
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  const open = (uri, text) => conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'grafana-alloy', version: 1, text } });
  const allPublished = (uris) =>
    new Promise((resolve) => {
      onPublish = () => uris.every((u) => published.has(u)) && resolve();
      onPublish();
    });
  const stop = async () => {
    const gone = new Promise((r) => child.once('exit', r));
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await gone;
    conn.dispose();
  };
  return { child, conn, open, allPublished, stop };
}

/** Median of an asynchronous function's time over `runs` runs, after warm-up. */
async function measureAsync(fn, runs = 200) {
  for (let i = 0; i < 20; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function memoryRow() {
  if (!existsSync(CORPUS)) {
    console.error('bench lsp: ../shared/corpus is absent; the server memory row is skipped');
    return { name: 'language server: memory after opening ../shared/corpus — SKIPPED, ../shared is absent', ms: undefined };
  }
  const files = alloyFiles(CORPUS);
  const root = pathToFileURL(CORPUS).href + '/';
  const s = await server(root);
  try {
    // Idle: initialized, one small document checked (the catalog loaded), nothing else open.
    const seed = pathToFileURL(SEED).href;
    await s.open(seed, readFileSync(SEED, 'utf8'));
    await s.allPublished([seed]);
    const idle = rssMb(s.child.pid);
    const t0 = performance.now();
    const uris = files.map((f) => pathToFileURL(f).href);
    for (let i = 0; i < files.length; i++) await s.open(uris[i], readFileSync(files[i], 'utf8'));
    await s.allPublished(uris);
    const ms = performance.now() - t0;
    const loaded = rssMb(s.child.pid);
    return {
      name: `language server: resident memory with the ${files.length} files of ../shared/corpus open and checked (${Math.round(ms)} ms to publish all)`,
      perSecond: loaded,
      unit: 'MB',
      baseline: `the same server with the seed file open: ${Math.round(idle)} MB`,
      ratio: loaded / idle,
    };
  } finally {
    await s.stop();
  }
}

async function hoverRow() {
  const text = readFileSync(SEED, 'utf8');
  const uri = pathToFileURL(SEED).href;
  const line = text.split('\n').findIndex((l) => l.includes('forward_to = [loki.write'));
  const position = { line, character: text.split('\n')[line].indexOf('forward_to') + 3 };
  const s = await server(pathToFileURL(join(SEED, '..')).href + '/');
  let ms;
  try {
    await s.open(uri, text);
    await s.allPublished([uri]);
    ms = await measureAsync(() => s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }));
  } finally {
    await s.stop();
  }
  const { createLanguageService } = await import('@alloy-lint/language-service');
  const { loadSchemaCatalog } = await import('@alloy-lint/schemas/node');
  const catalog = loadSchemaCatalog('v1.18.1');
  const ls = createLanguageService({ host: { catalog: () => catalog } });
  ls.openDocument(uri, 1, text);
  ls.diagnostics(uri);
  const base = measure(() => ls.hover(uri, position), { minMs: 500 });
  return { name: 'language server: hover round trip over stdio (seed file)', ms, baseline: 'the same hover in process (language service)', baselineMs: base, ratio: ms / base };
}

export default async function lspRows() {
  return { rows: [await hoverRow(), await memoryRow()] };
}
