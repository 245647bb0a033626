import type { Folder, Host, Settings } from '@alloy-lint/language-service';
import { type Connection, DidChangeWatchedFilesNotification, type InitializeParams, MessageType, ShowMessageNotification, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { Log } from './run-safe.js';
import { CONFIG_FILE, parseConfigFile, resolveSettings } from './settings.js';

/** The client's settings section. */
export const SECTION = 'alloyLint';

const withSlash = (uri: string) => (uri.endsWith('/') ? uri : `${uri}/`);

/**
 * Where settings come from: the client (pulled with `workspace/configuration` per folder when
 * it can answer, else what it pushed in `initializationOptions.settings` or
 * `didChangeConfiguration`) over each folder's `.alloy-lint.json`. Problems in either are
 * shown to the user once each, and logged.
 */
export class SettingsSource {
  private canPull = false;
  private canWatch = false;
  private folders: string[] = [];
  private pushedValue: unknown;
  private readonly shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly host: Host,
    private readonly log: Log,
  ) {}

  initialize(params: InitializeParams): void {
    this.canPull = params.capabilities.workspace?.configuration === true;
    this.canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.folders = (params.workspaceFolders ?? []).map((f) => withSlash(f.uri));
    if (!this.folders.length && params.rootUri) this.folders = [withSlash(params.rootUri)];
    // `{settings: {alloyLint: …}}`, `{settings: {…}}` or `{alloyLint: …}` (Helix's `config`).
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    this.pushedValue = sectionOf(init?.settings) ?? init?.settings ?? sectionOf(init);
  }

  /** Asks the client to report changes of Alloy files and `.alloy-lint.json` (when it can). */
  watch(): void {
    if (!this.canWatch) return;
    void this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.alloy' }, { globPattern: `**/${CONFIG_FILE}` }] })
      .catch((e) => this.log(`could not register file watchers: ${e}`));
  }

  pushed(settings: unknown): void {
    const s = sectionOf(settings);
    if (s !== undefined) this.pushedValue = s;
  }

  foldersChanged(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.map((f) => withSlash(f.uri)));
    this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => withSlash(f.uri))];
  }

  isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE}`);
  }

  /** Current settings: global ones and one entry per workspace folder. */
  async load(): Promise<{ settings: Partial<Settings>; folders: Folder[] }> {
    let global: unknown = this.pushedValue;
    let perFolder: unknown[] = this.folders.map(() => this.pushedValue);
    if (this.canPull) {
      try {
        const items = [{ section: SECTION }, ...this.folders.map((f) => ({ scopeUri: f, section: SECTION }))];
        [global, ...perFolder] = await this.connection.workspace.getConfiguration(items);
      } catch (e) {
        this.log(`workspace/configuration failed: ${e}`);
      }
    }
    const problems: string[] = [];
    const top = resolveSettings([{ source: 'alloyLint settings', value: global }]);
    for (const p of top.problems) problems.push(p);
    const folders = this.folders.map((uri, i): Folder => {
      const r = resolveSettings([...this.configFile(uri, problems), { source: 'alloyLint settings', value: perFolder[i] }]);
      for (const p of r.problems) problems.push(p);
      return { uri, settings: r.settings };
    });
    for (const p of problems) this.show(p);
    return { settings: top.settings, folders };
  }

  private configFile(folder: string, problems: string[]): { source: string; value: unknown }[] {
    const uri = `${folder}${CONFIG_FILE}`;
    let text: string | Uint8Array | undefined;
    try {
      text = this.host.readFile?.(uri);
    } catch (e) {
      problems.push(`${uri}: ${(e as Error).message}`);
    }
    if (text === undefined) return [];
    const { value, problem } = parseConfigFile(uri, text);
    if (problem) problems.push(problem);
    return value === undefined ? [] : [{ source: uri, value }];
  }

  private show(problem: string): void {
    this.log(`settings: ${problem}`);
    if (this.shown.has(problem)) return;
    this.shown.add(problem);
    // A notification, not a request: nothing waits for the user to dismiss it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `alloy-lint: ${problem}` }).catch(() => undefined);
  }
}

/** `{alloyLint: {...}}` → `{...}`; anything else → undefined. */
function sectionOf(settings: unknown): unknown {
  if (settings && typeof settings === 'object' && SECTION in settings) return (settings as Record<string, unknown>)[SECTION];
  return undefined;
}
