import { isValidIdentifier } from '@alloy-lint/parser';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { moduleFiles } from '../declares.js';
import { blocksAt } from '../locate.js';
import { type Occurrence, SymbolIndex } from '../symbol-index.js';

function location(ctx: DocContext, uri: string, start: number, end: number): Location | undefined {
  const d = ctx.other(uri);
  return d ? { uri, range: d.range(start, end) } : undefined;
}

/** Where the name at the cursor is defined; for an import's filename, the module's files. */
export function definition(ctx: DocContext, offset: number): Location[] {
  const occ = SymbolIndex.around(ctx, offset).at(ctx.uri, offset);
  if (occ?.sym.def) {
    const loc = location(ctx, occ.sym.def.uri, occ.sym.def.start, occ.sym.def.end);
    return loc ? [loc] : [];
  }
  const imp = blocksAt(ctx.ast, offset).at(-1) ?? ctx.ast.body.find((s) => s.kind === 'Block' && offset >= s.start && offset <= s.end);
  if (imp?.kind === 'Block' && imp.fullName === 'import.file') {
    const fn = imp.body.find((s) => s.kind === 'Attribute' && s.name.name === 'filename');
    if (fn && offset >= fn.start && offset <= fn.end) {
      return moduleFiles(ctx, imp, ctx.uri).map((f) => ({ uri: f.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
    }
  }
  return [];
}

/** Every place the name at the cursor appears in the configuration. */
export function references(ctx: DocContext, offset: number, includeDeclaration: boolean): Location[] {
  const idx = SymbolIndex.for(ctx);
  const occ = idx.at(ctx.uri, offset);
  if (!occ) return [];
  return idx
    .of(occ.sym)
    .filter((o) => includeDeclaration || !o.definition)
    .flatMap((o) => location(ctx, o.uri, o.start, o.end) ?? []);
}

function renamable(ctx: DocContext, offset: number): Occurrence | undefined {
  const occ = SymbolIndex.for(ctx).at(ctx.uri, offset);
  return occ?.sym.renamable ? occ : undefined;
}

export function prepareRename(ctx: DocContext, offset: number): { range: Range; placeholder: string } | null {
  const occ = renamable(ctx, offset);
  return occ ? { range: ctx.range(occ.start, occ.end), placeholder: occ.sym.name } : null;
}

/** Renames a component label, declare, argument, export or import namespace everywhere it is written. */
export function rename(ctx: DocContext, offset: number, newName: string): WorkspaceEdit | null {
  const occ = renamable(ctx, offset);
  if (!occ || !isValidIdentifier(newName)) return null;
  const changes: Record<string, TextEdit[]> = {};
  for (const o of SymbolIndex.for(ctx).of(occ.sym)) {
    const d = ctx.other(o.uri);
    if (!d) continue;
    (changes[o.uri] ??= []).push({ range: d.range(o.start, o.end), newText: newName });
  }
  return { changes };
}
