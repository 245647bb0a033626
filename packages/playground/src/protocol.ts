// Messages between the page and the worker that runs the language service and the runtime.
// Positions, ranges and results are LSP's (the language service's own types).
import type { CompletionList, Diagnostic, Hover, Location, Position, SemanticTokens, TextEdit } from 'vscode-languageserver-types';
import type { Settings } from './share.js';

/** A rule the settings panel lists. */
export interface RuleInfo {
  id: string;
  severity: string;
  description: string;
}

export interface Info {
  /** Alloy releases with schemas in the build. */
  versions: string[];
  rules: RuleInfo[];
  tokenTypes: string[];
  tokenModifiers: string[];
}

/** What a check of the current text returns: the editor's decorations. */
export interface Checked {
  version: number;
  diagnostics: Diagnostic[];
  tokens: SemanticTokens;
}

export interface Graph {
  svg: string;
  /** Where each node and cluster id of the SVG is defined. */
  locations: Record<string, Location>;
}

/** `alloy-lint run --trace` as text, coloured with markers (see run-view.ts), and a summary. */
export interface RunOutput {
  /** False when the config or samples did not load. */
  ok: boolean;
  text: string;
  sinks: { component: string; entries: { line: string; labels: Record<string, string> }[] }[];
}

export interface TestOutput {
  text: string;
  passed: boolean;
}

/** Requests: method name → [params, result]. */
export interface Methods {
  info: [void, Info];
  configure: [{ settings: Settings }, void];
  update: [{ version: number; text: string }, Checked];
  complete: [{ position: Position }, CompletionList];
  hover: [{ position: Position }, Hover | null];
  definition: [{ position: Position }, Location[]];
  format: [void, TextEdit[]];
  graph: [void, Graph];
  run: [{ samples: string }, RunOutput];
  test: [{ test: string; samples: string }, TestOutput];
}

export type Method = keyof Methods;
export interface Request<M extends Method = Method> {
  id: number;
  method: M;
  params: Methods[M][0];
}
export type Response = { id: number; result: unknown } | { id: number; error: string };

/** The one document the playground edits, as the service names it. */
export const CONFIG_URI = 'file:///playground/config.alloy';
