import type { File, SourceFile } from '@alloy-lint/parser';
import type { FileDiagnostic } from './diagnostic.js';

const DIRECTIVE = /^(?:\/\/|\/\*)\s*alloy-lint-(disable-next-line|disable-line|disable)\b([^*]*)/;

interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable';
  /** Rule ids; empty means every rule. */
  ids: string[];
  /** 0-based line of the comment. */
  line: number;
}

/**
 * Drops diagnostics silenced by comments:
 * `// alloy-lint-disable-next-line rule-id`, `// alloy-lint-disable-line rule-id`,
 * and `// alloy-lint-disable rule-id` for the whole file. Syntax errors are never silenced.
 * Text after `--` in a directive is a free comment.
 */
export function applyDirectives(diags: FileDiagnostic[], asts: Map<string, File>, sources: Map<string, SourceFile>): FileDiagnostic[] {
  const byFile = new Map<string, Directive[]>();
  for (const [name, ast] of asts) {
    const src = sources.get(name)!;
    const found: Directive[] = [];
    for (const c of ast.comments.flat()) {
      const m = DIRECTIVE.exec(c.text);
      if (!m) continue;
      const ids = m[2].replace(/--.*$/s, '').split(/[\s,]+/).filter(Boolean);
      found.push({ kind: m[1] as Directive['kind'], ids, line: src.lineIndex(c.start) });
    }
    if (found.length) byFile.set(name, found);
  }
  if (byFile.size === 0) return diags;
  return diags.filter((d) => {
    const dirs = byFile.get(d.file);
    if (!dirs || d.code === 'syntax') return true;
    const line = sources.get(d.file)!.lineIndex(d.start);
    return !dirs.some((x) => {
      if (x.ids.length && !x.ids.includes(d.code)) return false;
      if (x.kind === 'disable') return true;
      return x.kind === 'disable-line' ? x.line === line : x.line + 1 === line;
    });
  });
}
