/**
 * Prettier plugin for Grafana Alloy configuration files (`.alloy`).
 *
 * Formatting is delegated entirely to @alloy-lint/formatter, so the output is
 * exactly what `alloy fmt` prints for the text Prettier hands over. Prettier
 * itself adjusts the text around the plugin: it removes a byte-order mark
 * before parsing (and puts it back afterwards), turns CRLF and CR into LF
 * first, and returns empty output for a blank file.
 */
import type { Diagnostic, SourceFile } from '@alloy-lint/parser';
import { format } from '@alloy-lint/formatter';
import type { Parser, Printer, SupportLanguage } from 'prettier';

/** The whole file, already formatted: Alloy's layout is not a Prettier document. */
export interface AlloyRoot {
  type: 'AlloyFile';
  formatted: string;
  start: number;
  end: number;
}

export const AST_FORMAT = 'alloy-formatted';

/** A syntax error in the form Prettier reports: message ending in (line:column), plus `loc`. */
export class AlloySyntaxError extends SyntaxError {
  readonly loc: { start: { line: number; column: number } };

  constructor(
    readonly diagnostics: Diagnostic[],
    source: SourceFile,
  ) {
    const d = diagnostics[0];
    const { line } = source.position(d.start);
    // Prettier and editors count columns in characters; Alloy counts bytes.
    const lineStart = source.lineStarts[line - 1];
    const column = source.utf16Offset(d.start) - source.utf16Offset(lineStart) + 1;
    const more = diagnostics.length > 1 ? ` and ${diagnostics.length - 1} more syntax error(s)` : '';
    super(`${d.message} (${line}:${column})${more}`);
    this.name = 'SyntaxError';
    this.loc = { start: { line, column } };
  }
}

export const languages: SupportLanguage[] = [
  {
    name: 'Alloy',
    parsers: ['alloy'],
    extensions: ['.alloy'],
    vscodeLanguageIds: ['alloy'],
  },
];

const parser: Parser<AlloyRoot> = {
  astFormat: AST_FORMAT,
  parse(text) {
    const res = format(text);
    if (res.text === undefined) throw new AlloySyntaxError(res.diagnostics, res.source);
    return { type: 'AlloyFile', formatted: res.text, start: 0, end: text.length };
  },
  locStart: (node) => node.start,
  locEnd: (node) => node.end,
};

export const parsers: Record<string, Parser<AlloyRoot>> = { alloy: parser };

const printer: Printer<AlloyRoot> = {
  print: (path) => path.node.formatted,
  getVisitorKeys: () => [],
};

export const printers: Record<string, Printer<AlloyRoot>> = { [AST_FORMAT]: printer };

export default { languages, parsers, printers };
