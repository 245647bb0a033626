import type { SourceFile } from '@alloy-lint/parser';
import type { FileDiagnostic } from './diagnostic.js';
import { applyDirectives } from './directives.js';
import { DEFAULT_REGISTRY, type RuleRegistry, type RuleSettings } from './rules/index.js';
import { RuleRunner } from './rules/runner.js';
import type { ComponentCatalog, Stability } from './schema.js';
import { type InputFile, loadSources } from './sources.js';
import type { ModuleDeclares, ModuleLoader } from './modules.js';
import { troubledIds } from './troubled.js';
import { type ConfigGraph, Validator } from './validate.js';

export type { FileDiagnostic } from './diagnostic.js';
export * from './rules/index.js';
export type { ConfigGraph, GraphEdge, GraphNode } from './validate.js';
export type { AttrSpec, BlockSpec, BodySpec, ComponentCatalog, ComponentSpec, Severity, Stability } from './schema.js';
export { requiredFieldsMissing, STABILITY_RANK } from './schema.js';
export { alloyReport } from './alloy-report.js';
export { traversalsFromBody, traversalsFromExpr, traversalText, type Traversal } from './traversal.js';
export { ottlSites, OTTL_COMPONENTS, type OttlSite } from './ottl-sites.js';
export { compareNames, type InputFile } from './sources.js';
export { assignable, expectedTypeAt, exportsOfType, offers, type ExpectedType } from './type-facts.js';
export type { DeclareSpec, ImportRequest, ModuleDeclares, ModuleLoader, ModuleSource } from './modules.js';

/** Services Alloy registers, and whether each takes a configuration block. */
export const DEFAULT_SERVICES = new Map<string, { configurable: boolean }>([
  ['cluster', { configurable: false }],
  ['http', { configurable: true }],
  ['labelstore', { configurable: false }],
  ['livedebugging', { configurable: true }],
  ['otel', { configurable: false }],
  ['remotecfg', { configurable: true }],
  ['ui', { configurable: false }],
]);

export interface AnalyzeOptions {
  catalog: ComponentCatalog;
  /** Lowest stability level allowed (`--stability.level`); Alloy's default is generally-available. */
  minStability?: Stability;
  /** Allow community components (`--feature.community-components.enabled`). */
  community?: boolean;
  services?: Map<string, { configurable: boolean }>;
  /** Report only what `alloy validate` reports (for conformance); default false. */
  parity?: boolean;
  /**
   * `root`: the files are a configuration Alloy runs. `module`: they are a module body
   * (loaded by import.*). `auto` (default): a module when a file has top-level
   * `argument` or `export` blocks.
   */
  mode?: 'root' | 'module' | 'auto';
  /** Severity per rule id (`off` to silence); what Alloy refuses stays an error. */
  rules?: RuleSettings;
  /** The rules to run (default: every rule of this package). */
  registry?: RuleRegistry;
  /** Supplies the files of import.file/git/http modules (import.string needs none). */
  loader?: ModuleLoader;
  /** Files already being imported, to detect cycles (set by the analyzer itself). */
  importStack?: string[];
  /**
   * For editors: when a file has syntax errors, still build the graph from the trees the
   * parser recovered (for completion and navigation). The diagnostics stay the syntax errors.
   */
  recover?: boolean;
}

export interface Analysis {
  sources: Map<string, SourceFile>;
  diagnostics: FileDiagnostic[];
  /** True when the files were checked as a module body. */
  module?: boolean;
  /** Blocks and the references between them (absent when a file does not parse). */
  graph?: ConfigGraph;
  /** Top-level declares and the arguments they take (what the files offer when imported). */
  declares?: ModuleDeclares;
  /** True when the graph was built from trees with syntax errors (`recover`). */
  recovered?: boolean;
}

/** Gives every diagnostic the severity the registry and settings say; drops the ones switched off. */
function applySeverities(diags: FileDiagnostic[], registry: RuleRegistry, settings: RuleSettings): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const d of diags) {
    const s = registry.severity(d.code, settings);
    if (s === 'off') continue;
    out.push(s === d.severity ? d : { ...d, severity: s });
  }
  return out;
}

/**
 * Checks one configuration made of one or more files, as `alloy validate`
 * does: syntax first (stopping there when a file does not parse), then the
 * blocks, components, references and the types of every expression.
 */
export function analyze(files: InputFile[], options: AnalyzeOptions): Analysis {
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const settings = options.rules ?? {};
  const split = loadSources(files, options.recover);
  if (split.fatal.length > 0 && !options.recover) return { sources: split.sources, diagnostics: split.fatal };
  const position = (file: string, offset: number) => {
    const p = split.sources.get(file)!.position(offset);
    return `${file}:${p.line}:${p.column}`;
  };
  const isModule =
    options.mode === 'module' ||
    ((options.mode ?? 'auto') === 'auto' && split.configs.some((c) => c.block.name.length === 1 && (c.block.name[0] === 'argument' || c.block.name[0] === 'export')));
  // A recovered tree (for editors) reports only its syntax errors: no rules then.
  const runner = options.parity || split.fatal.length > 0 ? undefined : new RuleRunner(registry.dispatch(settings), { catalog: options.catalog, module: isModule });
  const v = new Validator(
    {
      catalog: options.catalog,
      minStability: options.minStability ?? 'generally-available',
      community: options.community ?? false,
      services: options.services ?? DEFAULT_SERVICES,
      parity: options.parity,
      loader: options.loader,
      rules: runner,
      importStack: options.importStack ?? files.map((f) => f.name),
      checkModule: (modFiles, stack) => {
        const r = analyze(modFiles, { ...options, mode: 'module', importStack: stack });
        const sources = new Map(r.sources);
        return { diagnostics: r.diagnostics, sources, declares: r.declares ?? new Map() };
      },
    },
    position,
  );
  let diagnostics = applySeverities(v.run(split.declares, split.configs, split.components, !isModule), registry, options.parity ? {} : settings);
  if (split.fatal.length > 0) return { sources: split.sources, diagnostics: split.fatal, module: isModule, graph: v.graph, declares: v.declares, recovered: true };
  for (const [k, src] of v.importedSources) if (!split.sources.has(k)) split.sources.set(k, src);
  if (runner) {
    if (runner.visits('config')) {
      const before = diagnostics.slice();
      let troubled: Set<string> | undefined;
      runner.sink = diagnostics;
      runner.config({ graph: v.graph, troubled: (id) => (troubled ??= troubledIds(v.graph, before)).has(id) });
    }
    diagnostics = applyDirectives(diagnostics, split.asts, split.sources, registry, settings);
  }
  return { sources: split.sources, diagnostics, module: isModule, graph: v.graph, declares: v.declares };
}
