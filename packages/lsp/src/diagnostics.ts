import type { LanguageService } from '@alloy-lint/language-service';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Log } from './run-safe.js';

/** Time after the last edit before diagnostics are computed (typing does not re-check per key). */
export const DEFAULT_DELAY_MS = 150;

export type Publish = (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => void;

/**
 * Publishes diagnostics of open documents: at once for a document just opened, after a quiet
 * period for edits (every edit restarts the wait and adds the documents it affects). A check
 * that throws publishes one error saying so, never an empty list that would read as "clean".
 */
export class DiagnosticsScheduler {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly ls: () => LanguageService,
    private readonly publish: Publish,
    private readonly log: Log,
    private readonly delayMs = DEFAULT_DELAY_MS,
  ) {}

  /** Records the editor's version of an open document (published with its diagnostics). */
  version(uri: string, version: number | undefined): void {
    if (version === undefined) this.versions.delete(uri);
    else this.versions.set(uri, version);
  }

  isOpen(uri: string): boolean {
    return this.versions.has(uri);
  }

  /** Re-checks `uris` after the quiet period. */
  later(uris: Iterable<string>): void {
    for (const u of uris) this.pending.add(u);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Re-checks `uris` now (documents just opened; configuration changes). */
  now(uris: Iterable<string>): void {
    for (const u of uris) {
      this.pending.delete(u);
      this.check(u);
    }
  }

  /** Clears the diagnostics of a closed document. */
  clear(uri: string): void {
    this.pending.delete(uri);
    this.versions.delete(uri);
    this.publish(uri, undefined, []);
  }

  /** Every open document. */
  open(): string[] {
    return [...this.versions.keys()];
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.pending.clear();
  }

  private flush(): void {
    this.timer = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    for (const u of uris) this.check(u);
  }

  private check(uri: string): void {
    if (!this.versions.has(uri)) return;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.ls().diagnostics(uri);
    } catch (e) {
      this.log(`diagnostics of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Error,
          source: 'alloy-lint',
          code: 'internal-error',
          message: 'alloy-lint could not check this file (an internal error; the language server log has the details)',
        },
      ];
    }
    this.publish(uri, this.versions.get(uri), diagnostics);
  }
}
