import { type ComponentCatalog, type FileDiagnostic, requiredFieldsMissing } from '@alloy-lint/analyzer';
import type { Block, Stmt } from '@alloy-lint/parser';
import { type CodeAction, CodeActionKind, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { toDiagnostic, toTextEdit } from '../convert.js';
import { blockFacts } from '../facts.js';
import { blocksAt } from '../locate.js';
import { missingText } from '../snippets.js';
import { fileDiagnostics } from './diagnostics.js';

/** The command an editor runs to switch the Alloy release of a folder: arguments `[version, uri]`. */
export const SWITCH_RELEASE_COMMAND = 'alloy-lint.switchRelease';

/**
 * Fixes for the diagnostics in a range: every fix the checker carries, adding missing
 * required arguments, removing unknown ones, silencing a rule on a line, switching to an
 * Alloy release that has the component.
 */
export function codeActions(ctx: DocContext, range: Range, context: CodeActionContext): CodeAction[] {
  const start = ctx.offset(range.start);
  const end = ctx.offset(range.end);
  const wanted = (k: string) => !context.only || context.only.some((o) => k === o || k.startsWith(o + '.'));
  if (!wanted(CodeActionKind.QuickFix)) return [];
  const out: CodeAction[] = [];
  const src = ctx.source;
  for (const d of fileDiagnostics(ctx)) {
    if (d.end < start || d.start > end) continue;
    const diag = toDiagnostic(src, d, () => undefined);
    const edit = (title: string, edits: TextEdit[], preferred = false): void => {
      out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: { changes: { [ctx.uri]: edits } }, isPreferred: preferred || undefined });
    };
    if (d.fix) edit(d.fix.title, d.fix.edits.map((e) => toTextEdit(src, e)), true);
    if (d.code === 'missing-required') addMissing(ctx, d, edit);
    if (d.code === 'unknown-attribute' || d.code === 'unknown-block') removeStatement(ctx, d, edit);
    if (d.code === 'unknown-component' || d.code === 'unknown-attribute' || d.code === 'unknown-block') switchRelease(ctx, d, diag, out);
    if (d.code !== 'syntax') disableRule(ctx, d, edit);
  }
  return out;
}

function addMissing(ctx: DocContext, d: FileDiagnostic, edit: (t: string, e: TextEdit[]) => void): void {
  const blocks = blocksAt(ctx.ast, d.start + 1);
  const body = blocks.length ? blocks[blocks.length - 1].body : ctx.ast.body;
  const b = body.find((s): s is Block => s.kind === 'Block' && s.start === d.start);
  if (!b) return;
  const facts = blockFacts(ctx, [...blocks, b]);
  if (!facts.spec) return;
  const missing = requiredFieldsMissing(b, facts.spec);
  if (missing.length === 0) return;
  const indent = indentOf(ctx, b.start) + indentUnit(ctx);
  const closeLine = ctx.source.lineIndex(b.rcurly);
  const sameLine = ctx.source.lineIndex(b.lcurly) === closeLine;
  const text = missingText(missing, indent);
  const at = sameLine ? b.rcurly : ctx.source.lineStarts[closeLine];
  edit(`Add missing required ${missing.length === 1 ? `"${missing[0].name}"` : `arguments (${missing.map((m) => m.name).join(', ')})`}`, [
    { range: ctx.range(at, at), newText: sameLine ? `\n${text}\n${indentOf(ctx, b.start)}` : `${text}\n` },
  ]);
}

function removeStatement(ctx: DocContext, d: FileDiagnostic, edit: (t: string, e: TextEdit[]) => void): void {
  const blocks = blocksAt(ctx.ast, d.start + 1);
  const inner = blocks.at(-1)?.start === d.start ? blocks.slice(0, -1) : blocks;
  const body: Stmt[] = inner.length ? inner[inner.length - 1].body : ctx.ast.body;
  const s = body.find((x) => x.start === d.start);
  if (!s) return;
  const src = ctx.source;
  const first = src.lineIndex(s.start);
  const last = src.lineIndex(Math.max(s.end - 1, s.start));
  const lineStart = src.lineStarts[first];
  const nextLine = last + 1 < src.lineStarts.length ? src.lineStarts[last + 1] : src.bytes.length;
  const alone = ctx.slice(lineStart, s.start).trim() === '' && ctx.slice(s.end, nextLine).trim() === '';
  const name = s.kind === 'Attribute' ? s.name.name : s.fullName;
  edit(`Remove unknown ${s.kind === 'Attribute' ? 'attribute' : 'block'} "${name}"`, [alone ? { range: ctx.range(lineStart, nextLine), newText: '' } : { range: ctx.range(s.start, s.end), newText: '' }]);
}

function disableRule(ctx: DocContext, d: FileDiagnostic, edit: (t: string, e: TextEdit[]) => void): void {
  const line = ctx.source.lineIndex(d.start);
  const at = ctx.source.lineStarts[line];
  edit(`Disable ${d.code} for this line`, [{ range: ctx.range(at, at), newText: `${indentOf(ctx, at)}// alloy-lint-disable-next-line ${d.code}\n` }]);
}

function switchRelease(ctx: DocContext, d: FileDiagnostic, diag: Diagnostic, out: CodeAction[]): void {
  const current = ctx.ws.settingsFor(ctx.uri).alloyVersion;
  const blocks = blocksAt(ctx.ast, d.start + 1);
  const body = blocks.length ? blocks[blocks.length - 1].body : ctx.ast.body;
  const s = d.code === 'unknown-component' ? undefined : body.find((x) => x.start === d.start) ?? blocks.at(-1);
  const path = (d.code === 'unknown-component' ? blocks.concat(body.filter((x): x is Block => x.kind === 'Block' && x.start === d.start)) : blocks).map((b) => b.fullName);
  const field = s && (s.kind === 'Attribute' ? s.name.name : s.fullName);
  for (const v of ctx.ws.host.versions?.() ?? []) {
    if (v === current) continue;
    const catalog = ctx.ws.catalog(v);
    if (!catalog || !hasPath(catalog, path, field)) continue;
    out.push({ title: `Switch to Alloy ${v} (it has ${field ?? path.join('.')})`, kind: CodeActionKind.QuickFix, diagnostics: [diag], command: { title: `Switch to Alloy ${v}`, command: SWITCH_RELEASE_COMMAND, arguments: [v, ctx.uri] } });
  }
}

/** Whether a release knows the component `path[0]`, its nested blocks and, when given, the field. */
function hasPath(catalog: ComponentCatalog, path: string[], field?: string): boolean {
  if (path.length === 0) return false;
  let spec = catalog.component(path[0])?.args;
  if (!catalog.component(path[0])) return false;
  for (const p of path.slice(1)) {
    const f = spec?.kind === 'struct' ? spec.fields.find((x) => x.name === p) : undefined;
    spec = f?.kind === 'block' ? f.body : undefined;
  }
  return field === undefined || (spec?.kind === 'struct' && spec.fields.some((f) => f.name === field));
}

/** The document's indentation step: a tab, or the smallest run of leading spaces. */
function indentUnit(ctx: DocContext): string {
  let spaces = 0;
  for (const m of ctx.text.matchAll(/^([ \t]+)\S/gm)) {
    if (m[1].startsWith('\t')) return '\t';
    if (spaces === 0 || m[1].length < spaces) spaces = m[1].length;
  }
  return spaces ? ' '.repeat(spaces) : '\t';
}

/** Leading white space of the line holding `offset`. */
function indentOf(ctx: DocContext, offset: number): string {
  const src = ctx.source;
  const line = src.lineIndex(offset);
  const end = line + 1 < src.lineStarts.length ? src.lineStarts[line + 1] : src.bytes.length;
  return /^[ \t]*/.exec(ctx.slice(src.lineStarts[line], end))?.[0] ?? '';
}
