import type { File, SourceFile } from '@alloy-lint/parser';
import { diag, type FileDiagnostic } from './diagnostic.js';
import type { RuleRegistry, RuleSettings } from './rules/rule-registry.js';
import { closest } from './suggest.js';

const DIRECTIVE = /^(?:\/\/|\/\*)\s*alloy-lint-(disable-next-line|disable-line|disable)\b([^*]*)/;

interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable';
  /** Rule ids; empty means every rule that can be silenced. */
  ids: string[];
  /** 0-based line of the comment. */
  line: number;
}

/**
 * Drops diagnostics silenced by comments:
 * `// alloy-lint-disable-next-line rule-id`, `// alloy-lint-disable-line rule-id`,
 * and `// alloy-lint-disable rule-id` for the whole file. What Alloy refuses is never
 * silenced: a directive naming such a rule, or an unknown one, is reported (`lint-directive`).
 * Text after `--` in a directive is a free comment.
 */
export function applyDirectives(diags: FileDiagnostic[], asts: Map<string, File>, sources: Map<string, SourceFile>, registry: RuleRegistry, settings: RuleSettings): FileDiagnostic[] {
  const byFile = new Map<string, Directive[]>();
  const problems: FileDiagnostic[] = [];
  const severity = registry.severity('lint-directive', settings);
  for (const [name, ast] of asts) {
    const src = sources.get(name)!;
    const found: Directive[] = [];
    for (const c of ast.comments.flat()) {
      const m = DIRECTIVE.exec(c.text);
      if (!m) continue;
      const ids = m[2].replace(/--.*$/s, '').split(/[\s,]+/).filter(Boolean);
      found.push({ kind: m[1] as Directive['kind'], ids, line: src.lineIndex(c.start) });
      if (severity === 'off') continue;
      for (const id of ids) {
        const message = directiveProblem(registry, id);
        if (!message) continue;
        const d = diag(name, 'lint-directive', message.text, c.start, c.end - 1);
        if (message.hint) d.hint = message.hint;
        problems.push({ ...d, severity });
      }
    }
    if (found.length) byFile.set(name, found);
  }
  if (byFile.size === 0) return diags;
  const kept = diags.filter((d) => {
    const dirs = byFile.get(d.file);
    if (!dirs || !registry.silenceable(d.code)) return true;
    const line = sources.get(d.file)!.lineIndex(d.start);
    return !dirs.some((x) => {
      if (x.ids.length && !x.ids.includes(d.code)) return false;
      if (x.kind === 'disable') return true;
      return x.kind === 'disable-line' ? x.line === line : x.line + 1 === line;
    });
  });
  return problems.length ? [...kept, ...problems] : kept;
}

function directiveProblem(registry: RuleRegistry, id: string): { text: string; hint?: string } | undefined {
  const rule = registry.get(id);
  if (rule && !rule.refusedByAlloy) return undefined;
  if (rule) return { text: `${id} cannot be disabled: Alloy refuses a configuration with this problem, so the comment has no effect` };
  const best = closest(id, registry.all().map((r) => r.id));
  return { text: `unknown rule ${JSON.stringify(id)} in alloy-lint directive`, hint: best ? `did you mean ${JSON.stringify(best)}?` : '`alloy-lint rules` lists the rule ids' };
}
