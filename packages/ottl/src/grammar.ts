// The OTTL grammar (contrib pkg/ottl v0.153.0, grammar.go) as a chevrotain parser that builds the
// syntax tree directly. contrib's parser (participle) tries alternatives in order and backtracks;
// the gates below make the same choices with a few tokens of lookahead. Every tree-building step
// sits in ACTION so chevrotain's grammar recording never runs it.
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import type * as A from './ast.js';
import * as T from './lexer.js';
import { messages } from './grammar-messages.js';
import { decodeBytes, decodeFloat, decodeInt, decodeString } from './literals.js';

/** A problem found while parsing, as [start, end) offsets into the OTTL text. */
export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

const isType = (tok: IToken, type: TokenType) => tok.tokenType === type;
const isName = (tok: IToken) => tok.tokenType === T.Upper || tok.tokenType === T.Lower;
const isWord = (tok: IToken, word: string) => tok.tokenType === T.Lower && tok.image === word;
const end = (tok: IToken) => tok.startOffset + tok.image.length;

export class OttlGrammar extends EmbeddedActionsParser {
  /** Problems that the grammar accepts but contrib rejects (editor used as a converter, ...). */
  problems: SyntaxProblem[] = [];
  constructor() {
    super(T.ALL_TOKENS.filter((tt) => tt !== T.WS), { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages });
    this.performSelfAnalysis();
  }

  /** The next unconsumed token (EOF when none is left). */
  next(): IToken {
    return this.LA(1);
  }

  private report(message: string, start: number, stop: number): void {
    this.problems.push({ message, start, end: Math.max(stop, start) });
  }

  /** Number of adjacent name tokens from LA(k): contrib glues them into one function name. */
  private nameRun(k = 1): number {
    let n = 0;
    while (isName(this.LA(k + n))) n++;
    return n;
  }

  private callAhead(): boolean {
    const n = this.nameRun();
    return n > 0 && isType(this.LA(n + 1), T.LParen);
  }

  /** `(`…`)` starts a sub-condition unless a comparison or math operator follows the closing paren. */
  private parenIsCondition(): boolean {
    let depth = 0;
    for (let k = 1; ; k++) {
      const tok = this.LA(k);
      if (tok.tokenType.name === 'EOF') return true;
      if (isType(tok, T.LParen)) depth++;
      else if (isType(tok, T.RParen) && --depth === 0) {
        const next = this.LA(k + 1);
        return !(isType(next, T.CompOp) || isType(next, T.AddSub) || isType(next, T.MultDiv));
      }
    }
  }

  private lastEnd(): number {
    return end(this.LA(0));
  }

  /** editor or converter call: name tokens, `(`, arguments, `)`, then keys. */
  callExpr = this.RULE('callExpr', (): A.CallExpr => {
    const names: IToken[] = [];
    this.AT_LEAST_ONE(() => {
      const tok = this.OR([{ ALT: () => this.CONSUME(T.Upper) }, { ALT: () => this.CONSUME(T.Lower) }]);
      this.ACTION(() => names.push(tok));
    });
    this.CONSUME(T.LParen);
    const args: A.Arg[] = [];
    this.OPTION(() => {
      const first = this.SUBRULE(this.arg);
      this.ACTION(() => args.push(first));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        const next = this.SUBRULE2(this.arg);
        this.ACTION(() => args.push(next));
      });
    });
    this.CONSUME(T.RParen);
    const keys: A.Key[] = [];
    this.MANY2(() => {
      const k = this.SUBRULE(this.key);
      this.ACTION(() => keys.push(k));
    });
    return this.ACTION(() => {
      const first = names[0];
      const last = names[names.length - 1];
      return {
        kind: 'Call',
        name: names.map((n) => n.image).join(''),
        nameSpan: { start: first.startOffset, end: end(last) },
        editor: isType(first, T.Lower),
        args,
        keys,
        start: first.startOffset,
        end: this.lastEnd(),
      } as A.CallExpr;
    });
  });

  arg = this.RULE('arg', (): A.Arg => {
    const start = this.LA(1).startOffset;
    let name: A.Ident | undefined;
    this.OPTION({
      GATE: () => isType(this.LA(1), T.Lower) && isType(this.LA(this.nameRun() + 1), T.Equal),
      DEF: () => {
        const parts: IToken[] = [];
        this.AT_LEAST_ONE(() => {
          const tok = this.OR([{ ALT: () => this.CONSUME(T.Lower) }, { ALT: () => this.CONSUME(T.Upper) }]);
          this.ACTION(() => parts.push(tok));
        });
        this.CONSUME(T.Equal);
        this.ACTION(() => {
          name = { name: parts.map((p) => p.image).join(''), start: parts[0].startOffset, end: end(parts[parts.length - 1]) };
        });
      },
    });
    const value = this.OR2([
      {
        // A bare function name: several name tokens starting upper-case, with no `(` after them.
        GATE: () => isType(this.LA(1), T.Upper) && this.nameRun() > 1 && !this.callAhead(),
        ALT: () => this.SUBRULE(this.funcName),
      },
      { ALT: () => this.SUBRULE(this.value) },
    ]);
    return this.ACTION(() => ({ name, value, start, end: this.lastEnd() }));
  });

  funcName = this.RULE('funcName', (): A.FuncName => {
    const parts: IToken[] = [];
    this.AT_LEAST_ONE(() => {
      const tok = this.OR([{ ALT: () => this.CONSUME(T.Upper) }, { ALT: () => this.CONSUME(T.Lower) }]);
      this.ACTION(() => parts.push(tok));
    });
    return this.ACTION(() => ({ kind: 'FuncName', name: parts.map((p) => p.image).join(''), start: parts[0].startOffset, end: this.lastEnd() }));
  });

  value = this.RULE('value', (): A.Value =>
    this.OR([
      {
        GATE: () => isWord(this.LA(1), 'nil'),
        ALT: () => {
          const tok = this.CONSUME(T.Lower);
          return this.ACTION(() => ({ kind: 'Nil', start: tok.startOffset, end: end(tok) }) as A.NilLit);
        },
      },
      { ALT: () => this.literal(this.CONSUME(T.Bytes)) },
      { ALT: () => this.literal(this.CONSUME(T.Str)) },
      { ALT: () => this.literal(this.CONSUME(T.Bool)) },
      { ALT: () => this.SUBRULE(this.map) },
      { ALT: () => this.SUBRULE(this.list) },
      {
        // An enum is one upper-case token that no lower-case token or `(` follows.
        GATE: () => isType(this.LA(1), T.Upper) && !isName(this.LA(2)) && !isType(this.LA(2), T.LParen),
        ALT: () => {
          const tok = this.CONSUME(T.Upper);
          return this.ACTION(() => ({ kind: 'Enum', name: tok.image, start: tok.startOffset, end: end(tok) }) as A.EnumLit);
        },
      },
      { ALT: () => this.SUBRULE(this.mathExpr) },
    ]),
  );

  /** Builds a literal node; bad contents (escapes, ranges) become problems, not failures. */
  private literal(tok: IToken): A.Value {
    return this.ACTION(() => {
      const span = { start: tok.startOffset, end: end(tok) };
      const fail = (msg: string) => this.report(msg, span.start, span.end);
      switch (tok.tokenType) {
        case T.Bytes: return { kind: 'Bytes', value: decodeBytes(tok.image, fail), ...span };
        case T.Str: return { kind: 'String', value: decodeString(tok.image, fail), ...span };
        case T.Bool: return { kind: 'Bool', value: tok.image === 'true', ...span };
        case T.Int: return { kind: 'Int', value: decodeInt(tok.image, fail), ...span };
        default: return { kind: 'Float', value: decodeFloat(tok.image), ...span };
      }
    });
  }

  mathExpr = this.RULE('mathExpr', (): A.Value => {
    let left = this.SUBRULE(this.mathTerm);
    this.MANY(() => {
      const op = this.CONSUME(T.AddSub);
      const right = this.SUBRULE2(this.mathTerm);
      this.ACTION(() => {
        left = { kind: 'Math', op: op.image as '+' | '-', left, right, start: left.start, end: right.end };
      });
    });
    return left;
  });

  mathTerm = this.RULE('mathTerm', (): A.Value => {
    let left = this.SUBRULE(this.mathValue);
    this.MANY(() => {
      const op = this.CONSUME(T.MultDiv);
      const right = this.SUBRULE2(this.mathValue);
      this.ACTION(() => {
        left = { kind: 'Math', op: op.image as '*' | '/', left, right, start: left.start, end: right.end };
      });
    });
    return left;
  });

  mathValue = this.RULE('mathValue', (): A.Value =>
    this.OR([
      {
        ALT: () => {
          const open = this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.mathExpr);
          this.CONSUME(T.RParen);
          return this.ACTION(() => ({ kind: 'Paren', inner, start: open.startOffset, end: this.lastEnd() }) as A.ParenExpr);
        },
      },
      { GATE: () => this.callAhead(), ALT: () => this.SUBRULE(this.callExpr) },
      { ALT: () => this.literal(this.CONSUME(T.Float)) },
      { ALT: () => this.literal(this.CONSUME(T.Int)) },
      { ALT: () => this.SUBRULE(this.path) },
    ]),
  );

  path = this.RULE('path', (): A.PathExpr => {
    const fields: A.Field[] = [];
    const field = (tok: IToken, keys: A.Key[]): A.Field => ({ name: tok.image, keys, start: tok.startOffset, end: this.lastEnd() });
    const first = this.CONSUME(T.Lower);
    const firstKeys: A.Key[] = [];
    this.MANY(() => {
      const k = this.SUBRULE(this.key);
      this.ACTION(() => firstKeys.push(k));
    });
    this.ACTION(() => fields.push(field(first, firstKeys)));
    this.MANY2(() => {
      this.CONSUME(T.Dot);
      const tok = this.CONSUME2(T.Lower);
      const keys: A.Key[] = [];
      this.MANY3(() => {
        const k = this.SUBRULE2(this.key);
        this.ACTION(() => keys.push(k));
      });
      this.ACTION(() => fields.push(field(tok, keys)));
    });
    return this.ACTION(() => {
      const node: A.PathExpr = { kind: 'Path', fields, start: first.startOffset, end: this.lastEnd() };
      // contrib reads `(Lowercase '.')?` first: a key-less first segment followed by a dot.
      if (fields.length > 1 && fields[0].keys.length === 0) {
        const c = fields.shift()!;
        node.context = { name: c.name, start: c.start, end: c.end };
      }
      return node;
    });
  });

  key = this.RULE('key', (): A.Key => {
    const open = this.CONSUME(T.LBracket);
    const value = this.OR([
      { ALT: () => this.literal(this.CONSUME(T.Str)) },
      { GATE: () => isType(this.LA(2), T.RBracket), ALT: () => this.literal(this.CONSUME(T.Int)) },
      { ALT: () => this.SUBRULE(this.mathExpr) },
    ]);
    this.CONSUME(T.RBracket);
    return this.ACTION(() => ({ value, start: open.startOffset, end: this.lastEnd() }));
  });

  /** `[a, b]` (contrib also accepts `[a b]`), or a comprehension `[x for x in list if cond]`. */
  list = this.RULE('list', (): A.Value => {
    const open = this.CONSUME(T.LBracket);
    const items: A.Value[] = [];
    let comp: Omit<A.Comprehension, 'start' | 'end' | 'yield' | 'kind'> | undefined;
    const forAhead = () => isWord(this.LA(1), 'for') && isType(this.LA(2), T.Lower) && isWord(this.LA(3), 'in');
    this.MANY({
      GATE: () => !(items.length === 1 && forAhead()),
      DEF: () => {
        const v = this.SUBRULE(this.value);
        this.ACTION(() => items.push(v));
      },
    });
    this.OPTION({
      GATE: () => items.length === 1 && forAhead(),
      DEF: () => {
        this.CONSUME(T.Lower);
        const id = this.CONSUME2(T.Lower);
        this.CONSUME3(T.Lower);
        const list = this.SUBRULE2(this.value);
        let cond: A.BoolExpr | undefined;
        this.OPTION2({
          GATE: () => isWord(this.LA(1), 'if'),
          DEF: () => {
            this.CONSUME4(T.Lower);
            const c = this.SUBRULE(this.boolExpr);
            this.ACTION(() => (cond = c));
          },
        });
        this.ACTION(() => (comp = { ident: { name: id.image, start: id.startOffset, end: end(id) }, list, cond }));
      },
    });
    this.MANY2(() => {
      this.CONSUME(T.Comma);
      const v = this.SUBRULE3(this.value);
      this.ACTION(() => items.push(v));
    });
    this.CONSUME(T.RBracket);
    return this.ACTION(() => {
      const span = { start: open.startOffset, end: this.lastEnd() };
      if (comp && items.length === 1) return { kind: 'Comprehension', yield: items[0], ...comp, ...span } as A.Comprehension;
      return { kind: 'List', items, ...span } as A.ListExpr;
    });
  });

  map = this.RULE('map', (): A.MapExpr => {
    const open = this.CONSUME(T.LBrace);
    const entries: A.MapEntry[] = [];
    this.MANY(() => {
      const k = this.CONSUME(T.Str);
      this.CONSUME(T.Colon);
      const v = this.SUBRULE(this.value);
      this.OPTION(() => this.CONSUME(T.Comma));
      this.ACTION(() => entries.push({ key: this.literal(k) as A.StringLit, value: v, start: k.startOffset, end: v.end }));
    });
    this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ kind: 'Map', entries, start: open.startOffset, end: this.lastEnd() }));
  });

  boolExpr = this.RULE('boolExpr', (): A.BoolExpr => {
    const items: A.BoolExpr[] = [this.SUBRULE(this.boolTerm)];
    this.MANY(() => {
      this.CONSUME(T.Or);
      const t = this.SUBRULE2(this.boolTerm);
      this.ACTION(() => items.push(t));
    });
    return this.ACTION(() => (items.length === 1 ? items[0] : { kind: 'Or', items, start: items[0].start, end: items[items.length - 1].end }));
  });

  boolTerm = this.RULE('boolTerm', (): A.BoolExpr => {
    const items: A.BoolExpr[] = [this.SUBRULE(this.boolValue)];
    this.MANY(() => {
      this.CONSUME(T.And);
      const v = this.SUBRULE2(this.boolValue);
      this.ACTION(() => items.push(v));
    });
    return this.ACTION(() => (items.length === 1 ? items[0] : { kind: 'And', items, start: items[0].start, end: items[items.length - 1].end }));
  });

  boolValue = this.RULE('boolValue', (): A.BoolExpr => {
    const not = this.OPTION(() => this.CONSUME(T.Not));
    const expr = this.OR([
      {
        GATE: () => isType(this.LA(1), T.LParen) && this.parenIsCondition(),
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.boolExpr);
          this.CONSUME(T.RParen);
          return inner;
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
    return this.ACTION(() => (not ? { kind: 'Not', expr, start: not.startOffset, end: this.lastEnd() } : expr));
  });

  /** `value op value`, or alone `true`/`false`/a converter call. */
  comparison = this.RULE('comparison', (): A.BoolExpr => {
    const left = this.SUBRULE(this.value);
    let op: IToken | undefined;
    let right: A.Value | undefined;
    this.OPTION(() => {
      op = this.CONSUME(T.CompOp);
      right = this.SUBRULE2(this.value);
    });
    return this.ACTION((): A.BoolExpr => {
      if (op && right) return { kind: 'Compare', op: op.image as A.Comparison['op'], left, right, start: left.start, end: right.end };
      if (left.kind === 'Bool' || (left.kind === 'Call' && !left.editor)) return { kind: 'Const', value: left, start: left.start, end: left.end };
      this.report('a condition must compare two values (==, !=, <, <=, >, >=), or be true, false or a converter call', left.start, left.end);
      return { kind: 'Const', value: { kind: 'Bool', value: false, start: left.start, end: left.end }, start: left.start, end: left.end };
    });
  });

  statement = this.RULE('statement', (): A.Statement => {
    const editor = this.SUBRULE(this.callExpr);
    let where: A.BoolExpr | undefined;
    this.OPTION({
      GATE: () => isWord(this.LA(1), 'where'),
      DEF: () => {
        this.CONSUME(T.Lower);
        const w = this.SUBRULE(this.boolExpr);
        this.ACTION(() => (where = w));
      },
    });
    return this.ACTION(() => ({ kind: 'Statement', editor, where, start: editor.start, end: this.lastEnd() }));
  });
}
