/**
 * Formats Alloy configuration files byte-identically to `alloy fmt`.
 *
 * Pipeline: the walker feeds tokens to the printer, which places comments
 * and emits text with layout characters; the tabwriter aligns columns; the
 * trimmer drops trailing blanks and the escape markers.
 */
import { parse, type Diagnostic, type File, type SourceFile } from '@alloy-lint/parser';
import { releaseBuffer } from './buffer.js';
import { Printer } from './printer.js';
import { TabWriter } from './tabwriter.js';
import { Trimmer } from './trimmer.js';
import { Walker } from './walker.js';

export interface FormatResult {
  /** The formatted file, ending in one newline; absent when the input does not parse. */
  text?: string;
  /** Syntax errors; formatting is refused when there are any. */
  diagnostics: Diagnostic[];
  source: SourceFile;
}

/**
 * Prints a parsed file the way Alloy's printer does, without the final
 * newline that `alloy fmt` adds. The tree must come from a parse without
 * diagnostics.
 */
export function printFile(file: File, source: SourceFile): string {
  const printer = new Printer(source);
  new Walker(printer, source).walkFile(file);
  const laidOut = printer.finish();
  const trimmer = new Trimmer(laidOut.length + 16);
  new TabWriter(trimmer).write(laidOut.data, laidOut.length);
  releaseBuffer(laidOut);
  const text = trimmer.out.toString();
  releaseBuffer(trimmer.out);
  return text;
}

/** What `alloy fmt` prints for `input`, or the syntax errors that make it refuse. */
export function format(input: string | Uint8Array, name = ''): FormatResult {
  const { source, ast, diagnostics } = parse(input, name);
  if (diagnostics.length > 0) return { diagnostics, source };
  return { text: printFile(ast, source) + '\n', diagnostics, source };
}
