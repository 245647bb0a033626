// Shapes shared by the scheduler and the module loader.

import type { Block, SourceFile, Stmt } from '@alloy-lint/parser';
import type { Value } from '@alloy-lint/values';
import type { SimContext } from './components/api.js';
import type { Host } from './host.js';
import type { ComponentReport } from './report.js';

/** A custom component: a `declare` block, from this file or an imported module. */
export interface Declare {
  name: string;
  body: Stmt[];
  source: SourceFile;
  /** Custom components visible where the declare was written. */
  declares: Map<string, Declare>;
}

/** One scope: the root config, or the body of one custom component instance. */
export interface Frame {
  /** Prefix of component ids in this scope: '' at the root, `module.x.p/` inside an instance. */
  prefix: string;
  scope: Map<string, Value>;
  /** Custom components usable here, by the name they are written with. */
  declares: Map<string, Declare>;
}

export interface BodyNode {
  id: string;
  block: Block;
  source: SourceFile;
  deps: string[];
  /** Position for ordering: file index and offset. */
  pos: [number, number];
}

/** What the module loader needs from the scheduler. */
export interface Evaluator {
  readonly host: Host;
  readonly env: Record<string, string>;
  report(id: string, name: string, status: ComponentReport['status'], message?: string): void;
  context(frame: Frame, id: string, node: BodyNode): SimContext;
  evalBody(frame: Frame, nodes: BodyNode[]): Map<string, Value>;
}
