/**
 * A small lexical tracker of Alloy text, fed left to right, that says what kind of
 * thing would stand at the current end: string content, an expression, a statement,
 * a block label. Used to pick the shape of a template placeholder.
 */

export type Slot =
  /** Inside a string, raw string or comment: any identifier-like text fits. */
  | 'text'
  /** Where an expression or an identifier goes. */
  | 'expr'
  /** A whole line in a block body or at the top level. */
  | 'statement'
  /** Between a block name and its `{`. */
  | 'label';

type Last = 'none' | 'ident' | 'string' | 'open' | 'close' | 'assign' | 'comma' | 'colon' | 'op' | 'dot' | 'number';
type Frame = 'block' | 'object' | 'list' | 'paren';

const isIdent = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';

export class AlloyContext {
  private mode: 'code' | 'string' | 'raw' | 'line' | 'block' = 'code';
  private escape = false;
  private stack: Frame[] = [];
  private last: Last = 'none';
  private lineBlank = true;
  private lastChar = '\n';
  private prev = '';

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) this.step(text[i]);
  }

  private step(c: string): void {
    const prev = this.prev;
    this.prev = c;
    switch (this.mode) {
      case 'string':
        if (this.escape) this.escape = false;
        else if (c === '\\') this.escape = true;
        else if (c === '"') {
          this.mode = 'code';
          this.last = 'string';
        } else if (c === '\n') this.mode = 'code';
        break;
      case 'raw':
        if (c === '`') {
          this.mode = 'code';
          this.last = 'string';
        }
        break;
      case 'line':
        if (c === '\n') {
          this.mode = 'code';
          this.lineBlank = true;
        }
        break;
      case 'block':
        if (c === '/' && prev === '*') {
          this.mode = 'code';
          this.prev = '';
        }
        break;
      default:
        this.code(c, prev);
    }
    this.lastChar = c;
  }

  private code(c: string, prev: string): void {
    if (c === '\n') {
      this.lineBlank = true;
      return;
    }
    if (c === ' ' || c === '\t' || c === '\r') return;
    this.lineBlank = false;
    if (c === '/' && prev === '/' && this.last === 'op') {
      this.mode = 'line';
      this.last = this.beforeSlash;
      return;
    }
    if (c === '*' && prev === '/' && this.last === 'op') {
      this.mode = 'block';
      this.prev = '';
      this.last = this.beforeSlash;
      return;
    }
    if (c === '/') this.beforeSlash = this.last;
    if (c === '"') this.mode = 'string';
    else if (c === '`') this.mode = 'raw';
    else if (c === '{') {
      const top = this.stack[this.stack.length - 1];
      const statementLevel = top === undefined || top === 'block';
      this.stack.push(statementLevel && (this.last === 'ident' || this.last === 'string') ? 'block' : 'object');
      this.last = 'open';
    } else if (c === '[' || c === '(') {
      this.stack.push(c === '[' ? 'list' : 'paren');
      this.last = 'open';
    } else if (c === '}' || c === ']' || c === ')') {
      this.stack.pop();
      this.last = 'close';
    } else if (c === '=') this.last = prev === '=' || prev === '!' || prev === '<' || prev === '>' ? 'op' : 'assign';
    else if (c === ',') this.last = 'comma';
    else if (c === ':') this.last = 'colon';
    else if (c === '.') this.last = this.last === 'number' ? 'number' : 'dot';
    else if (isIdent(c)) {
      if (!(this.last === 'ident' || this.last === 'number') || !isIdent(this.lastChar)) this.last = c >= '0' && c <= '9' ? 'number' : 'ident';
    } else this.last = 'op';
  }

  private beforeSlash: Last = 'none';

  /** The slot at the current end, given the text that follows on the same line. */
  slot(rest: string): Slot {
    if (this.mode !== 'code') return 'text';
    const top = this.stack[this.stack.length - 1];
    const next = rest.trimStart();
    const glued = isIdent(this.lastChar) || this.lastChar === '.' || (next.length > 0 && rest[0] !== ' ' && rest[0] !== '\t' && (isIdent(next[0]) || next[0] === '.'));
    if (glued) return 'expr';
    const body = top === undefined || top === 'block' || top === 'object';
    if (this.lineBlank && next === '' && body) return 'statement';
    if (this.last === 'ident' && (top === undefined || top === 'block') && next.startsWith('{')) return 'label';
    return 'expr';
  }
}
