import { type Traversal, traversalsFromExpr, traversalText } from '@alloy-lint/analyzer';
import type { Stmt } from '@alloy-lint/parser';

/** One reference written in a block: where it sits and what it names. */
export interface Reference {
  /** Attribute path inside the block: `['output', 'traces']`. */
  attribute: string[];
  traversal: Traversal;
  /** `loki.write.default.receiver` */
  text: string;
  start: number;
  end: number;
}

/**
 * Every identifier chain in a block body, with the attribute that holds it.
 * `skip` names nested blocks that are not part of this block's own body
 * (a foreach `template`, whose blocks are nodes of their own).
 */
export function referencesIn(body: Stmt[], skip?: string, path: string[] = []): Reference[] {
  const out: Reference[] = [];
  for (const s of body) {
    if (s.kind === 'Attribute') {
      const attribute = [...path, s.name.name];
      for (const t of traversalsFromExpr(s.value)) {
        out.push({ attribute, traversal: t, text: traversalText(t), start: t[0].start, end: t[t.length - 1].end });
      }
    } else {
      const name = s.name.join('.');
      if (path.length === 0 && name === skip) continue;
      for (const r of referencesIn(s.body, undefined, [...path, name])) out.push(r);
    }
  }
  return out;
}
