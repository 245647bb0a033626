// The playground page: editors, graph, run and test views, settings, and the state kept in
// the URL fragment. The language service and the runtime run in a worker (worker/main.ts).
import type { EditorView } from '@codemirror/view';
import samplesSchema from '@alloy-lint/runtime/samples.schema.json' with { type: 'json' };
import { WorkerClient } from './client.js';
import { ConfigEditor } from './editor/config-editor.js';
import { yamlSchemaCompletion } from './editor/yaml-schema.js';
import { setText, yamlEditor } from './editor/yaml-editor.js';
import { EXAMPLES, FIRST } from './examples.js';
import { markedToHtml } from './marked-text.js';
import type { Checked } from './protocol.js';
import { markdownReport } from './report.js';
import { decodeState, DEFAULT_SETTINGS, encodeState, type PlaygroundState, type Settings } from './share.js';
import { GraphView } from './ui/graph.js';
import { showProblems } from './ui/problems.js';
import { SettingsPanel } from './ui/settings.js';
import { tabs } from './ui/tabs.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (text: string, error = false) => {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
};

const client = new WorkerClient(new Worker(new URL('./worker/main.ts', import.meta.url), { type: 'module' }));
const info = await client.call('info');

function initialState(): PlaygroundState {
  const fresh = { config: FIRST.config, samples: FIRST.samples, test: FIRST.test, settings: DEFAULT_SETTINGS };
  if (!location.hash || location.hash === '#') return fresh;
  const s = decodeState(location.hash);
  if ('error' in s) {
    status(s.error, true);
    return fresh;
  }
  return s;
}

const start = initialState();
let settings: Settings = start.settings;
let diagnostics: Checked['diagnostics'] = [];
const selectTab = tabs(document.querySelector('nav')!);

// Checks: a change is sent after a short pause, or at once when a feature needs the text.
let pending = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let first = true;
async function flush(): Promise<void> {
  if (!pending) return;
  pending = false;
  clearTimeout(timer);
  const checked = await client.call('update', { version: editor.version, text: editor.text });
  editor.show(checked);
  if (checked.version !== editor.version) return;
  diagnostics = checked.diagnostics;
  showProblems($('problems'), diagnostics, (r) => editor.select(r));
  if (first) {
    first = false;
    performance.mark('first-diagnostics');
    document.body.dataset.ready = 'true';
  }
  scheduleGraph();
}
function changed(): void {
  pending = true;
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), 150);
  saveState();
}

let graphTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleGraph(): void {
  clearTimeout(graphTimer);
  graphTimer = setTimeout(async () => {
    try {
      graph.show(await client.call('graph'));
    } catch (e) {
      status(`graph: ${(e as Error).message.split('\n')[0]}`, true);
    }
  }, 300);
}

const synced = async <T>(fn: () => Promise<T>) => {
  await flush();
  return fn();
};

const editor = new ConfigEditor(
  $('config-editor'),
  start.config,
  {
    changed,
    complete: (position) => synced(() => client.call('complete', { position })),
    hover: (position) => synced(() => client.call('hover', { position })),
    definition: (position) => synced(() => client.call('definition', { position })),
    format: () => synced(() => client.call('format')),
  },
  info.tokenTypes,
);
const samples: EditorView = yamlEditor($('samples-editor'), start.samples, { label: 'Samples', changed: () => saveState(), completion: yamlSchemaCompletion(samplesSchema) });
const test: EditorView = yamlEditor($('test-editor'), start.test, { label: 'Pipeline test', changed: () => saveState() });
const graph = new GraphView($('graph'), $<HTMLInputElement>('graph-fit'), (r) => editor.select(r));
const panel = new SettingsPanel(info, (s) => void applySettings(s));
panel.write(settings);

function state(): PlaygroundState {
  return { config: editor.text, samples: samples.state.doc.toString(), test: test.state.doc.toString(), settings };
}

// The URL always holds the current state, so the address bar is a share link too.
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let lastHash = location.hash;
function saveState(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    lastHash = `#${encodeState(state())}`;
    history.replaceState(null, '', lastHash);
  }, 300);
}

async function applySettings(s: Settings): Promise<void> {
  settings = s;
  await client.call('configure', { settings });
  pending = true;
  await flush();
  saveState();
}

function load(s: PlaygroundState): void {
  panel.write(s.settings);
  void applySettings(s.settings);
  editor.setText(s.config);
  setText(samples, s.samples);
  setText(test, s.test);
}

// Examples.
const example = $<HTMLSelectElement>('example');
example.add(new Option('—', ''));
for (const e of EXAMPLES) example.add(new Option(e.name, e.name));
example.addEventListener('change', () => {
  const e = EXAMPLES.find((x) => x.name === example.value);
  if (e) load({ config: e.config, samples: e.samples, test: e.test, settings });
});
if (!location.hash) example.value = FIRST.name;
window.addEventListener('hashchange', () => {
  if (location.hash === lastHash) return;
  const s = decodeState(location.hash);
  if ('error' in s) status(s.error, true);
  else load(s);
});

// Buttons.
async function copy(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status(`${what} copied to the clipboard`);
  } catch {
    status(`${what} is below: the browser did not allow copying`);
  }
}
$('format').addEventListener('click', () => void editor.format());
$('share').addEventListener('click', () => {
  const link = `${location.href.split('#')[0]}#${encodeState(state())}`;
  $<HTMLInputElement>('share-link').value = link;
  $('sharebar').hidden = false;
  $('share-note').textContent = `${link.length} characters`;
  void copy(link, 'Share link');
});
$('markdown').addEventListener('click', async () => {
  await flush();
  const s = state();
  void copy(markdownReport(s, diagnostics, `${location.href.split('#')[0]}#${encodeState(s)}`), 'Markdown');
});
$('run').addEventListener('click', async () => {
  selectTab('run');
  $('run-output').textContent = 'Running…';
  await flush();
  const out = await client.call('run', { samples: samples.state.doc.toString() });
  $('run-output').innerHTML = markedToHtml(out.text);
  $('run-output').dataset.ok = String(out.ok);
});
$('run-test').addEventListener('click', async () => {
  $('test-output').textContent = 'Running…';
  await flush();
  const out = await client.call('test', { test: test.state.doc.toString(), samples: samples.state.doc.toString() });
  $('test-output').innerHTML = markedToHtml(out.text);
  $('test-status').textContent = out.passed ? 'passed' : 'failed';
});

await client.call('configure', { settings });
pending = true;
await flush();
status(`Alloy ${settings.alloyVersion} · checked in your browser, nothing leaves this page`);
