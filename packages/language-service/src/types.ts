import type { ComponentCatalog, ImportRequest, ModuleSource, Severity, Stability } from '@alloy-lint/analyzer';
import type { YamlPathSetting } from '@alloy-lint/yaml-embed';
import type {
  CodeAction,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
  SemanticTokensLegend,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-types';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** What the service needs from its surroundings; it does no I/O itself. */
export interface Host {
  /** Component schemas of one Alloy release (`v1.18.1`), or undefined when there are none. */
  catalog(version: string): ComponentCatalog | undefined;
  /** Releases the host has schemas for (offered by the "switch Alloy release" action). */
  versions?(): string[];
  /** Text of a file that is not open in the editor, or undefined when it does not exist. */
  readFile?(uri: string): string | Uint8Array | undefined;
  /** URIs of the `*.alloy` files directly inside a folder, or undefined when it is not one. */
  listFiles?(folderUri: string): string[] | undefined;
  /** Supplies import.git and import.http modules (absent: they are reported as not checked). */
  loadRemoteModule?(req: ImportRequest): ModuleSource;
}

export interface Settings {
  /** Alloy release to check against. Default `v1.18.1`. */
  alloyVersion: string;
  /** Lowest stability level allowed. Default `generally-available`, as Alloy. */
  stabilityLevel: Stability;
  communityComponents: boolean;
  /** Severity per rule id. */
  rules: Record<string, Severity | 'off'>;
  /** Load every `*.alloy` file of a document's folder as one configuration, as Alloy loads a directory. */
  folderAsConfig: boolean;
  /** Inlay hints for defaults not written. Off by default. */
  inlayHints: { defaults: boolean };
  /** Alloy inside YAML documents (ConfigMaps, Helm values, k8s-monitoring): checked and edited in place. Off by default. */
  yaml: boolean;
  /** More YAML keys holding Alloy (yaml-embed patterns, as `.alloy-lint.json`'s `yamlPaths`). */
  yamlPaths: YamlPathSetting[];
}

export const DEFAULT_SETTINGS: Settings = {
  alloyVersion: 'v1.18.1',
  stabilityLevel: 'generally-available',
  communityComponents: false,
  rules: {},
  folderAsConfig: false,
  inlayHints: { defaults: false },
  yaml: false,
  yamlPaths: [],
};

/** A workspace folder, with settings that differ from the service's defaults. */
export interface Folder {
  uri: string;
  settings?: Partial<Settings>;
}

export interface ServiceParams {
  host: Host;
  settings?: Partial<Settings>;
  folders?: Folder[];
}

export type GraphFormat = 'svg' | 'json' | 'dot' | 'mermaid';

/**
 * The editor features, one verb each. Documents are named by URI; positions and ranges are
 * LSP's (lines and UTF-16 characters). Every verb answers for any text, broken or not.
 */
export interface LanguageService {
  /** Sets the full text of an open document (opening it if needed). */
  openDocument(uri: string, version: number, text: string): void;
  /** Applies edits (incremental or full) to an open document. */
  changeDocument(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  closeDocument(uri: string): void;
  /** A file changed on disk (or was created or deleted): cached reads of it are dropped. */
  fileChanged(uri: string): void;
  configure(update: { settings?: Partial<Settings>; folders?: Folder[] }): void;
  /** Open documents whose diagnostics may change when `uri` changes (itself included when open). */
  affectedBy(uri: string): string[];
  /** The text of a document as the service sees it (open or read through the host). */
  getText(uri: string): string | undefined;
  /** Parses and analyses run so far by every service of this process (for logs and tests). */
  stats(): { parses: number; analyses: number };

  diagnostics(uri: string): Diagnostic[];
  complete(uri: string, position: Position): CompletionList;
  hover(uri: string, position: Position): Hover | null;
  signatureHelp(uri: string, position: Position): SignatureHelp | null;
  definition(uri: string, position: Position): Location[];
  references(uri: string, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null;
  rename(uri: string, position: Position, newName: string): WorkspaceEdit | null;
  documentSymbols(uri: string): DocumentSymbol[];
  workspaceSymbols(query: string): WorkspaceSymbol[];
  documentLinks(uri: string): DocumentLink[];
  /** The formatter's output as edits; none when the document has syntax errors. */
  format(uri: string, options?: FormattingOptions, range?: Range): TextEdit[];
  foldingRanges(uri: string): FoldingRange[];
  selectionRanges(uri: string, positions: Position[]): SelectionRange[];
  semanticTokensLegend(): SemanticTokensLegend;
  semanticTokens(uri: string): SemanticTokens;
  codeActions(uri: string, range: Range, context: CodeActionContext): CodeAction[];
  inlayHints(uri: string, range: Range): InlayHint[];
  /** The pipeline of the document's configuration: SVG or the graph package's JSON model. */
  graph(uri: string, format?: GraphFormat): Promise<string>;
}

/** Characters after which an editor should ask for completion and for signature help. */
export const TRIGGER_CHARACTERS = {
  completion: ['.', '"', '[', '='],
  signatureHelp: ['(', ','],
};
