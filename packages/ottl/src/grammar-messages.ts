// Wording of chevrotain's parse errors in this project's terms.
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { describeToken, TOKEN_LABEL } from './lexer.js';

const label = (tt: TokenType) => TOKEN_LABEL[tt.name] ?? tt.name;

const firstTokens = (paths: TokenType[][][]): string => {
  const seen = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) seen.add(label(path[0]));
  const list = [...seen];
  if (list.length === 0) return '';
  if (list.length > 6) return '';
  return ` (expected ${list.length === 1 ? list[0] : list.slice(0, -1).join(', ') + ' or ' + list[list.length - 1]})`;
};

export const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken }) {
    return `expected ${label(expected)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }) {
    return `unexpected ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }) {
    return `unexpected ${describeToken(actual[0])}${firstTokens(expectedPathsPerAlt)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[] }) {
    return `unexpected ${describeToken(actual[0])}${firstTokens([expectedIterationPaths])}`;
  },
};
