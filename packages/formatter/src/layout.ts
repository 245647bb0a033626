/**
 * Layout characters shared by the printer, the aligner and the trimmer.
 *
 * The printer produces text mixed with these control characters; the
 * aligner (tabwriter) turns tabs and vertical tabs into aligned columns and
 * form feeds into newlines that end an alignment run; the trimmer removes
 * what is left over.
 */

/**
 * Marks the start and the end of text that must be copied verbatim (comments).
 * NUL can never occur in a file that parsed, so it is free to use.
 */
export const ESC = 0;

/** Pending whitespace requests, held until the next token is known. */
export const enum Ws {
  /** A cancelled request. */
  Ignore = 0,
  Blank = 0x20,
  /** Cell separator: text on either side is aligned across lines. */
  VTab = 0x0b,
  Newline = 0x0a,
  /** A newline that also ends the current alignment run. */
  Formfeed = 0x0c,
  Indent = 0x3e,
  Unindent = 0x3c,
}
