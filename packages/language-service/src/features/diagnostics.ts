import type { FileDiagnostic } from '@alloy-lint/analyzer';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { toDiagnostic } from '../convert.js';

/** The analyzer's diagnostics of this document's file (what `alloy-lint check` reports). */
export function fileDiagnostics(ctx: DocContext): FileDiagnostic[] {
  const name = ctx.name;
  return ctx.ga.analysis.diagnostics.filter((d) => d.file === name);
}

/** Every finding of `check` for the document, as LSP diagnostics with related locations. */
export function diagnostics(ctx: DocContext): Diagnostic[] {
  const src = ctx.ga.source(ctx.uri) ?? ctx.source;
  const locate = (file: string) => {
    const uri = ctx.ga.uriOf(file);
    const s = ctx.ga.analysis.sources.get(file);
    return uri && s ? { uri, source: s } : undefined;
  };
  const out = fileDiagnostics(ctx).map((d) => toDiagnostic(src, d, locate));
  const broken = [...new Set(ctx.ga.analysis.diagnostics.filter((d) => d.code === 'syntax' && d.file !== ctx.name).map((d) => d.file))];
  if (broken.length && !out.some((d) => d.code === 'syntax')) {
    out.unshift({
      range: ctx.range(0, 0),
      severity: DiagnosticSeverity.Information,
      code: 'not-checked',
      source: 'alloy-lint',
      message: `the configuration is not checked while ${broken.join(', ')} ${broken.length === 1 ? 'has' : 'have'} syntax errors`,
    });
  }
  if (!ctx.ga.catalog) {
    const version = ctx.ga.group.settings.alloyVersion;
    const known = ctx.ws.host.versions?.() ?? [];
    out.unshift({
      range: ctx.range(0, 0),
      severity: DiagnosticSeverity.Error,
      code: 'settings',
      source: 'alloy-lint',
      message: `no component schemas for Alloy ${version}${known.length ? ` (available: ${known.join(', ')})` : ''}: components cannot be checked`,
    });
  }
  return out;
}
