import { STABILITY_RANK, type AttrSpec, type BlockSpec, type ComponentSpec } from '@alloy-lint/analyzer';
import type { Block } from '@alloy-lint/parser';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
} from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import { visibleDeclares } from '../declares.js';
import { blockFacts, type BlockFacts, CONFIG_BLOCK_NAMES, SERVICE_NAMES, STABILITY_TEXT } from '../facts.js';
import { attributeAt, blocksAt, commentAt } from '../locate.js';
import { attributeSnippet, blockSnippet, componentSnippet } from '../snippets.js';
import { docsType } from '../types-display.js';
import { attrDetail, byteLength, docsMarkdown, linePrefix } from '../text.js';
import { valueCompletion } from './completion-values.js';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Completion at a position: what may be written there, from the schemas and the analysis. */
export function complete(ctx: DocContext, offset: number): CompletionList {
  if (commentAt(ctx.ast, offset)) return EMPTY;
  const blocks = blocksAt(ctx.ast, offset);
  const facts = blockFacts(ctx, blocks);
  const line = linePrefix(ctx, offset);
  const attr = attributeAt(blocks, ctx.ast, offset);
  if (attr) return list(valueCompletion(ctx, offset, blocks, facts, attr.name.name, attr));
  const assign = /^\s*([A-Za-z_]\w*)\s*=\s*[^=]*$/.exec(line);
  if (assign) return list(valueCompletion(ctx, offset, blocks, facts, assign[1]));
  const stmt = /^\s*([A-Za-z_][\w.]*)?$/.exec(line);
  if (stmt) return list(statementCompletion(ctx, offset, blocks, facts, stmt[1] ?? ''));
  const label = /^\s*([A-Za-z_][\w.]*)\s+("[^"]*)?$/.exec(line);
  if (label) return list(labelCompletion(ctx, offset, blocks, label[1], label[2] ?? ''));
  return EMPTY;
}

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}

function statementCompletion(ctx: DocContext, offset: number, blocks: Block[], facts: BlockFacts, word: string): CompletionItem[] {
  const range = ctx.range(offset - byteLength(word), offset);
  if (facts.body === 'statements') return componentItems(ctx, blocks, word, range);
  if (facts.body !== 'fields' || facts.spec?.kind !== 'struct') return [];
  const body = blocks.length ? blocks[blocks.length - 1].body : [];
  const written = new Set(body.map((s) => (s.kind === 'Attribute' ? s.name.name : s.fullName)));
  const items: CompletionItem[] = [];
  for (const f of facts.spec.fields) {
    if (f.kind === 'attr' && written.has(f.name)) continue;
    if (f.kind === 'block' && written.has(f.name) && f.count === 'one') continue;
    items.push(f.kind === 'attr' ? attributeItem(f, range, facts.docs) : blockItem(f, range, facts.docs));
  }
  if (facts.declare) {
    for (const a of facts.declare.arguments) {
      const it = items.find((i) => i.label === a.name);
      if (!it) continue;
      it.detail = a.optional ? `optional${a.default ? ` = ${a.default}` : ''}` : 'required';
      it.documentation = docsMarkdown([`argument of \`${facts.declare.name}\``, a.comment]);
    }
  }
  return items;
}

function attributeItem(f: AttrSpec, range: ReturnType<DocContext['range']>, docs?: string): CompletionItem {
  return {
    label: f.name,
    kind: CompletionItemKind.Property,
    detail: attrDetail(f),
    documentation: docsMarkdown([`\`${f.name}\` (attribute)`], docs && `${docs}#arguments`),
    textEdit: { range, newText: attributeSnippet(f) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `${f.required ? 0 : 1}${f.name}`,
  };
}

function blockItem(f: BlockSpec, range: ReturnType<DocContext['range']>, docs?: string): CompletionItem {
  const count = f.count === 'many' ? 'repeatable' : typeof f.count === 'number' ? `exactly ${f.count}` : 'at most once';
  return {
    label: f.name,
    kind: CompletionItemKind.Struct,
    detail: `block · ${count} · ${f.required ? 'required' : 'optional'}`,
    documentation: docsMarkdown([`\`${f.name}\` block`], docs && `${docs}#blocks`),
    textEdit: { range, newText: blockSnippet(f) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `${f.required ? 0 : 2}${f.name}`,
  };
}

function componentItems(ctx: DocContext, blocks: Block[], word: string, range: ReturnType<DocContext['range']>): CompletionItem[] {
  const settings = ctx.ws.settingsFor(ctx.uri);
  const ns = word.includes('.') ? word.slice(0, word.lastIndexOf('.') + 1) : '';
  const items: CompletionItem[] = [];
  const catalog = ctx.catalog;
  for (const name of catalog?.names() ?? []) {
    if (ns && !name.startsWith(ns)) continue;
    const c = catalog!.component(name);
    if (c) items.push(componentItem(c, range, settings.stabilityLevel, settings.communityComponents));
  }
  for (const d of visibleDeclares(ctx, blocks)) {
    if (ns && !d.name.startsWith(ns)) continue;
    items.push({
      label: d.name,
      kind: CompletionItemKind.Class,
      detail: d.namespace ? `declared in module ${d.namespace}` : 'declared component',
      documentation: docsMarkdown([d.arguments.length ? `Arguments: ${d.arguments.map((a) => a.name).join(', ')}` : 'No arguments', d.exports.length ? `Exports: ${d.exports.map((e) => e.name).join(', ')}` : undefined]),
      textEdit: { range, newText: componentSnippet(d.name, d.spec, true) },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `0${d.name}`,
    });
  }
  const top = blocks.length === 0;
  const inDeclare = blocks.some((b) => b.fullName === 'declare');
  for (const name of CONFIG_BLOCK_NAMES) {
    if (ns && !name.startsWith(ns)) continue;
    if ((name === 'logging' || name === 'tracing') && !top) continue;
    if ((name === 'argument' || name === 'export') && !(inDeclare || top)) continue;
    const labelled = name !== 'logging' && name !== 'tracing';
    items.push(configItem(ctx, name, labelled, range));
  }
  if (top) for (const name of SERVICE_NAMES) if (!ns || name.startsWith(ns)) items.push(configItem(ctx, name, false, range));
  return items;
}

function configItem(ctx: DocContext, name: string, labelled: boolean, range: ReturnType<DocContext['range']>): CompletionItem {
  const spec = ctx.catalog?.block(name);
  return {
    label: name,
    kind: CompletionItemKind.Keyword,
    detail: 'config block',
    documentation: docsMarkdown([], `https://grafana.com/docs/alloy/latest/reference/config-blocks/${name}/`),
    textEdit: { range, newText: name === 'foreach' ? 'foreach "${1:default}" {\n\tcollection = ${2:[]}\n\tvar        = "${3:each}"\n\n\ttemplate {\n\t\t$0\n\t}\n}' : componentSnippet(name, spec, labelled) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `1${name}`,
  };
}

function componentItem(c: ComponentSpec, range: ReturnType<DocContext['range']>, min: keyof typeof STABILITY_RANK, community: boolean): CompletionItem {
  const allowed = c.community ? community : STABILITY_RANK[c.stability] >= STABILITY_RANK[min];
  const detail = [c.community ? 'community' : STABILITY_TEXT[c.stability], allowed ? undefined : 'not enabled by the current settings'].filter(Boolean).join(' · ');
  const exports = c.exports.map((e) => `\`${e.name}\`: ${docsType(e.type)}`).join(', ');
  const item: CompletionItem = {
    label: c.name,
    kind: CompletionItemKind.Module,
    detail,
    documentation: docsMarkdown([exports ? `Exports: ${exports}` : 'No exports'], c.docs),
    textEdit: { range, newText: componentSnippet(c.name, c.args, true) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `${allowed ? 0 : 3}${c.name}`,
  };
  return item;
}

function labelCompletion(ctx: DocContext, offset: number, blocks: Block[], name: string, typed: string): CompletionItem[] {
  const body = blocks.length ? blocks[blocks.length - 1].body : ctx.ast.body;
  const used = new Set(body.filter((s): s is Block => s.kind === 'Block' && s.fullName === name).map((b) => b.label));
  let label = 'default';
  for (let i = 2; used.has(label); i++) label = `default_${i}`;
  // Inside a written label, its closing quote is replaced too.
  const close = typed.startsWith('"') && ctx.slice(offset, offset + 1) === '"' ? 1 : 0;
  const range = ctx.range(offset - byteLength(typed), offset + close);
  return [{ label: `"${label}"`, kind: CompletionItemKind.Value, detail: `label of ${name}`, textEdit: { range, newText: `"${label}"` } }];
}

