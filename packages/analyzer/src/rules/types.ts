import type { Attribute, Block, Edit } from '@alloy-lint/parser';
import type { StaticType } from '@alloy-lint/values';
import type { AttrSpec, BodySpec, ComponentCatalog, ComponentSpec, Severity } from '../schema.js';
import type { ConfigGraph, GraphNode } from '../graph-types.js';

/** The kinds of node a rule can visit (each check is registered for one kind, as Langium registers validations). */
export type NodeKind = 'component' | 'block' | 'attribute' | 'config';

/** A component block (built-in or custom), visited once after its body was checked. */
export interface ComponentNode {
  file: string;
  node: GraphNode;
  /** The catalog's definition; undefined for custom components (declare, import). */
  spec?: ComponentSpec;
}

/**
 * A block with a known schema: a component's body, one of its nested blocks, or a config block.
 * Block and attribute nodes are valid during the check's call only: copy what you keep.
 */
export interface BlockNode {
  file: string;
  block: Block;
  spec: BodySpec;
  /** Name of the top-level block this one is in: `loki.process`, `logging`. */
  component: string;
  /** Names of the nested blocks from the top-level block down to this one (empty for the top-level block). */
  path: readonly string[];
}

/** An attribute the schema knows, with its expected type and the type of its value. */
export interface AttributeNode {
  file: string;
  attribute: Attribute;
  spec: AttrSpec;
  component: string;
  /** Nested block names down to the block holding the attribute. */
  path: readonly string[];
  /** The type the attribute expects (from the schema). */
  expected: StaticType;
  /** The static type of the value written. */
  actual: StaticType;
}

/** The whole configuration, visited once after every block was checked. */
export interface ConfigNode {
  graph: ConfigGraph;
  /** True when Alloy would refuse the block with this id or a block it is wired to (rules use it to avoid knock-on noise). */
  troubled(id: string): boolean;
}

/** What a check reports: the rule's id and severity are added by the registry. */
export interface Finding {
  file: string;
  start: number;
  /** Exclusive end byte offset. */
  end: number;
  message: string;
  hint?: string;
  fix?: { title: string; edits: Edit[] };
  related?: { file: string; start: number; end: number; message: string }[];
}

export interface RuleContext {
  catalog: ComponentCatalog;
  /** True when the files are a module body (loaded through import.*). */
  module: boolean;
  report(f: Finding): void;
}

export interface Checks {
  component?: (node: ComponentNode, ctx: RuleContext) => void;
  block?: (node: BlockNode, ctx: RuleContext) => void;
  attribute?: (node: AttributeNode, ctx: RuleContext) => void;
  config?: (node: ConfigNode, ctx: RuleContext) => void;
}

/**
 * Where a rule's findings come from: `alloy` — Alloy itself reports them (`alloy validate`
 * or loading the config); `lint` — our own advice beyond Alloy.
 */
export type RuleOrigin = 'alloy' | 'lint';

/** One rule: its metadata and, for rules beyond the validator's walk, its checks per node kind. */
export interface Rule {
  id: string;
  /** Default severity; every diagnostic with this id gets it unless a setting changes it. */
  severity: Severity;
  origin: RuleOrigin;
  /**
   * True when Alloy refuses a configuration with this problem (it will not load it): such a
   * rule cannot be switched off, lowered or silenced by a comment.
   */
  refusedByAlloy: boolean;
  /** One line, for listings. */
  description: string;
  /** A paragraph for the docs: what it finds, why it matters, how to fix it. */
  docs: string;
  /** Checks by node kind; absent for findings the validator or type checker reports itself. */
  checks?: Checks;
}
