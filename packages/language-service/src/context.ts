import { utf8Decode } from '@alloy-lint/gostd';
import type { ComponentCatalog } from '@alloy-lint/analyzer';
import { Scopes } from '@alloy-lint/graph';
import type { File, ParseResult, SourceFile } from '@alloy-lint/parser';
import type { Position, Range } from 'vscode-languageserver-types';
import { toOffset, toPosition, toRange } from './convert.js';
import type { Doc } from './document-cache.js';
import type { GroupAnalysis, Workspace } from './workspace.js';

/**
 * What a feature needs about one document, computed on first use and shared: the tree of
 * this version, the configuration's analysis, the catalog, the scopes.
 */
export class DocContext {
  private parsedCache?: ParseResult;
  private gaCache?: GroupAnalysis;

  constructor(
    readonly ws: Workspace,
    readonly uri: string,
    readonly doc: Doc,
  ) {}

  get parsed(): ParseResult {
    return (this.parsedCache ??= this.doc.parsed());
  }
  get source(): SourceFile {
    return this.parsed.source;
  }
  get ast(): File {
    return this.parsed.ast;
  }
  get text(): string {
    return this.doc.text;
  }
  get ga(): GroupAnalysis {
    return (this.gaCache ??= this.ws.analysisFor(this.uri));
  }
  /** The file's name in the analysis. */
  get name(): string {
    return this.ga.nameOf(this.uri);
  }
  get catalog(): ComponentCatalog | undefined {
    return this.ws.catalog(this.ws.settingsFor(this.uri).alloyVersion);
  }
  /** Scoping of the analysed graph (undefined when nothing could be analysed). */
  get scopes(): Scopes | undefined {
    return scopesOf(this.ga);
  }

  offset(p: Position): number {
    return toOffset(this.source, p);
  }
  position(offset: number): Position {
    return toPosition(this.source, offset);
  }
  range(start: number, end: number): Range {
    return toRange(this.source, start, end);
  }
  /** Source text of bytes [start, end). */
  slice(start: number, end: number): string {
    return utf8Decode(this.source.bytes, start, end);
  }

  /** Context of another file of the configuration (or any document the workspace can read). */
  other(uri: string): DocContext | undefined {
    if (uri === this.uri) return this;
    const d = this.ws.docs.get(uri);
    return d ? new DocContext(this.ws, uri, d) : undefined;
  }
}

const scopeCache = new WeakMap<GroupAnalysis, Scopes | null>();

/** Scoping of an analysis's graph, built once. */
export function scopesOf(ga: GroupAnalysis): Scopes | undefined {
  let s = scopeCache.get(ga);
  if (s === undefined) {
    const g = ga.analysis.graph;
    scopeCache.set(ga, (s = g ? new Scopes(g) : null));
  }
  return s ?? undefined;
}
