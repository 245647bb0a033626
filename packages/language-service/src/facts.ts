/**
 * The seam between the editor features and the checker: what a block is, its body's
 * fields, the type expected at a position, the type of an export, assignability. Every
 * answer comes from the schemas (through the catalog) and the analyzer; when the checker
 * publishes typed facts, only this file changes.
 */
import { DEFAULT_SERVICES, type AttrSpec, type BlockSpec, type BodySpec, type ComponentSpec, type Stability } from '@alloy-lint/analyzer';
import type { Block, Node } from '@alloy-lint/parser';
import type { DocContext } from './context.js';
import { type DeclareInfo, declareFor } from './declares.js';
import { elementType, valueType } from './types-display.js';

export type BodyKind = 'statements' | 'fields' | 'free' | 'unknown';

/** What a block (given with the blocks around it) is, and what its body may hold. */
export interface BlockFacts {
  /** `statements`: components and config blocks go here (top level, declare, template). */
  body: BodyKind;
  spec?: BodySpec;
  /** The built-in component, for component blocks. */
  component?: ComponentSpec;
  /** The declare, for instances of custom components. */
  declare?: DeclareInfo;
  /** Docs page of the block (component or config block). */
  docs?: string;
  /** Name path from the top-level block: `['loki.write', 'endpoint']`. */
  path: string[];
}

const CONFIG_DOCS = 'https://grafana.com/docs/alloy/latest/reference/config-blocks/';
const TOP: BlockFacts = { body: 'statements', path: [] };

/** Config blocks Alloy knows besides components (their bodies come from the catalog). */
export const CONFIG_BLOCK_NAMES = ['logging', 'tracing', 'declare', 'argument', 'export', 'foreach', 'import.file', 'import.string', 'import.http', 'import.git'];
export const SERVICE_NAMES = [...DEFAULT_SERVICES].filter(([, v]) => v.configurable).map(([k]) => k);

/** Facts about the innermost of `blocks` (the top level when empty). */
export function blockFacts(ctx: DocContext, blocks: Block[]): BlockFacts {
  let facts = TOP;
  for (let i = 0; i < blocks.length; i++) facts = step(ctx, facts, blocks[i], blocks.slice(0, i));
  return facts;
}

function step(ctx: DocContext, outer: BlockFacts, b: Block, around: Block[]): BlockFacts {
  const name = b.fullName;
  const path = [...outer.path, name];
  if (name === 'template' && around.at(-1)?.fullName === 'foreach') return { body: 'statements', path };
  if (outer.body === 'statements') return topLevel(ctx, b, around, path);
  if (outer.body === 'fields' && outer.spec?.kind === 'struct') {
    const f = outer.spec.fields.find((x) => x.name === name);
    if (f?.kind === 'block') return { body: bodyKind(f.body), spec: f.body, path, docs: outer.docs, component: outer.component };
  }
  return { body: 'unknown', path, docs: outer.docs };
}

function topLevel(ctx: DocContext, b: Block, around: Block[], path: string[]): BlockFacts {
  const name = b.fullName;
  const catalog = ctx.catalog;
  if (name === 'declare') return { body: 'statements', path, docs: CONFIG_DOCS + 'declare/' };
  if (CONFIG_BLOCK_NAMES.includes(name) || SERVICE_NAMES.includes(name)) {
    const spec = catalog?.block(name);
    return { body: spec ? bodyKind(spec) : 'unknown', spec, path, docs: CONFIG_DOCS + name + '/' };
  }
  const declare = declareFor(ctx, b, around);
  if (declare) return { body: 'fields', spec: declare.spec, declare, path };
  const component = catalog?.component(name);
  if (component) return { body: component.args ? bodyKind(component.args) : 'fields', spec: component.args ?? { kind: 'struct', fields: [] }, component, docs: component.docs, path };
  return { body: 'unknown', path };
}

function bodyKind(spec: BodySpec): BodyKind {
  return spec.kind === 'struct' ? 'fields' : spec.kind === 'map' ? 'free' : 'unknown';
}

/** The field `name` of a body. */
export function fieldOf(spec: BodySpec | undefined, name: string): AttrSpec | BlockSpec | undefined {
  return spec?.kind === 'struct' ? spec.fields.find((f) => f.name === name) : undefined;
}

/**
 * Type expected at the innermost of `nodes` (outermost first, starting below the
 * attribute) inside a value of type `type`: list elements and map values narrow it.
 */
export function expectedType(type: string, nodes: Node[], offset: number): string {
  let t = type;
  for (const n of nodes) {
    if (!('kind' in n)) continue;
    if (n.kind === 'Array' && offset > n.lbrack && offset <= n.rbrack) t = elementType(t) ?? 'any';
    else if (n.kind === 'Object' && offset > n.lcurly && offset <= n.rcurly) t = valueType(t) ?? 'any';
    else if (n.kind === 'Call' || n.kind === 'Binary' || n.kind === 'Unary' || n.kind === 'Index') return 'any';
  }
  return t;
}

/** Whether a reference of type `from` is offered where `to` is expected: the checker's answer. */
export { offers as fits } from '@alloy-lint/analyzer';

/** Exports of a component as seen by references: name and type. */
export function exportsOf(ctx: DocContext, blockName: string, declare?: DeclareInfo): { name: string; type: string; docs?: string }[] {
  if (declare) return declare.exports.map((e) => ({ name: e.name, type: e.type, docs: e.comment }));
  return ctx.catalog?.component(blockName)?.exports.map((e) => ({ name: e.name, type: e.type })) ?? [];
}

export const STABILITY_TEXT: Record<Stability, string> = {
  experimental: 'experimental',
  'public-preview': 'public preview',
  'generally-available': 'generally available',
};
