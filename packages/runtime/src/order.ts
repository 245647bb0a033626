// Dependency order of the blocks in one body, and the scope components publish into.

import { traversalsFromBody } from '@alloy-lint/analyzer';
import type { Stmt } from '@alloy-lint/parser';
import type { Value } from '@alloy-lint/values';

export interface OrderNode {
  id: string;
  deps: string[];
}

/** Topological order (dependencies first, otherwise the order given); nodes on a cycle come back in `cycle`. */
export function topoOrder(nodes: OrderNode[]): { order: string[]; cycle: string[] } {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const pending = new Map<string, number>();
  const users = new Map<string, string[]>();
  for (const n of nodes) {
    const deps = [...new Set(n.deps.filter((d) => d !== n.id && index.has(d)))];
    pending.set(n.id, deps.length);
    for (const d of deps) {
      const u = users.get(d) ?? [];
      u.push(n.id);
      users.set(d, u);
    }
  }
  const ready = nodes.filter((n) => pending.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length) {
    ready.sort((a, b) => index.get(a)! - index.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const u of users.get(id) ?? []) {
      const left = pending.get(u)! - 1;
      pending.set(u, left);
      if (left === 0) ready.push(u);
    }
  }
  const done = new Set(order);
  return { order, cycle: nodes.filter((n) => !done.has(n.id)).map((n) => n.id) };
}

/** Ids among `ids` that the statements reference (longest dotted prefix of each reference). */
export function referencedIds(body: Stmt[], ids: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of traversalsFromBody(body)) {
    for (let n = t.length; n > 0; n--) {
      const id = t
        .slice(0, n)
        .map((i) => i.name)
        .join('.');
      if (ids.has(id)) {
        out.push(id);
        break;
      }
    }
  }
  return out;
}

/** Puts `value` at `path` in a scope of nested objects (`loki.process.x` → scope.loki.process.x). */
export function publish(scope: Map<string, Value>, path: string[], value: Value): void {
  let fields = scope;
  for (let i = 0; i < path.length - 1; i++) {
    let next = fields.get(path[i]);
    if (!next || next.t !== 'object') {
      next = { t: 'object', v: new Map<string, Value>() };
      fields.set(path[i], next);
    }
    fields = next.v as Map<string, Value>;
  }
  fields.set(path[path.length - 1], value);
}

/** The id Alloy gives a block: its name, plus its label when it has one. */
export function blockId(name: string[], label: string): string {
  return label ? `${name.join('.')}.${label}` : name.join('.');
}
