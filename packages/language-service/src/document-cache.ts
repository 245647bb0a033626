import { parse, type ParseResult, SourceFile } from '@alloy-lint/parser';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Host } from './types.js';

/** One version of a document: its text and, parsed on first use, its tree. */
export interface Doc {
  uri: string;
  /** `open:<n>` for an editor version, `disk:<n>` for a read through the host. */
  version: string;
  text: string;
  parsed(): ParseResult;
}

/** Work done so far, for tests and the server's logs. */
export const counters = { parses: 0, analyses: 0 };

export function makeDoc(uri: string, version: string, text: string): Doc {
  let result: ParseResult | undefined;
  return {
    uri,
    version,
    text,
    parsed: () => {
      if (!result) {
        counters.parses++;
        result = parse(new SourceFile(text, uri));
      }
      return result;
    },
  };
}

/**
 * The documents the service sees: those open in the editor (their versions are the
 * editor's) over those read through the host (cached until `invalidate`). Each version is
 * parsed once and the tree shared by every feature.
 */
export class DocumentCache {
  private readonly open = new Map<string, { doc: TextDocument; entry: Doc }>();
  private readonly disk = new Map<string, Doc | null>();
  private generation = 0;
  /** Documents that live inside others (Alloy in YAML): a Doc, null for a virtual URI that is gone, undefined for other URIs. */
  virtualDocs?: (uri: string) => Doc | null | undefined;

  constructor(private readonly host: Host) {}

  setOpen(uri: string, version: number, text: string): void {
    const doc = TextDocument.create(uri, 'alloy', version, text);
    this.open.set(uri, { doc, entry: makeDoc(uri, `open:${version}`, text) });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const cur = this.open.get(uri);
    const base = cur?.doc ?? TextDocument.create(uri, 'alloy', version, this.get(uri)?.text ?? '');
    const doc = TextDocument.update(base, changes, version);
    this.open.set(uri, { doc, entry: makeDoc(uri, `open:${version}`, doc.getText()) });
  }

  close(uri: string): void {
    this.open.delete(uri);
    this.disk.delete(uri);
  }

  /** Drops what was read of `uri` through the host. */
  invalidate(uri: string): void {
    this.disk.delete(uri);
    this.generation++;
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The current version of a document, or undefined when it neither is open nor exists. */
  get(uri: string): Doc | undefined {
    const v = this.virtualDocs?.(uri);
    if (v !== undefined) return v ?? undefined;
    const o = this.open.get(uri);
    if (o) return o.entry;
    let d = this.disk.get(uri);
    if (d === undefined) {
      let text: string | Uint8Array | undefined;
      try {
        text = this.host.readFile?.(uri);
      } catch {
        text = undefined;
      }
      d = text === undefined ? null : makeDoc(uri, `disk:${this.generation}`, typeof text === 'string' ? text : new SourceFile(text).text);
      this.disk.set(uri, d);
    }
    return d ?? undefined;
  }

  /** A stamp that changes whenever the document's content may have changed. */
  stamp(uri: string): string {
    return this.get(uri)?.version ?? 'absent';
  }
}
