import { type Diagnostic, SourceFile } from '@alloy-lint/parser';
import { type CST, type Document, isAlias, isMap, isScalar, isSeq, type Node, parseAllDocuments, type Scalar } from 'yaml';
import { type ChartScope, BODY_KEYS, type Destination, FRAGMENT_KEYS, looksLikeK8sMonitoring } from './k8s-monitoring.js';
import { OffsetMap, utf8Length } from './offset-map.js';
import { compose, joinText, type Piece } from './pieces.js';
import { decodeScalar, type DecodedScalar } from './scalar.js';
import { substituteParsing } from './branches.js';
import type { TemplateAction } from './template.js';
import { matchYamlPath, parseYamlPath, type PathSegment, pathText, type YamlPathPattern } from './yaml-path.js';

/** Where an embedded text was found. */
export type EmbedOrigin = 'configmap' | 'alloy-chart' | 'agent-chart' | 'alloy-operator' | 'k8s-monitoring' | 'yaml-path';

/** A `yamlPaths` entry: a pattern, or a pattern with how to read what it names. */
export type YamlPathSetting = string | { path: string; fragment?: boolean; template?: boolean };

export interface ExtractOptions {
  /** More places holding Alloy text (see `parseYamlPath`). */
  yamlPaths?: YamlPathSetting[];
}

/** One Alloy text found in a YAML file. */
export interface Embed {
  /** Stable across edits that keep the key: `<document>:<path>`. */
  id: string;
  /** 0-based index of the YAML document (multi-document files). */
  document: number;
  path: PathSegment[];
  pathText: string;
  origin: EmbedOrigin;
  /** `fragment`: merged by a chart into a config it generates (references to its components are not errors). */
  kind: 'config' | 'fragment';
  /** Keys of one ConfigMap share a group: they are mounted side by side as one directory. */
  group?: string;
  /** The Alloy text to check: the YAML value, template actions replaced, a wrapper around body fragments. */
  text: string;
  /** Embedded bytes ↔ YAML bytes. */
  map: OffsetMap;
  /** The YAML value itself (before template replacement) and how it is written. */
  scalar: DecodedScalar & { start: number; end: number };
  /** Template actions (Helm `tpl`), with their YAML byte ranges. */
  actions: (TemplateAction & { hostStart: number; hostEnd: number })[];
  /** For k8s-monitoring fragments: what the chart defines around them. */
  chart?: ChartScope;
  /** Text added around a body fragment (`discovery.relabel "chart" {` ... `}`), if any. */
  wrapped: boolean;
  /** Embedded byte offset where the YAML value's own text begins (after a wrapper's header). */
  headerEnd: number;
}

export interface Extraction {
  /** The YAML file; its positions are what diagnostics report. */
  source: SourceFile;
  /** The YAML text as decoded for parsing (offsets of `yaml` nodes are UTF-16 offsets into it). */
  text: string;
  embeds: Embed[];
  /** YAML syntax errors, template syntax errors, values that cannot be mapped (YAML byte offsets). */
  diagnostics: Diagnostic[];
}

interface Target {
  node: Scalar;
  path: PathSegment[];
  origin: EmbedOrigin;
  kind: 'config' | 'fragment';
  templated: boolean;
  before?: Piece[];
  after?: string;
  group?: string;
  chart?: ChartScope;
}

const ALLOY_KEY = /\.(alloy|river)$/;
/** Keys deeper than this are not searched (keeps the walk linear on hostile nesting). */
const MAX_DEPTH = 64;

function scalarText(n: unknown): string | undefined {
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
}

function destinationsOf(root: Node | null | undefined): Destination[] | undefined {
  if (!isMap(root)) return undefined;
  const d = root.get('destinations', true);
  const out: Destination[] = [];
  if (isMap(d)) {
    for (const p of d.items) {
      const name = scalarText(p.key);
      const type = isMap(p.value) ? scalarText(p.value.get('type', true)) : undefined;
      if (name && type) out.push({ name, type });
    }
  } else if (isSeq(d)) {
    for (const item of d.items) {
      const name = isMap(item) ? scalarText(item.get('name', true)) : undefined;
      const type = isMap(item) ? scalarText(item.get('type', true)) : undefined;
      if (name && type) out.push({ name, type });
    }
  }
  return out.length ? out : undefined;
}

function keysOf(n: unknown): Set<string> {
  const keys = new Set<string>();
  if (isMap(n)) for (const p of n.items) if (scalarText(p.key) !== undefined) keys.add(scalarText(p.key)!);
  return keys;
}

/** Every place in one document that holds Alloy text. */
function findTargets(doc: Document, index: number, patterns: { p: YamlPathPattern; fragment: boolean; template: boolean }[], decodeAt: (n: Scalar) => DecodedScalar | undefined): Target[] {
  const root = doc.contents;
  const out: Target[] = [];
  const seen = new Set<Node>();
  const kind = isMap(root) ? scalarText(root.get('kind', true)) : undefined;
  const api = isMap(root) ? scalarText(root.get('apiVersion', true)) ?? '' : '';
  let k8sPrefix: PathSegment[] | undefined;
  let k8sRoot: Node | null | undefined;
  if (isMap(root) && !kind) {
    if (looksLikeK8sMonitoring(keysOf(root))) [k8sPrefix, k8sRoot] = [[], root];
    else {
      const sub = root.get('k8s-monitoring', true) as Node | undefined;
      if (isMap(sub) && looksLikeK8sMonitoring(keysOf(sub))) [k8sPrefix, k8sRoot] = [['k8s-monitoring'], sub];
    }
  }
  const chart: ChartScope | undefined = k8sPrefix ? { destinations: destinationsOf(k8sRoot) } : undefined;
  let group: string | undefined;
  if (kind === 'ConfigMap' && isMap(root)) {
    const meta = root.get('metadata', true);
    group = `${index}:${(isMap(meta) ? scalarText(meta.get('name', true)) : undefined) ?? ''}`;
  }
  const stack: { node: unknown; path: PathSegment[]; parent?: unknown }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path, parent } = stack.pop()!;
    if (path.length > MAX_DEPTH) continue;
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const key = isScalar(node.items[i].key) ? String((node.items[i].key as Scalar).value) : undefined;
        if (key !== undefined) stack.push({ node: node.items[i].value, path: [...path, key], parent: node });
      }
      continue;
    }
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i], parent: node });
      continue;
    }
    let scalar = node;
    if (isAlias(node)) scalar = node.resolve(doc);
    if (!isScalar(scalar) || typeof scalar.value !== 'string' || !scalar.srcToken || seen.has(scalar)) continue;
    const add = (t: Omit<Target, 'node' | 'path'>) => {
      seen.add(scalar as Scalar);
      out.push({ node: scalar as Scalar, path, ...t });
    };
    const last = path[path.length - 1];
    const pattern = patterns.find((p) => matchYamlPath(p.p, path));
    if (pattern) {
      add({ origin: 'yaml-path', kind: pattern.fragment ? 'fragment' : 'config', templated: pattern.template });
      continue;
    }
    if (kind === 'ConfigMap' && path.length === 2 && path[0] === 'data' && typeof last === 'string' && ALLOY_KEY.test(last)) {
      add({ origin: 'configmap', kind: 'config', templated: false, group });
      continue;
    }
    const tail = path.slice(-3).join('\u0000');
    if (tail === 'alloy\u0000configMap\u0000content' || tail === 'agent\u0000configMap\u0000content') {
      const operator = kind === 'Alloy' && api.startsWith('collectors.grafana.com/');
      add({ origin: operator ? 'alloy-operator' : path[path.length - 3] === 'agent' ? 'agent-chart' : 'alloy-chart', kind: 'config', templated: true });
      continue;
    }
    if (!k8sPrefix || !k8sPrefix.every((k, i) => path[i] === k) || typeof last !== 'string') continue;
    if (FRAGMENT_KEYS.has(last)) add({ origin: 'k8s-monitoring', kind: 'fragment', templated: true, chart });
    else if (BODY_KEYS[last]) {
      const b = BODY_KEYS[last];
      add({ origin: 'k8s-monitoring', kind: 'fragment', templated: b.templated, chart, before: [{ text: b.before, from: 0, to: 0, kind: 'synthetic' }], after: b.after });
    } else if (last === 'content' && path.length === k8sPrefix.length + 3 && path[k8sPrefix.length] === 'replaceComponent' && isMap(parent)) {
      // `{type, name, content}`: content is the body of that component; its header maps to `type` and `name`.
      const before: Piece[] = [];
      for (const [key, sep] of [['type', ' "'], ['name', '" {\n']] as const) {
        const n = parent.get(key, true);
        const d = isScalar(n) && typeof n.value === 'string' ? decodeAt(n) : undefined;
        if (d) for (const p of d.pieces) before.push(p);
        else before.push({ text: key === 'type' ? 'missing_type' : 'missing_name', from: 0, to: 0, kind: 'synthetic' });
        before.push({ text: sep, from: 0, to: 0, kind: 'synthetic' });
      }
      add({ origin: 'k8s-monitoring', kind: 'fragment', templated: true, chart, before, after: '\n}\n' });
    }
  }
  return out;
}

/** UTF-16 offset → byte offset table of a string. */
function utf16ToBytes(text: string): Uint32Array {
  const t = new Uint32Array(text.length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    t[i] = b;
    const c = text.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      t[++i] = b;
      b += 4;
    } else b += 3;
  }
  t[text.length] = b;
  return t;
}

const yamlDiag = (code: string, message: string, start: number, end: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ severity, code, message, start, end: Math.max(end, start) });

/**
 * Finds the Alloy texts in a YAML file (all documents). Pure and linear in the file's
 * size; call it again after every edit (see the README for caching by `Embed.id`).
 */
export function extract(input: string | Uint8Array, options: ExtractOptions = {}, name = ''): Extraction {
  const source = new SourceFile(input, name);
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(source.bytes);
  } catch {
    diagnostics.push(yamlDiag('yaml', 'the file is not valid UTF-8, so it is not read as YAML', 0, 0));
    return { source, text: '', embeds: [], diagnostics };
  }
  // ASCII files (the common case) need no table: UTF-16 and byte offsets agree.
  const toByte = source.bytes.length === text.length ? undefined : utf16ToBytes(text);
  const hostByte = (u: number) => (toByte ? toByte[Math.min(Math.max(u, 0), text.length)] : Math.min(Math.max(u, 0), text.length));
  const patterns = (options.yamlPaths ?? []).map((s) =>
    typeof s === 'string' ? { p: parseYamlPath(s), fragment: false, template: false } : { p: parseYamlPath(s.path), fragment: Boolean(s.fragment), template: Boolean(s.template) },
  );
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, { keepSourceTokens: true, prettyErrors: false, uniqueKeys: false }) as unknown as Document[];
    if (!Array.isArray(docs)) docs = [];
  } catch (e) {
    diagnostics.push(yamlDiag('yaml', `cannot read the YAML: ${(e as Error).message}`, 0, 0));
    return { source, text, embeds: [], diagnostics };
  }
  const embeds: Embed[] = [];
  const decodeAt = (n: Scalar): DecodedScalar | undefined => {
    const tok = n.srcToken as CST.BlockScalar | CST.FlowScalar | undefined;
    if (!tok || (tok.type !== 'block-scalar' && tok.type !== 'scalar' && tok.type !== 'single-quoted-scalar' && tok.type !== 'double-quoted-scalar')) return undefined;
    const d = decodeScalar(text, tok);
    return d.value === n.value ? d : undefined;
  };
  docs.forEach((doc, index) => {
    if (doc.errors.length) {
      for (const e of doc.errors) diagnostics.push(yamlDiag('yaml', `YAML: ${e.message}`, hostByte(e.pos[0]), hostByte(e.pos[1])));
      return;
    }
    for (const t of findTargets(doc, index, patterns, decodeAt)) {
      const [start, end] = t.node.range ?? [0, 0, 0];
      if (t.origin === 'agent-chart') {
        diagnostics.push(yamlDiag('yaml-embed', 'the Alloy chart still reads "agent" (from the grafana-agent chart) but the key is deprecated: name it "alloy"', hostByte(start), hostByte(start), 'info'));
      }
      const dec = decodeAt(t.node);
      if (!dec) {
        diagnostics.push(yamlDiag('yaml-embed', `${pathText(t.path)}: alloy-lint cannot map this value's characters to the file exactly, so it was not checked`, hostByte(start), hostByte(end), 'warning'));
        continue;
      }
      let pieces = dec.pieces;
      let actions: Embed['actions'] = [];
      if (t.templated && dec.value.includes('{{')) {
        const valueMap = new OffsetMap(dec.pieces, hostByte);
        const sub = substituteParsing(dec.value);
        pieces = compose(sub.pieces, dec.pieces);
        const table = /^[\x00-\x7f]*$/.test(dec.value) ? undefined : utf16ToBytes(dec.value);
        const vb = (u: number) => (table ? table[u] : u);
        actions = sub.actions.map((a) => ({ ...a, hostStart: valueMap.toHost(vb(a.start), 'start'), hostEnd: valueMap.toHost(vb(a.end), 'end') }));
        for (const p of sub.problems) diagnostics.push(yamlDiag('template', p.message, valueMap.toHost(vb(p.start), 'start'), valueMap.toHost(vb(p.end), 'end')));
      }
      const at = dec.block ? dec.block.contentStart : start;
      const before = (t.before ?? []).map((p) => (p.kind === 'synthetic' ? { ...p, from: at, to: at } : p));
      const after: Piece[] = t.after ? [{ text: t.after, from: end, to: end, kind: 'synthetic' }] : [];
      const all = [...before, ...pieces, ...after];
      embeds.push({
        id: `${index}:${pathText(t.path)}`,
        document: index,
        path: t.path,
        pathText: pathText(t.path),
        origin: t.origin,
        kind: t.kind,
        ...(t.group ? { group: t.group } : {}),
        text: joinText(all),
        map: new OffsetMap(all, hostByte),
        scalar: { ...dec, start: hostByte(start), end: hostByte(end) },
        actions,
        ...(t.chart ? { chart: t.chart } : {}),
        wrapped: before.length > 0 || after.length > 0,
        headerEnd: utf8Length(joinText(before)),
      });
    }
  });
  return { source, text, embeds, diagnostics };
}
