// The types of the names an expression can use in one scope: component exports (from the
// catalog, or a declare's export blocks), module arguments, foreach variables, module_path.
import { ANY, parseTypeName, structOf, type StaticType, type TypeEnv } from '@alloy-lint/values';
import type { ComponentSpec } from './schema.js';

/** What a scope offers for typing; implemented by the validator for each of its scopes. */
export interface ScopeFacts {
  /** Where an id path leads in this scope's graph (see Dag.step). */
  step(names: readonly string[]): { id?: string; more: boolean };
  /** The exports of the block with this id: a struct, or `any` when unknown. */
  exportsOf(id: string): StaticType;
  /** The module arguments visible here (labels), or undefined outside a module. */
  argumentLabels(): readonly string[] | undefined;
  /** Other variables in scope (foreach variables ...). */
  hasVariable(name: string): boolean;
}

const builtinExports = new WeakMap<ComponentSpec, StaticType>();

/** The exports of a built-in component as a struct: reading another name fails, as in Alloy. */
export function componentExports(spec: ComponentSpec): StaticType {
  let t = builtinExports.get(spec);
  if (!t) builtinExports.set(spec, (t = structOf(new Map(spec.exports.map((e) => [e.name, parseTypeName(e.type)])))));
  return t;
}

/** A module argument's exports: `argument.<label>.value`. */
const STRING_TYPE: StaticType = { kind: 'string' };
const ARGUMENT_NODE = structOf(new Map([['value', ANY]]));

/**
 * Part of the component namespace (`loki`, `loki.write`): an object whose known members are
 * looked up in the graph on demand (once each); other names are left to the reference check.
 */
class Namespace implements ReadonlyMap<string, StaticType> {
  private readonly members = new Map<string, StaticType | null>();

  constructor(
    private readonly facts: ScopeFacts,
    private readonly prefix: readonly string[],
  ) {}

  get(name: string): StaticType | undefined {
    let t = this.members.get(name);
    if (t === undefined) this.members.set(name, (t = member(this.facts, [...this.prefix, name]) ?? null));
    return t ?? undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  get size(): number {
    return 0;
  }

  forEach(): void {}

  *entries(): IterableIterator<[string, StaticType]> {}

  *keys(): IterableIterator<string> {}

  *values(): IterableIterator<StaticType> {}

  [Symbol.iterator](): IterableIterator<[string, StaticType]> {
    return this.entries();
  }
}

function member(facts: ScopeFacts, names: string[]): StaticType | undefined {
  const at = facts.step(names);
  if (at.id !== undefined) return facts.exportsOf(at.id);
  return at.more ? { kind: 'object', fields: new Namespace(facts, names), elem: ANY } : undefined;
}

/** The type environment of one scope. */
export function scopeEnv(facts: ScopeFacts): TypeEnv {
  const root = new Namespace(facts, []);
  let args: StaticType | undefined;
  return (name: string) => {
    if (name === 'argument') {
      const labels = facts.argumentLabels();
      if (labels) return (args ??= structOf(new Map(labels.map((l) => [l, ARGUMENT_NODE]))));
    }
    const t = root.get(name);
    if (t) return t;
    if (name === 'module_path') return STRING_TYPE;
    return facts.hasVariable(name) ? ANY : undefined;
  };
}
