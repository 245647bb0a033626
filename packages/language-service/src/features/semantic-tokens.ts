import { byteLength } from '@alloy-lint/gostd';
import { type Block, type Expr, type Ident, type Stmt, walk } from '@alloy-lint/parser';
import { isStdlibIdentifier } from '@alloy-lint/values';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { CONFIG_BLOCK_NAMES, SERVICE_NAMES } from '../facts.js';
import { chainIdents } from '../locate.js';

const TYPES = ['namespace', 'type', 'class', 'struct', 'function', 'variable', 'property', 'parameter', 'string', 'number', 'keyword', 'comment'] as const;
const MODIFIERS = ['declaration', 'defaultLibrary', 'deprecated'] as const;
type TokenType = (typeof TYPES)[number];

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

interface Tok {
  start: number;
  end: number;
  type: TokenType;
  mods: number;
}

const DECL = 1;
const LIB = 2;

/**
 * Tokens by meaning: component names (namespace + type), custom components (class), config
 * blocks (keyword), labels, attributes (property; arguments of custom components:
 * parameter), references (component, label, export), stdlib functions, literals, comments.
 */
export function semanticTokens(ctx: DocContext): SemanticTokens {
  const toks: Tok[] = [];
  const custom = new Set<string>();
  for (const s of ctx.ast.body) if (s.kind === 'Block' && (s.fullName === 'declare' || s.fullName.startsWith('import.')) && s.label) custom.add(s.label);
  const catalog = ctx.catalog;
  const stmts = (body: Stmt[], depth: number, inCustom: boolean) => {
    for (const s of body) {
      if (s.kind === 'Attribute') {
        toks.push({ start: s.name.start, end: s.name.end, type: inCustom ? 'parameter' : 'property', mods: 0 });
        expr(s.value);
        continue;
      }
      const isCustom = custom.has(s.name[0]) && depth === 0;
      blockName(s, depth, isCustom);
      if (s.labelSpan) toks.push({ start: s.labelSpan.start, end: s.labelSpan.end, type: 'string', mods: DECL });
      if (depth < 200) stmts(s.body, s.fullName === 'declare' || s.fullName === 'template' ? 0 : depth + 1, isCustom);
    }
  };
  const blockName = (b: Block, depth: number, isCustom: boolean) => {
    const name = b.fullName;
    const top = depth === 0;
    let type: TokenType = top ? (isCustom ? 'class' : 'type') : 'struct';
    if (top && (CONFIG_BLOCK_NAMES.includes(name) || SERVICE_NAMES.includes(name))) type = 'keyword';
    const lib = top && !isCustom && type === 'type' && catalog?.component(name) ? LIB : 0;
    let at = b.nameSpan.start;
    b.name.forEach((part, i) => {
      const len = byteLength(part);
      const last = i === b.name.length - 1;
      toks.push({ start: at, end: at + len, type: last || type !== 'type' ? type : 'namespace', mods: lib });
      at += len + 1;
    });
  };
  const expr = (e: Expr) =>
    walk(e, {
      enter(n) {
        if (!('kind' in n)) {
          // An object field: its key.
          if ('value' in n) toks.push({ start: n.name.start, end: n.name.end, type: n.quoted ? 'string' : 'property', mods: 0 });
          return 'value' in n;
        }
        if (n.kind === 'Literal') {
          toks.push({ start: n.start, end: n.end, type: n.litKind === 'STRING' ? 'string' : n.litKind === 'NUMBER' || n.litKind === 'FLOAT' ? 'number' : 'keyword', mods: 0 });
          return false;
        }
        if (n.kind === 'Identifier' || n.kind === 'Access') {
          const ids = chainIdents(n);
          if (ids) {
            reference(ids);
            return false;
          }
          if (n.kind === 'Access') toks.push({ start: n.name.start, end: n.name.end, type: 'property', mods: 0 });
        }
        return true;
      },
    });
  const reference = (ids: Ident[]) => {
    const names = ids.map((i) => i.name);
    const push = (i: number, type: TokenType, mods = 0) => toks.push({ start: ids[i].start, end: ids[i].end, type, mods });
    if (isStdlibIdentifier(names[0])) {
      ids.forEach((_, i) => push(i, i === ids.length - 1 ? 'function' : 'namespace', LIB));
      return;
    }
    let k = 0;
    for (let n = names.length - 1; n >= 1; n--) if (catalog?.component(names.slice(0, n).join('.'))) {
      k = n;
      break;
    }
    if (k === 0 && custom.has(names[0])) k = 1;
    if (k === 0 && names[0] === 'argument') k = 1;
    ids.forEach((_, i) => push(i, i < k - 1 ? 'namespace' : i === k - 1 ? (names[0] === 'argument' ? 'keyword' : custom.has(names[0]) ? 'class' : 'type') : i === k ? 'variable' : 'property'));
  };
  stmts(ctx.ast.body, 0, false);
  for (const g of ctx.ast.comments) for (const c of g) toks.push({ start: c.start, end: c.end, type: 'comment', mods: 0 });
  return { data: encode(ctx, toks) };
}

/** LSP's relative encoding, one token per line (multi-line strings and comments are split). */
function encode(ctx: DocContext, toks: Tok[]): number[] {
  toks.sort((a, b) => a.start - b.start);
  const src = ctx.source;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of toks) {
    let start = t.start;
    while (start < t.end) {
      const line = src.lineIndex(start);
      const lineEnd = line + 1 < src.lineStarts.length ? src.lineStarts[line + 1] - 1 : src.bytes.length;
      const end = Math.min(t.end, lineEnd);
      const a = ctx.position(start);
      const b = ctx.position(end);
      if (b.character > a.character) {
        data.push(a.line - prevLine, a.line === prevLine ? a.character - prevChar : a.character, b.character - a.character, TYPES.indexOf(t.type), t.mods);
        prevLine = a.line;
        prevChar = a.character;
      }
      start = lineEnd + 1;
    }
  }
  return data;
}
