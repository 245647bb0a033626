/**
 * Token printer. The walker feeds it tokens, position hints and whitespace
 * requests; the printer decides where comments go, applies indentation and
 * produces UTF-8 text with layout characters for the aligner (see layout.ts
 * and laidout.ts). Identifiers and literals are copied from the source bytes
 * when those spell them exactly.
 *
 * The printer tracks two positions: an estimate of where it is in the
 * *source* (set exactly whenever the walker gives a position, otherwise
 * advanced by what is written), and the column it has reached in the
 * *output*. Comment placement depends on the source estimate, so it is kept
 * in bytes, like offsets in the AST.
 */
import type { Comment, CommentGroup, SourceFile } from '@alloy-lint/parser';
import { type LaidOut, takeLaidOut } from './laidout.js';
import { Ws } from './layout.js';
import { LineLocator } from './lines.js';
import { byteLength } from '@alloy-lint/gostd';

/** What was printed last; only a few kinds matter to the printer. */
export type LastTok = 'LITERAL' | 'IDENT' | 'NUMBER' | 'FLOAT' | 'STRING' | 'BOOL' | 'NULL' | 'DIV' | 'OP' | 'EOF';

/** Most whitespace requests a printer holds before it writes them out anyway. */
const WS_CAPACITY = 16;
/** At most one blank line is kept between things. */
const MAX_NEWLINES = 2;
const FAR = Number.MAX_SAFE_INTEGER;

export class Printer {
  /** Text produced so far. */
  private readonly out: LaidOut;
  private readonly src: Uint8Array;
  private indent = 0;
  private lastTok: LastTok = 'LITERAL';
  private readonly ws: Ws[] = new Array<Ws>(WS_CAPACITY).fill(Ws.Ignore);
  private wsLen = 0;

  private groups: CommentGroup[] = [];
  private groupIdx = 0;
  private group: CommentGroup = [];
  /** Start offset of the next comment group, or -1 when there is none left. */
  private commentPos = -1;

  /** Estimated source position: byte offset and 1-based line. */
  private posOffset = 0;
  private posLine = 1;
  /** Source line reached by the last text written (0: nothing yet). */
  private lastLine = 0;
  /** Column reached in the output; 1 means a fresh line that still needs its indentation. */
  private outColumn = 1;
  private readonly lines: LineLocator;

  constructor(src: SourceFile) {
    this.lines = new LineLocator(src);
    this.src = src.bytes;
    this.out = takeLaidOut(256 + src.bytes.length + (src.bytes.length >> 2));
  }

  private lineOf(offset: number): number {
    return this.lines.lineOf(offset);
  }

  setComments(groups: CommentGroup[]): void {
    this.groups = groups;
    this.groupIdx = 0;
    this.commentPos = -1;
    this.nextComment();
  }

  private nextComment(): void {
    while (this.groupIdx < this.groups.length) {
      const g = this.groups[this.groupIdx++];
      if (g.length > 0) {
        this.group = g;
        this.commentPos = g[0].start;
        return;
      }
    }
    this.commentPos = -1;
  }

  private commentBefore(nextOffset: number): boolean {
    return this.commentPos >= 0 && this.commentPos <= nextOffset;
  }

  /** Queues a whitespace request. */
  space(w: Ws): void {
    if (w === Ws.Ignore) return;
    if (this.wsLen === WS_CAPACITY) this.writeWhitespace(WS_CAPACITY);
    this.ws[this.wsLen++] = w;
    this.lastTok = 'LITERAL';
  }

  /** Tells the printer the exact source offset of what comes next. */
  at(offset: number): void {
    this.posOffset = offset;
    this.posLine = this.lineOf(offset);
  }

  /** Prints an identifier or a literal, exactly as given. */
  text(data: string, kind: LastTok): void {
    this.lastTok = kind;
    const from = this.beginToken();
    this.wrote(from, this.out.appendString(data), false);
  }

  /**
   * Prints an identifier or a literal spelled exactly by the source bytes
   * [start, end); same as text() with their decoding, without the decoding.
   */
  copy(start: number, end: number, kind: LastTok): void {
    this.lastTok = kind;
    const from = this.beginToken();
    this.wrote(from, this.out.appendBytes(this.src, start, end), false);
  }

  /** Prints an operator or punctuation token. */
  token(data: string, kind: LastTok = 'OP'): void {
    // Keep `1 .x` and `/ *` from fusing into another token when re-read.
    const ch = data.charCodeAt(0);
    if ((this.lastTok === 'NUMBER' && ch === 0x2e) || (this.lastTok === 'DIV' && ch === 0x2a)) {
      if (this.wsLen !== 0) throw new Error('printer: whitespace buffer not empty');
      this.ws[this.wsLen++] = Ws.Blank;
    }
    this.lastTok = kind;
    const from = this.beginToken();
    if (data.length === 1) {
      // All one-character tokens are printable ASCII.
      this.out.text.push(ch);
      this.wrote(from, true, false);
    } else {
      this.wrote(from, this.out.appendString(data), false);
    }
  }

  /** Writes what goes before the next token; returns the text index where the token starts. */
  private beginToken(): number {
    const nextOffset = this.posOffset;
    const nextLine = this.posLine;
    this.flush(nextOffset, nextLine, this.lastTok);
    this.startText(nextOffset, nextLine);
    return this.out.text.length;
  }

  /**
   * Writes the comments still pending and returns the text, layout characters
   * included, cut into cells. The caller releases it (releaseLaidOut).
   */
  finish(): LaidOut {
    this.flush(FAR, FAR, 'EOF');
    this.out.finish();
    return this.out;
  }

  private flush(nextOffset: number, nextLine: number, tok: LastTok): void {
    if (this.commentBefore(nextOffset)) this.injectComments(nextOffset, nextLine, tok);
    else if (tok !== 'EOF') this.writeWhitespace(this.wsLen);
  }

  private injectComments(nextOffset: number, nextLine: number, tok: LastTok): void {
    let lastComment: Comment | undefined;
    while (this.commentBefore(nextOffset)) {
      for (const c of this.group) {
        const line = this.lineOf(c.start);
        this.writeCommentPrefix(nextLine, line);
        this.writeComment(c.start, line, c);
        lastComment = c;
      }
      this.nextComment();
    }
    this.writeCommentSuffix(nextLine, tok, lastComment!);
  }

  private writeCommentPrefix(nextLine: number, cLine: number): void {
    if (this.out.text.length === 0) return;
    if (cLine === this.lastLine) {
      // Same line as the previous token: a tab lets trailing comments line up;
      // a comment followed by more code on its line only gets a space.
      this.writeByte(cLine === nextLine ? 0x20 : 0x09, 1);
      return;
    }
    // On a later line: keep indentation changes queued before the first
    // line break, drop the other whitespace (we write our own newlines).
    const ws = this.ws;
    let count = 0;
    for (let i = 0; i < this.wsLen; i++) {
      const w = ws[i];
      if (w === Ws.Indent || w === Ws.Unindent) continue;
      if (w === Ws.Blank || w === Ws.VTab || w === Ws.Newline || w === Ws.Formfeed) ws[i] = Ws.Ignore;
      count = i;
      break;
    }
    this.writeWhitespace(count);
    const newlines = this.lastLine > 0 ? cLine - this.lastLine : 0;
    if (newlines > 0) this.writeByte(0x0c, Math.min(newlines, MAX_NEWLINES));
  }

  private writeCommentSuffix(nextLine: number, tok: LastTok, lastComment: Comment): void {
    if (tok === 'EOF') return; // no blank lines at the end of the file
    const endLine = this.lineOf(lastComment.start + byteLength(lastComment.text) - 1);
    if (lastComment.text.charCodeAt(1) === 0x2a && nextLine === endLine) this.writeByte(0x20, 1);
    const newlines = nextLine - this.lastLine;
    let droppedFF = false;
    const ws = this.ws;
    for (let i = 0; i < this.wsLen; i++) {
      const w = ws[i];
      if (w === Ws.Blank || w === Ws.VTab) ws[i] = Ws.Ignore;
      else if (w === Ws.Newline || w === Ws.Formfeed) {
        if (w === Ws.Formfeed) droppedFF = true;
        ws[i] = Ws.Ignore;
      }
    }
    this.writeWhitespace(this.wsLen);
    if (newlines > 0) this.writeByte(droppedFF ? 0x0c : 0x0a, Math.min(newlines, MAX_NEWLINES));
  }

  /** Appends comment `c`, known to sit at source `offset`/`line`, protected from the aligner. */
  private writeComment(offset: number, line: number, c: Comment): void {
    this.startText(offset, line);
    const out = this.out;
    out.escape();
    const from = out.text.length;
    // Without carriage returns and multi-byte characters, the source bytes are the text.
    if (c.end - c.start === c.text.length) this.wrote(from, out.appendBytes(this.src, c.start, c.end), true);
    else this.wrote(from, out.appendString(c.text), true);
    out.escape();
  }

  /** Indents a fresh line; what is written next sits at source `offset`/`line`. */
  private startText(offset: number, line: number): void {
    if (this.outColumn === 1) this.writeIndent();
    this.posOffset = offset;
    this.posLine = line;
  }

  /** Accounts for the text appended since text index `from`. */
  private wrote(from: number, plain: boolean, escaped: boolean): void {
    const end = this.out.text.length;
    const bytes = end - from;
    this.posOffset += bytes;
    const newlines = plain ? 0 : this.out.account(from, escaped);
    if (newlines > 0) {
      this.posLine += newlines;
      this.outColumn = end - this.out.lastNewline;
    } else {
      this.outColumn += bytes;
    }
    this.lastLine = this.posLine;
  }

  private writeIndent(): void {
    const depth = this.indent;
    if (depth > 0) this.out.tabs(depth);
    this.posOffset += depth;
    this.outColumn += depth;
  }

  /** Writes a layout character `n` times. */
  private writeByte(ch: number, n: number): void {
    if (this.outColumn === 1) this.writeIndent();
    if (ch === 0x20) this.out.blanks(n);
    else for (let i = 0; i < n; i++) this.out.layout(ch);
    this.posOffset += n;
    if (ch === 0x0a || ch === 0x0c) {
      this.posLine += n;
      this.outColumn = 1;
    } else {
      this.outColumn += n;
    }
  }

  /** Writes the first `n` queued whitespace requests and drops them from the queue. */
  private writeWhitespace(n: number): void {
    const ws = this.ws;
    for (let i = 0; i < n; i++) {
      const w = ws[i];
      switch (w) {
        case Ws.Ignore:
          break;
        case Ws.Indent:
          this.indent++;
          break;
        case Ws.Unindent:
          if (--this.indent < 0) throw new Error('printer: negative indentation');
          break;
        default:
          this.writeByte(w, 1);
      }
    }
    for (let i = n; i < this.wsLen; i++) ws[i - n] = ws[i];
    this.wsLen -= n;
  }
}
