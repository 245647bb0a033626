import type { AttrSpec, BlockSpec, BodySpec } from '@alloy-lint/analyzer';
import { placeholder } from './types-display.js';

/** Escapes text for a snippet (`$`, `}` and `\` are special). */
export function snippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** Counter of snippet tab stops. */
class Stops {
  n = 1;
  next(): number {
    return this.n++;
  }
}

/** Lines filling the required fields of a body (nested required blocks included, a few levels deep). */
function requiredLines(spec: BodySpec | undefined, indent: string, stops: Stops, depth: number): string[] {
  if (!spec || spec.kind !== 'struct' || depth > 3) return [];
  const out: string[] = [];
  for (const f of spec.fields) {
    if (!f.required) continue;
    if (f.kind === 'attr') out.push(`${indent}${f.name} = \${${stops.next()}:${snippetText(placeholder(f.type))}}`);
    else for (const l of blockLines(f, indent, stops, depth + 1)) out.push(l);
  }
  return out;
}

function blockLines(f: BlockSpec, indent: string, stops: Stops, depth: number): string[] {
  const inner = requiredLines(f.body, indent + '\t', stops, depth);
  return [`${indent}${f.name} {`, ...(inner.length ? inner : [`${indent}\t\${${stops.next()}}`]), `${indent}}`];
}

/** `loki.write "${1:default}" {` + required fields + `}`. */
export function componentSnippet(name: string, spec: BodySpec | undefined, labelled: boolean): string {
  const stops = new Stops();
  const head = labelled ? `${name} "\${${stops.next()}:default}" {` : `${name} {`;
  const inner = requiredLines(spec, '\t', stops, 0);
  return [head, ...inner, '\t$0', '}'].join('\n');
}

export function blockSnippet(f: BlockSpec): string {
  const stops = new Stops();
  const inner = requiredLines(f.body, '\t', stops, 1);
  return [`${f.name} {`, ...inner, '\t$0', '}'].join('\n');
}

export function attributeSnippet(f: AttrSpec | { name: string; type: string }): string {
  return `${f.name} = \${1:${snippetText(placeholder(f.type))}}`;
}

/** Plain text of the required attributes missing from a body, for the "add missing" action. */
export function missingText(fields: (AttrSpec | BlockSpec)[], indent: string): string {
  const lines: string[] = [];
  for (const f of fields) {
    if (f.kind === 'attr') lines.push(`${indent}${f.name} = ${placeholder(f.type)}`);
    else {
      lines.push(`${indent}${f.name} {`);
      for (const l of missingText(f.body.kind === 'struct' ? f.body.fields.filter((x) => x.required) : [], indent + '\t').split('\n')) if (l) lines.push(l);
      lines.push(`${indent}}`);
    }
  }
  return lines.join('\n');
}
