import type { FileDiagnostic, Severity } from '@alloy-lint/analyzer';
import { type Embed, type Extraction, extract, mapDiagnostics, matchYamlPath, parseYamlPath, type YamlPathSetting } from '@alloy-lint/yaml-embed';
import { readInput } from './files.js';
import { type Io, UsageError } from './io.js';
import { NO_ALLOY } from './yaml-files.js';

/** The shared "load sources" step for YAML files: the extractor, and mapping back. Imported on first use. */

/** One configuration found in a YAML file: the files the analyzer gets, and the embeds they came from. */
export interface YamlUnit {
  /** Virtual names `<yaml>#<key path>`, one per embed, in order. */
  files: { name: string; text: Uint8Array }[];
  embeds: Embed[];
}

export interface YamlSource {
  name: string;
  extraction: Extraction;
  units: YamlUnit[];
}

const enc = new TextEncoder();

/** Parses `--yaml-path` values and settings, turning pattern errors into usage errors. */
export function yamlPathsOf(...lists: (YamlPathSetting[] | undefined)[]): YamlPathSetting[] {
  const all = lists.flatMap((l) => l ?? []);
  for (const p of all) {
    try {
      parseYamlPath(typeof p === 'string' ? p : p.path);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  return all;
}

/**
 * Reads a YAML file's Alloy texts. Each embed is its own configuration, except that
 * with `groupConfigMaps` the keys of one ConfigMap form one (as Alloy loads the
 * directory the ConfigMap is mounted as).
 */
export function loadYaml(name: string, bytes: Uint8Array, yamlPaths: YamlPathSetting[], groupConfigMaps = false): YamlSource {
  const extraction = extract(bytes, { yamlPaths }, name);
  const groups = new Map<string, Embed[]>();
  for (const e of extraction.embeds) {
    const key = groupConfigMaps && e.group ? e.group : e.id;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const units = [...groups.values()].map((embeds) => ({ embeds, files: embeds.map((e) => ({ name: `${name}#${e.pathText}`, text: enc.encode(e.text) })) }));
  return { name, extraction, units };
}

/** Diagnostics of a unit's analysis, mapped to the YAML file; other files' (imported modules) are kept as they are. */
export function mapUnit(src: YamlSource, unit: YamlUnit, diags: FileDiagnostic[], rules: Record<string, Severity | 'off'> = {}): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  unit.files.forEach((f, i) => {
    const mine = diags.filter((d) => d.file === f.name);
    for (const d of mapDiagnostics(unit.embeds[i], mine, { rules })) {
      out.push({ ...d, file: src.name, ...(d.related ? { related: d.related.map((r) => (r.file === f.name ? { ...r, file: src.name } : r)) } : {}) });
    }
  });
  const virtual = new Set(unit.files.map((f) => f.name));
  for (const d of diags) if (!virtual.has(d.file)) out.push(d);
  return out;
}

/** The extractor's own findings (YAML syntax, template syntax) as file diagnostics. */
export const extractionDiagnostics = (src: YamlSource): FileDiagnostic[] => src.extraction.diagnostics.map((d) => ({ ...d, file: src.name }));

/**
 * The one configuration `graph`, `run` and `test` work on: a YAML file must hold exactly
 * one (a ConfigMap's keys count as one), or `--yaml-path` picks it.
 */
export async function singleYamlUnit(path: string, io: Io, yamlPaths: YamlPathSetting[], pick?: string): Promise<{ src: YamlSource; unit: YamlUnit }> {
  const input = await readInput(path, io);
  const src = loadYaml(input.name, input.bytes, pick ? [...yamlPaths, pick] : yamlPaths, true);
  const errors = src.extraction.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const p = src.extraction.source.position(errors[0].start);
    throw new UsageError(`${input.name}:${p.line}:${p.column}: ${errors[0].message}`);
  }
  let units = src.units;
  if (pick) {
    const pattern = parseYamlPath(pick);
    units = units.filter((u) => u.embeds.some((e) => matchYamlPath(pattern, e.path)));
  }
  if (units.length === 1) return { src, unit: units[0] };
  if (units.length === 0) throw new UsageError(`${input.name}: ${pick ? `nothing at --yaml-path ${pick}` : NO_ALLOY}`);
  const list = units.map((u) => u.embeds.map((e) => e.pathText).join(' + ')).join(', ');
  throw new UsageError(`${input.name} holds ${units.length} configurations (${list}): pick one with --yaml-path`);
}

/** The diagnostics of a unit's analysis that survive mapping (those about placeholders or wrappers do not), still in embedded offsets. */
export function keptDiagnostics<D extends FileDiagnostic>(unit: YamlUnit, diags: D[]): D[] {
  return diags.filter((d) => {
    const i = unit.files.findIndex((f) => f.name === d.file);
    return i < 0 || mapDiagnostics(unit.embeds[i], [d]).length > 0;
  });
}

type Point = { offset: number; line: number; column: number };

/** Rewrites every `{file, start: {offset}, end: {offset}}` range of a unit's files (deeply, iteratively) to the YAML file. */
export function remapRanges<T>(value: T, src: YamlSource, unit: YamlUnit): T {
  const index = new Map(unit.files.map((f, i) => [f.name, unit.embeds[i]]));
  const point = (offset: number): Point => {
    const p = src.extraction.source.position(offset);
    return { offset, line: p.line, column: p.column };
  };
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] === 'string' && index.has(v[i])) v[i] = src.name;
        else stack.push(v[i]);
      }
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const r = v as { file?: unknown; start?: Point; end?: Point };
    const embed = typeof r.file === 'string' ? index.get(r.file) : undefined;
    if (embed && typeof r.start?.offset === 'number' && typeof r.end?.offset === 'number') {
      const s = embed.map.toHost(r.start.offset, 'start');
      r.file = src.name;
      r.start = point(s);
      r.end = point(Math.max(s, embed.map.toHost(r.end.offset, 'end')));
      continue;
    }
    for (const x of Object.values(v)) stack.push(x);
  }
  return value;
}

/** Refuses to run text with template placeholders: it needs the chart's values rendered in. */
export function assertRunnable(unit: YamlUnit): void {
  const e = unit.embeds.find((x) => x.actions.some((a) => a.kind === 'output' && a.slot !== 'statement'));
  if (e) throw new UsageError(`${e.pathText} uses Helm template actions; render it first (helm template) to run it`);
}
