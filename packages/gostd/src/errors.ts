// Errors carrying Go's message text. Plain classes (not Error subclasses): they are
// thrown and caught on hot paths, where capturing a stack trace would cost more than the work.

/** An error whose `message` is the text Go's `err.Error()` returns. */
export class GoError {
  constructor(readonly message: string) {}
  toString(): string {
    return this.message;
  }
}

/** strconv.ErrSyntax's text. */
export const ERR_SYNTAX = 'invalid syntax';
/** strconv.ErrRange's text. */
export const ERR_RANGE = 'value out of range';
