/**
 * Formats Alloy configuration files byte-identically to `alloy fmt`.
 *
 * Pipeline: the walker feeds tokens to the printer, which places comments
 * and emits UTF-8 text with layout characters, recording its cells as it
 * goes; the tabwriter aligns columns; the trimmer drops trailing blanks and
 * the escape markers. The result is decoded to a string once, at the end.
 */
import { parse, type Diagnostic, type File, type SourceFile } from '@alloy-lint/parser';
import { releaseBuffer } from './buffer.js';
import { releaseLaidOut } from './laidout.js';
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

function print(file: File, source: SourceFile, finalNewline: boolean): string {
  const printer = new Printer(source);
  new Walker(printer, source).walkFile(file);
  const laidOut = printer.finish();
  const trimmer = new Trimmer(laidOut.text.length + 16);
  new TabWriter(trimmer).write(laidOut);
  releaseLaidOut(laidOut);
  if (finalNewline) trimmer.out.push(0x0a);
  const text = trimmer.out.toString();
  releaseBuffer(trimmer.out);
  return text;
}

/**
 * Prints a parsed file the way Alloy's printer does, without the final
 * newline that `alloy fmt` adds. The tree must come from a parse without
 * diagnostics.
 */
export function printFile(file: File, source: SourceFile): string {
  return print(file, source, false);
}

/** What `alloy fmt` prints for `input`, or the syntax errors that make it refuse. */
export function format(input: string | Uint8Array, name = ''): FormatResult {
  const { source, ast, diagnostics } = parse(input, name);
  if (diagnostics.length > 0) return { diagnostics, source };
  return { text: print(ast, source, true), diagnostics, source };
}
