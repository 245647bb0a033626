import type { FileDiagnostic } from '../diagnostic.js';
import type { ComponentCatalog } from '../schema.js';
import type { Dispatch } from './rule-registry.js';
import type { AttributeNode, BlockNode, ComponentNode, ConfigNode, NodeKind, RuleContext } from './types.js';

type Bound<N> = { check: (node: N, ctx: RuleContext) => void; ctx: RuleContext }[];

/** Runs the enabled rules' checks as the checker's walk reaches each node; findings go to `sink`. */
export class RuleRunner {
  /** Where findings go; the walk points it at the list it is filling. */
  sink: FileDiagnostic[] = [];
  private readonly bound: { [K in NodeKind]: Bound<never> } = { component: [], block: [], attribute: [], config: [] };

  constructor(dispatch: Dispatch, base: { catalog: ComponentCatalog; module: boolean }) {
    for (const kind of Object.keys(this.bound) as NodeKind[]) {
      for (const { rule, severity, check } of dispatch[kind]) {
        const ctx: RuleContext = { ...base, report: (f) => this.sink.push({ ...f, code: rule.id, severity }) };
        (this.bound[kind] as Bound<unknown>).push({ check: check as (n: unknown, c: RuleContext) => void, ctx });
      }
    }
  }

  /** True when some enabled rule visits this kind of node. */
  visits(kind: NodeKind): boolean {
    return this.bound[kind].length > 0;
  }

  component(n: ComponentNode): void {
    for (const b of this.bound.component as Bound<ComponentNode>) b.check(n, b.ctx);
  }

  block(n: BlockNode): void {
    for (const b of this.bound.block as Bound<BlockNode>) b.check(n, b.ctx);
  }

  attribute(n: AttributeNode): void {
    for (const b of this.bound.attribute as Bound<AttributeNode>) b.check(n, b.ctx);
  }

  config(n: ConfigNode): void {
    for (const b of this.bound.config as Bound<ConfigNode>) b.check(n, b.ctx);
  }
}
