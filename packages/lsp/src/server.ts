import {
  createLanguageService,
  type GraphFormat,
  type Host,
  type LanguageService,
  SEMANTIC_TOKENS_LEGEND,
  type ServiceParams,
  TRIGGER_CHARACTERS,
} from '@alloy-lint/language-service';
import {
  type CancellationToken,
  CodeActionKind,
  type CompletionList,
  type Connection,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  RequestType,
  type ServerCapabilities,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { DEFAULT_DELAY_MS, DiagnosticsScheduler } from './diagnostics.js';
import { guard, type Log, runSafe } from './run-safe.js';
import { SettingsSource } from './settings-source.js';

export interface ServerOptions {
  /** Schemas and files for the language service (the Node main reads the disk; a browser passes data). */
  host: Host;
  /** Quiet period after an edit before diagnostics are published. */
  diagnosticsDelayMs?: number;
  /** Builds the language service (tests substitute one). */
  createService?: (params: ServiceParams) => LanguageService;
  /** Name and version announced in `initialize`. */
  serverInfo?: { name: string; version?: string };
}

/** `alloy/graph`: the pipeline of a document's configuration (the language service's `graph` verb). */
export const GraphRequest = new RequestType<{ textDocument: { uri: string }; format?: GraphFormat }, string, void>('alloy/graph');

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

/**
 * Wires a connection to the language service: capabilities, the handler table (each request
 * answered through runSafe), document sync with debounced diagnostics, and settings per
 * workspace folder. Returns once the handlers are registered; the caller calls `listen()`.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const log: Log = (m) => connection.console.error(m);
  const ls = (options.createService ?? createLanguageService)({ host: options.host });
  const diags = new DiagnosticsScheduler(
    () => ls,
    (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined),
    log,
    options.diagnosticsDelayMs ?? DEFAULT_DELAY_MS,
  );
  const settings = new SettingsSource(connection, options.host, log);
  let ready: Promise<void> = Promise.resolve();
  const reconfigure = () => {
    ready = settings.load().then((update) => {
      guard(log, 'configure', () => ls.configure(update));
      diags.now(diags.open());
    });
    return ready;
  };

  let folderEvents = false;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings.initialize(params);
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    return { capabilities: capabilities(params), serverInfo: options.serverInfo ?? { name: 'alloy-lint' } };
  });
  connection.onInitialized(() => {
    settings.watch();
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        settings.foldersChanged(e);
        void reconfigure();
      });
    }
    void reconfigure();
  });
  connection.onDidChangeConfiguration((p) => {
    settings.pushed(p.settings);
    void reconfigure();
  });

  // Documents. The language service keeps the text; the scheduler keeps versions and timing.
  connection.onDidOpenTextDocument(({ textDocument: d }) =>
    guard(log, 'didOpen', () => {
      ls.openDocument(d.uri, d.version, d.text);
      diags.version(d.uri, d.version);
      const others = ls.affectedBy(d.uri).filter((u) => u !== d.uri);
      void ready.then(() => {
        diags.now([d.uri]);
        diags.later(others);
      });
    }),
  );
  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) =>
    guard(log, 'didChange', () => {
      ls.changeDocument(d.uri, d.version, contentChanges);
      diags.version(d.uri, d.version);
      diags.later(ls.affectedBy(d.uri));
    }),
  );
  connection.onDidCloseTextDocument(({ textDocument: d }) =>
    guard(log, 'didClose', () => {
      const affected = ls.affectedBy(d.uri).filter((u) => u !== d.uri);
      ls.closeDocument(d.uri);
      diags.clear(d.uri);
      diags.later(affected);
    }),
  );
  connection.onDidChangeWatchedFiles(({ changes }) =>
    guard(log, 'didChangeWatchedFiles', () => {
      let config = false;
      for (const c of changes) {
        if (settings.isConfigFile(c.uri)) config = true;
        ls.fileChanged(c.uri);
        if (c.type !== FileChangeType.Changed || !diags.isOpen(c.uri)) diags.later(ls.affectedBy(c.uri));
      }
      if (config) void reconfigure();
    }),
  );

  // Requests: one line each, from the LSP method to the language service's verb.
  const safe =
    <P, R>(name: string, fallback: R, work: (p: P) => R | Promise<R>) =>
    (p: P, token?: CancellationToken) =>
      runSafe(log, name, fallback, token, async () => {
        await ready;
        return work(p);
      });
  const L = connection.languages;
  connection.onCompletion(safe('completion', EMPTY_COMPLETION, (p) => ls.complete(p.textDocument.uri, p.position)));
  connection.onHover(safe('hover', null, (p) => ls.hover(p.textDocument.uri, p.position)));
  connection.onSignatureHelp(safe('signatureHelp', null, (p) => ls.signatureHelp(p.textDocument.uri, p.position)));
  connection.onDefinition(safe('definition', [], (p) => ls.definition(p.textDocument.uri, p.position)));
  connection.onReferences(safe('references', [], (p) => ls.references(p.textDocument.uri, p.position, p.context.includeDeclaration)));
  connection.onPrepareRename(safe('prepareRename', null, (p) => ls.prepareRename(p.textDocument.uri, p.position)));
  connection.onRenameRequest(safe('rename', null, (p) => ls.rename(p.textDocument.uri, p.position, p.newName)));
  connection.onDocumentSymbol(safe('documentSymbol', [], (p) => ls.documentSymbols(p.textDocument.uri)));
  connection.onWorkspaceSymbol(safe('workspaceSymbol', [], (p) => ls.workspaceSymbols(p.query)));
  connection.onDocumentLinks(safe('documentLink', [], (p) => ls.documentLinks(p.textDocument.uri)));
  connection.onDocumentFormatting(safe('formatting', [], (p) => ls.format(p.textDocument.uri, p.options)));
  connection.onDocumentRangeFormatting(safe('rangeFormatting', [], (p) => ls.format(p.textDocument.uri, p.options, p.range)));
  connection.onFoldingRanges(safe('foldingRange', [], (p) => ls.foldingRanges(p.textDocument.uri)));
  connection.onSelectionRanges(safe('selectionRange', [], (p) => ls.selectionRanges(p.textDocument.uri, p.positions)));
  connection.onCodeAction(safe('codeAction', [], (p) => ls.codeActions(p.textDocument.uri, p.range, p.context)));
  L.semanticTokens.on(safe('semanticTokens', { data: [] }, (p) => ls.semanticTokens(p.textDocument.uri)));
  L.inlayHint.on(safe('inlayHint', [], (p) => ls.inlayHints(p.textDocument.uri, p.range)));
  connection.onRequest(GraphRequest, safe('alloy/graph', '', (p) => ls.graph(p.textDocument.uri, p.format)));

  connection.onShutdown(() => diags.dispose());
}

/** What the server offers, adjusted to what the client can take. */
function capabilities(params: InitializeParams): ServerCapabilities {
  const prepare = params.capabilities.textDocument?.rename?.prepareSupport === true;
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: TRIGGER_CHARACTERS.completion },
    hoverProvider: true,
    signatureHelpProvider: { triggerCharacters: TRIGGER_CHARACTERS.signatureHelp },
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: prepare ? { prepareProvider: true } : true,
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    inlayHintProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
