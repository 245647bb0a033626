import type { SourceFile } from '@alloy-lint/parser';
import { pushAll, type FileDiagnostic } from './diagnostic.js';
import { applyDirectives } from './directives.js';
import { runRules } from './rules/index.js';
import type { ComponentCatalog, Severity, Stability } from './schema.js';
import { type InputFile, loadSources } from './sources.js';
import type { ModuleDeclares, ModuleLoader } from './modules.js';
import { type ConfigGraph, Validator } from './validate.js';

export type { FileDiagnostic } from './diagnostic.js';
export { RULES, type Rule } from './rules/index.js';
export type { ConfigGraph, GraphEdge, GraphNode } from './validate.js';
export type { AttrSpec, BlockSpec, BodySpec, ComponentCatalog, ComponentSpec, Severity, Stability } from './schema.js';
export { requiredFieldsMissing, STABILITY_RANK } from './schema.js';
export { alloyReport } from './alloy-report.js';
export { traversalsFromBody, traversalsFromExpr, traversalText, type Traversal } from './traversal.js';
export { ottlSites, OTTL_COMPONENTS, type OttlSite } from './ottl-sites.js';
export { compareNames, type InputFile } from './sources.js';
export { assignable } from './reftypes.js';
export type { ImportRequest, ModuleDeclares, ModuleLoader, ModuleSource } from './modules.js';

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
  /** Severity per rule id (`off` to silence); Alloy's own errors stay errors. */
  rules?: Record<string, Severity | 'off'>;
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

/** Overrides the severity of configurable diagnostics; syntax errors cannot be changed. */
function applySeverities(diags: FileDiagnostic[], rules: Record<string, Severity | 'off'>): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const d of diags) {
    const s = d.code === 'syntax' ? undefined : rules[d.code];
    if (s === 'off') continue;
    out.push(s ? { ...d, severity: s } : d);
  }
  return out;
}

/**
 * Checks one configuration made of one or more files, as `alloy validate`
 * does: syntax first (stopping there when a file does not parse), then the
 * blocks, components, references and literal types.
 */
export function analyze(files: InputFile[], options: AnalyzeOptions): Analysis {
  const split = loadSources(files, options.recover);
  if (split.fatal.length > 0 && !options.recover) return { sources: split.sources, diagnostics: split.fatal };
  const position = (file: string, offset: number) => {
    const p = split.sources.get(file)!.position(offset);
    return `${file}:${p.line}:${p.column}`;
  };
  const v = new Validator(
    {
      catalog: options.catalog,
      minStability: options.minStability ?? 'generally-available',
      community: options.community ?? false,
      services: options.services ?? DEFAULT_SERVICES,
      parity: options.parity,
      loader: options.loader,
      importStack: options.importStack ?? files.map((f) => f.name),
      checkModule: (modFiles, stack) => {
        const r = analyze(modFiles, { ...options, mode: 'module', importStack: stack });
        const sources = new Map(r.sources);
        return { diagnostics: r.diagnostics, sources, declares: r.declares ?? new Map() };
      },
    },
    position,
  );
  const isModule =
    options.mode === 'module' ||
    ((options.mode ?? 'auto') === 'auto' && split.configs.some((c) => c.block.name.length === 1 && (c.block.name[0] === 'argument' || c.block.name[0] === 'export')));
  let diagnostics = v.run(split.declares, split.configs, split.components, !isModule);
  if (split.fatal.length > 0) return { sources: split.sources, diagnostics: split.fatal, module: isModule, graph: v.graph, declares: v.declares, recovered: true };
  for (const [k, src] of v.importedSources) if (!split.sources.has(k)) split.sources.set(k, src);
  if (!options.parity) {
    pushAll(diagnostics, runRules(v.graph, options.catalog, isModule, options.rules ?? {}));
    diagnostics = applyDirectives(applySeverities(diagnostics, options.rules ?? {}), split.asts, split.sources);
  }
  return { sources: split.sources, diagnostics, module: isModule, graph: v.graph, declares: v.declares };
}
