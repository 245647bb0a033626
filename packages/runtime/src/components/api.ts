// The contract between the scheduler and one simulated component.

import type { Block, Expr, SourceFile, Stmt } from '@alloy-lint/parser';
import type { ComponentCatalog } from '@alloy-lint/schemas';
import type { EvalResult, Scope, Value } from '@alloy-lint/values';
import type { Flow } from '../flow.js';
import type { Host } from '../host.js';
import type { SinkReport, TargetsReport } from '../report.js';
import type { Samples } from '../samples.js';

export interface SimContext {
  /** Full component id (`loki.process.default`, or `module.x.p/loki.process.p` inside a module). */
  id: string;
  /** Block name: `loki.process`. */
  name: string;
  label: string;
  block: Block;
  source: SourceFile;
  flow: Flow;
  host: Host;
  samples: Samples;
  /** The Alloy release's catalog the configuration is run against. */
  catalog: ComponentCatalog;
  tracing: boolean;
  /** The scope the component's expressions see, and the environment for sys.env. */
  scope: Scope;
  env: Readonly<Record<string, string>>;
  /** Evaluates an attribute of `body` (the block's own by default); undefined when absent. Throws SimError. */
  attr(name: string, body?: Stmt[]): Value | undefined;
  /** Like attr, but a missing attribute is an error. */
  required(name: string, body?: Stmt[]): Value;
  /** Sub-blocks with the given (dotted) name, in order. */
  blocks(name: string, body?: Stmt[]): Block[];
  /** Evaluates an expression in the component's scope, never throwing. */
  evaluate(e: Expr): EvalResult;
  warn(message: string): void;
}

export interface Simulator {
  exports: Record<string, Value>;
  /** Entry points: send their entries (called once the whole graph is evaluated). */
  emit?(): void;
  /** Called after every source emitted: release what is buffered (multiline stages). */
  flush?(): void;
  targets?(): TargetsReport;
  sink?(): SinkReport;
  metrics?(): string;
  /** Set when the component runs only in part (shown instead of `simulated`). */
  status?: { status: 'not simulated'; message: string };
}

export type SimFactory = (ctx: SimContext) => Simulator;
