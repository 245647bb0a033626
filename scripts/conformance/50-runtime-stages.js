// relabel and loki_process families: the runtime's relabel rules and loki.process stages
// against Alloy's own test vectors.
import { loadJson, tally } from './util.js';
import { parse } from '@alloy-lint/parser';
import { buildLokiPipeline, compileRules, parseRFC3339, relabel } from '@alloy-lint/runtime';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';

const catalog = loadSchemaCatalog('v1.18.1');

function sameLabels(a, b) {
  if (a === null || b === null) return a === b;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

const relabelFamily = {
  name: 'relabel',
  run(dir) {
    const table = loadJson(dir, 'relabel/relabel.json');
    const generated = loadJson(dir, 'relabel/generated.json');
    if (!table && !generated) return undefined;
    const t = tally();
    for (const rec of [...(table ?? []), ...(generated ?? [])]) {
      const compiled = compileRules(rec.rules);
      if ('validate_error' in rec) {
        const got = 'error' in compiled ? compiled.error : null;
        t.check(got === rec.validate_error, `${rec.name}: validation ${JSON.stringify(got)}, want ${JSON.stringify(rec.validate_error)}`);
        continue;
      }
      if ('error' in compiled) {
        t.check(false, `${rec.name}: rules rejected: ${compiled.error}`);
        continue;
      }
      const got = relabel(compiled.rules, rec.input);
      t.check(sameLabels(got, rec.expected), `${rec.name}: got ${JSON.stringify(got)}, want ${JSON.stringify(rec.expected)}`);
    }
    return t;
  },
};

const lokiProcessFamily = {
  name: 'loki_process',
  run(dir) {
    const records = loadJson(dir, 'loki_process/stages.json');
    if (!records) return undefined;
    const t = tally();
    for (const rec of records) {
      const r = runLokiRecord(rec);
      if (r.skip) {
        t.skipped++;
        t.skips.push(`${rec.name}: ${r.skip}`);
        continue;
      }
      t.check(!r.problem, `${rec.name}: ${r.problem}`);
    }
    return t;
  },
};

// ---- loki_process ----

/** Deep equality for JSON-like values (numbers compare by value). */
function deepEq(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && deepEq(a[k], b[k]));
}

const show = (v) => JSON.stringify(v);

/** A clock that starts at `start` (ms) and moves 1 ms per reading. */
function tickingClock(start) {
  let t = start;
  return () => new Date(t++);
}

function normSm(list, mode) {
  const norm = (p) => {
    if (mode !== 'unordered_json') return `${p.name}\u0000${p.value}`;
    try {
      return `${p.name}\u0000${JSON.stringify(JSON.parse(p.value))}`;
    } catch {
      return `${p.name}\u0000${p.value}`;
    }
  };
  const out = list.map(norm);
  return mode === 'ordered' ? out : out.sort();
}

/** Parses a text exposition into family -> {help, type, samples: Map(key -> value)}. */
function parseExposition(text) {
  const fams = new Map();
  const fam = (n) => {
    if (!fams.has(n)) fams.set(n, { help: undefined, type: undefined, samples: new Map() });
    return fams.get(n);
  };
  let current;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    let m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (m) {
      current = m[2];
      fam(current)[m[1] === 'HELP' ? 'help' : 'type'] = m[3];
      continue;
    }
    m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m) continue;
    const labels = [...(m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((x) => `${x[1]}=${x[2]}`).sort().join(',');
    const owner = current && m[1].startsWith(current) ? current : m[1];
    fam(owner).samples.set(`${m[1]}{${labels}}`, Number(m[4]));
  }
  return fams;
}

function checkMetrics(want, got) {
  const w = parseExposition(want);
  const g = parseExposition(got);
  for (const [name, f] of w) {
    const o = g.get(name);
    if (!o) return `metric family ${name} missing`;
    if (f.help !== undefined && f.help !== o.help) return `${name} HELP ${show(o.help)} != ${show(f.help)}`;
    if (f.type !== undefined && f.type !== o.type) return `${name} TYPE ${o.type} != ${f.type}`;
    for (const [k, v] of f.samples) if (o.samples.get(k) !== v) return `${k} = ${o.samples.get(k)}, want ${v}`;
    for (const k of o.samples.keys()) if (!f.samples.has(k)) return `unexpected series ${k}`;
  }
  return '';
}

function checkSamples(samples, got) {
  const g = parseExposition(got);
  for (const s of samples) {
    const f = g.get(s.name);
    const want = Object.entries(s.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    const ok = f && [...f.samples].some(([key, v]) => key.startsWith(`${s.name}{`) && want.every((p) => key.slice(s.name.length + 1, -1).split(',').includes(p)) && v === s.value);
    if (!ok) return `metric sample ${s.name}${show(s.labels)} != ${s.value}`;
  }
  return '';
}

function checkEntry(rec, want, out, input) {
  if ('line' in want && out.line !== want.line) return `line ${show(out.line)}, want ${show(want.line)}`;
  if ('labels' in want && !deepEq(out.labels, want.labels)) return `labels ${show(out.labels)}, want ${show(want.labels)}`;
  if ('extracted' in want && !deepEq(out.extracted, want.extracted)) return `extracted ${show(out.extracted)}, want ${show(want.extracted)}`;
  if ('timestamp' in want) {
    const a = parseRFC3339(out.timestamp);
    const b = parseRFC3339(want.timestamp);
    const same = rec.timestamp_precision === 'second' ? a / 1000000000n === b / 1000000000n : a === b;
    if (!same) return `timestamp ${out.timestamp}, want ${want.timestamp}`;
  }
  if (want.timestamp_after_input && !(parseRFC3339(out.timestamp) > input.ts)) return `timestamp ${out.timestamp} not after the input's`;
  for (const [k, v] of Object.entries(want.label_values ?? {})) {
    if ((out.labels[k] ?? null) !== v) return `label ${k} = ${show(out.labels[k])}, want ${show(v)}`;
  }
  if ('structured_metadata' in want) {
    const mode = rec.structured_metadata_compare ?? 'ordered';
    if (!deepEq(normSm(out.structuredMetadata, mode), normSm(want.structured_metadata, mode))) {
      return `structured metadata ${show(out.structuredMetadata)}, want ${show(want.structured_metadata)}`;
    }
  }
  if (want.structured_metadata_first && !deepEq(out.structuredMetadata[0], want.structured_metadata_first)) {
    return `first structured metadata ${show(out.structuredMetadata[0])}, want ${show(want.structured_metadata_first)}`;
  }
  if (want.packed) {
    let obj;
    try {
      obj = JSON.parse(out.line);
    } catch {
      return `packed line is not JSON: ${show(out.line)}`;
    }
    const { _entry, ...labels } = obj;
    if (_entry !== want.packed.entry || !deepEq(labels, want.packed.labels)) return `packed ${show(obj)}, want ${show(want.packed)}`;
  }
  return '';
}

function orderOutputs(rec, outs, want) {
  if (rec.entries_order === 'by_timestamp') return [...outs].sort((a, b) => (parseRFC3339(a.timestamp) < parseRFC3339(b.timestamp) ? -1 : 1));
  const n = rec.unordered_from;
  if (n === undefined) return outs;
  // match the tail in any order: pick for each wanted entry the first output that fits
  const head = outs.slice(0, n);
  const pool = outs.slice(n);
  const tail = [];
  for (const w of want.slice(n)) {
    const i = pool.findIndex((o) => !checkEntry(rec, w, o, {}));
    tail.push(i >= 0 ? pool.splice(i, 1)[0] : pool.shift());
  }
  return [...head, ...tail];
}

/** Records whose expectation contradicts the upstream test they came from. */
const VECTOR_ERRATA = {
  'TestStructuredMetadataStage/expected later source within a stage to replace existing structured metadata':
    'the record expects labels {app: from-labels}, but the upstream case leaves expectedLabels nil, so upstream requires the labels to be empty (the stage moves "app" into structured metadata); we give empty labels and the right structured metadata',
};

function runLokiRecord(rec) {
  if (VECTOR_ERRATA[rec.name]) return { skip: VECTOR_ERRATA[rec.name] };
  const text = `loki.process "x" {\n${rec.config}\n}`;
  const { ast, source, diagnostics } = parse(text);
  if (diagnostics.length) return { problem: `config does not parse: ${diagnostics[0].message}` };
  const blocks = ast.body[0].body.filter((s) => s.kind === 'Block');
  const start = rec.now ? Date.parse(rec.now) : Date.parse('2025-06-01T12:00:00Z');
  const now = tickingClock(start);
  const built = buildLokiPipeline(blocks, source, { catalog, now, copyLabelsToExtracted: rec.copy_labels_to_extracted ?? true, trace: false });
  const exp = rec.expected;
  if ('config_error' in exp) {
    const ce = exp.config_error;
    if (ce === null) return { problem: 'error' in built ? `config rejected: ${built.error}` : '' };
    if (!('error' in built)) return { problem: 'config accepted, want an error' };
    const msg = built.error.replace(/^invalid stage config /, '');
    if (ce.match === 'contains' && !built.error.includes(ce.message)) return { problem: `error ${show(built.error)} does not contain ${show(ce.message)}` };
    if (ce.match === 'prefix' && !msg.startsWith(ce.message)) return { problem: `error ${show(built.error)} does not start with ${show(ce.message)}` };
    return { problem: '' };
  }
  if ('error' in built) return { problem: `config rejected: ${built.error}` };
  const p = built.pipeline;
  const inputs = (rec.inputs ?? [rec.input]).map((i) => ({
    line: i.line,
    timestamp: i.timestamp === 'now' ? now().toISOString() : i.timestamp,
    labels: i.labels ?? {},
    structuredMetadata: i.structured_metadata ?? [],
    extracted: i.extracted ?? {},
  }));
  const outs = [];
  for (const i of inputs) outs.push(...p.process(i).outputs);
  outs.push(...p.flush());
  const metrics = p.metricsText();
  const first = { ts: parseRFC3339(inputs[0].timestamp) };
  let problem = '';
  if (exp.entries) {
    if (outs.length !== exp.entries.length) problem = `${outs.length} entries out, want ${exp.entries.length}: ${show(outs.map((o) => o.line))}`;
    else if (rec.entries_order === 'line_set') {
      const a = new Set(outs.map((o) => o.line));
      const b = new Set(exp.entries.filter((w) => 'line' in w).map((w) => w.line));
      if (![...b].every((l) => a.has(l))) problem = `lines ${show([...a])}, want ${show([...b])}`;
    } else {
      const ordered = orderOutputs(rec, outs, exp.entries);
      for (let k = 0; k < exp.entries.length && !problem; k++) {
        const r = checkEntry(rec, exp.entries[k], ordered[k], { ts: parseRFC3339(inputs[Math.min(k, inputs.length - 1)].timestamp) });
        if (r) problem = `entry ${k}: ${r}`;
      }
    }
  } else if ('dropped' in exp) {
    if (exp.dropped && outs.length) problem = `not dropped: ${show(outs[0].line)}`;
    if (!exp.dropped && outs.length !== 1) problem = `${outs.length} entries out, want 1`;
  }
  const entryKeys = ['line', 'labels', 'extracted', 'timestamp', 'timestamp_after_input', 'label_values', 'structured_metadata'];
  if (!problem && !exp.entries && entryKeys.some((k) => k in exp)) {
    if (outs.length !== 1) problem = `${outs.length} entries out, want 1`;
    else problem = checkEntry(rec, exp, outs[0], first);
  }
  if (!problem && exp.metrics) problem = checkMetrics(exp.metrics, metrics);
  if (!problem && exp.metric_samples) problem = checkSamples(exp.metric_samples, metrics);
  return { problem };
}

export const families = [relabelFamily, lokiProcessFamily];
