// OTTL tokens. contrib's lexer is an ordered list of regexes where the first rule that
// matches at a position wins (not the longest); chevrotain's lexer works the same way, so the
// order below is the order that decides. Signs belong to numbers (`-1` is one Int token), and
// names are split at case changes (`IsMatch` is Upper `I`, Lower `s`, Upper `M`, Lower `atch`):
// the parser glues adjacent name tokens back together where the grammar asks for a name.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

const t = (name: string, pattern: RegExp, extra: { group?: string } = {}) => createToken({ name, pattern, ...extra });

export const Bytes = t('Bytes', /0x[a-fA-F0-9]+/);
export const Float = t('Float', /[-+]?[0-9]*\.[0-9]+(?:[eE][-+]?[0-9]+)?/);
export const Int = t('Int', /[-+]?[0-9]+/);
export const Str = t('String', /"(?:\\[^\n]|[^\\"])*"/);
export const Not = t('OpNot', /not\b/);
export const Or = t('OpOr', /or\b/);
export const And = t('OpAnd', /and\b/);
export const CompOp = t('OpComparison', /==|!=|>=|<=|>|</);
export const AddSub = t('OpAddSub', /[+-]/);
export const MultDiv = t('OpMultDiv', /[/*]/);
export const Bool = t('Boolean', /(?:true|false)\b/);
export const Equal = t('Equal', /=/);
export const LParen = t('LParen', /\(/);
export const RParen = t('RParen', /\)/);
export const LBrace = t('LBrace', /\{/);
export const RBrace = t('RBrace', /\}/);
export const Colon = t('Colon', /:/);
export const Comma = t('Comma', /,/);
export const Dot = t('Dot', /\./);
export const LBracket = t('LBracket', /\[/);
export const RBracket = t('RBracket', /\]/);
export const Upper = t('Uppercase', /[A-Z][A-Z0-9_]*/);
export const Lower = t('Lowercase', /[a-z][a-z0-9_]*/);
// Go's \s: tab, newline, form feed, carriage return, space (not \v, not Unicode spaces).
export const WS = t('WS', /[\t\n\f\r ]+/, { group: Lexer.SKIPPED });

export const ALL_TOKENS: TokenType[] = [
  Bytes, Float, Int, Str, Not, Or, And, CompOp, AddSub, MultDiv, Bool, Equal,
  LParen, RParen, LBrace, RBrace, Colon, Comma, Dot, LBracket, RBracket, Upper, Lower, WS,
];

export const ottlLexer = new Lexer(ALL_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
});

/** What a token looks like in a message: its text, or "end of statement". */
export function describeToken(tok: IToken): string {
  return tok.tokenType.name === 'EOF' ? 'end of input' : JSON.stringify(tok.image);
}

/** Human names of token types, for "expected …" messages. */
export const TOKEN_LABEL: Record<string, string> = {
  Bytes: 'bytes', Float: 'float', Int: 'integer', String: 'string', OpNot: '"not"', OpOr: '"or"', OpAnd: '"and"',
  OpComparison: 'comparison operator', OpAddSub: '"+" or "-"', OpMultDiv: '"*" or "/"', Boolean: 'true or false',
  Equal: '"="', LParen: '"("', RParen: '")"', LBrace: '"{"', RBrace: '"}"', Colon: '":"', Comma: '","', Dot: '"."',
  LBracket: '"["', RBracket: '"]"', Uppercase: 'converter or enum name', Lowercase: 'name', EOF: 'end of input',
};
