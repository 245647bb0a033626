import type { FileDiagnostic } from '../diagnostic.js';
import type { ComponentCatalog, Severity } from '../schema.js';
import type { ConfigGraph } from '../validate.js';

export interface RuleContext {
  graph: ConfigGraph;
  catalog: ComponentCatalog;
  /** True when the files are a module body (loaded through import.*). */
  module: boolean;
  report(d: Omit<FileDiagnostic, 'severity' | 'code'>): void;
}

/** A check beyond what Alloy itself reports: one file per rule under rules/. */
export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  check(ctx: RuleContext): void;
}
