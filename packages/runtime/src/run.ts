// Entry points: run a configuration on samples and collect what reaches each sink.

import { analyze, type Analysis, type ComponentCatalog, type InputFile, type ModuleLoader, type Stability } from '@alloy-lint/analyzer';
import { globMatch } from './glob.js';
import { HostRefusal, type Host } from './host.js';
import type { RunResult } from './report.js';
import type { Samples } from './samples.js';
import { rootNodes, Runtime } from './scheduler.js';
import { withTestComponents } from './test-components.js';

export interface RunOptions {
  /** Component schemas of the Alloy release to follow. */
  catalog: ComponentCatalog;
  host: Host;
  samples?: Samples;
  /** Record every entry's way and every relabel rule's effect. */
  trace?: boolean;
  /** `--stability.level`; Alloy's default is generally-available. */
  minStability?: Stability;
  community?: boolean;
}

/** Checks the files as Alloy would load them, then runs them (see `run`). */
export function runConfig(files: InputFile[], options: RunOptions): RunResult {
  const catalog = withTestComponents(options.catalog);
  const host = overlay(options.host, options.samples?.files);
  const analysis = analyze(files, { catalog, minStability: options.minStability, community: options.community, mode: 'root', loader: hostLoader(host) });
  return run(analysis, { ...options, catalog });
}

/**
 * Runs an analysed configuration: components are evaluated in dependency order, then
 * every entry point sends its sample entries through the pipeline. Does nothing when the
 * analysis has errors, as Alloy refuses to load such a configuration.
 */
export function run(analysis: Analysis, options: RunOptions): RunResult {
  const result: RunResult = {
    ok: false,
    diagnostics: analysis.diagnostics,
    sources: analysis.sources,
    components: [],
    targets: [],
    sinks: [],
    journeys: [],
    itemJourneys: [],
    metrics: [],
    warnings: [],
  };
  if (!analysis.graph || analysis.diagnostics.some((d) => d.severity === 'error')) return result;
  const rt = new Runtime(withTestComponents(options.catalog), overlay(options.host, options.samples?.files), options.samples ?? {}, options.trace ?? false);
  rt.evalBody({ prefix: '', scope: new Map(), declares: new Map() }, rootNodes(analysis.graph.nodes, analysis.graph.edges, analysis.sources));
  rt.finish();
  for (const r of rt.running) {
    const t = r.sim.targets?.();
    if (t) result.targets.push(t);
    const s = r.sim.sink?.();
    if (s) result.sinks.push(s);
    const m = r.sim.metrics?.();
    if (m) result.metrics.push({ component: r.id, text: m });
  }
  unusedSamples(options.samples ?? {}, rt.components, rt.warnings);
  for (const w of rt.flow.otel.refused) rt.warnings.push(w);
  const pos = (id: string) => rt.positions.get(id) ?? '';
  const byPosition = (a: string, b: string) => (pos(a) < pos(b) ? -1 : pos(a) > pos(b) ? 1 : 0);
  result.targets.sort((a, b) => byPosition(a.component, b.component));
  result.sinks.sort((a, b) => byPosition(a.component, b.component));
  const components = [...rt.components].sort((a, b) => byPosition(a.id, b.id));
  return { ...result, ok: true, components, journeys: rt.flow.journeys, itemJourneys: rt.flow.otel.journeys, warnings: rt.warnings };
}

/** Samples keyed by a component the configuration does not have are most likely typos. */
function unusedSamples(samples: Samples, components: { id: string; name: string }[], warnings: string[]): void {
  const known = new Set(components.flatMap((c) => [c.id, c.name]));
  for (const [kind, keys] of [
    ['logs', Object.keys(samples.logs ?? {})],
    ['targets', Object.keys(samples.targets ?? {})],
    ['otlp', Object.keys(samples.otlp ?? {})],
  ] as const) {
    for (const k of keys) if (!known.has(k) && !k.startsWith('pipelinetest.source.')) warnings.push(`samples: ${kind}."${k}" matches no component of the configuration`);
  }
}

/** Imported modules as the analyzer asks for them, read through the host. */
function hostLoader(host: Host): ModuleLoader {
  return (req) => {
    if (req.kind !== 'file') return { skipped: `import.${req.kind} modules are not fetched when running` };
    const name = req.args.filename;
    if (name === undefined) return { skipped: 'its filename is not a literal string' };
    let text: string | undefined;
    try {
      text = host.readFile(name);
    } catch (e) {
      if (e instanceof HostRefusal) return { error: e.message };
      throw e;
    }
    return text === undefined ? { error: `failed to read ${name}: no such file (add it to the samples' files)` } : { files: [{ name, text }] };
  };
}

/** The host, with the samples' files in front of its own. */
function overlay(host: Host, files: Record<string, string> | undefined): Host {
  if (!files || Object.keys(files).length === 0) return host;
  const norm = (p: string) => p.replace(/^\.\//, '');
  const map = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
  return {
    readFile: (p) => map.get(norm(p)) ?? host.readFile(p),
    glob: (pattern) => [...new Set([...[...map.keys()].filter((k) => globMatch(norm(pattern), k)), ...(host.glob?.(pattern) ?? [])])],
    env: host.env,
    now: () => host.now(),
  };
}
