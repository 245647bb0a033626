import type { AttrSpec } from '@alloy-lint/analyzer';
import { quote } from '@alloy-lint/gostd';
import type { Attribute, Block, Node } from '@alloy-lint/parser';
import { STDLIB_IDENTIFIERS } from '@alloy-lint/values';
import { type CompletionItem, CompletionItemKind, CompletionItemTag, InsertTextFormat, type Range } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import type { ScopeEntry } from '@alloy-lint/graph';
import { scopesOf } from '../context.js';
import { type DeclareInfo, stringLiteral, visibleDeclares } from '../declares.js';
import { type BlockFacts, expectedType, exportsOf, fieldOf, fits } from '../facts.js';
import { nodesAt } from '../locate.js';
import { CONSTANTS, signatureText, stdlibFunctions } from '../stdlib.js';
import { docsType, elementType } from '../types-display.js';
import { byteLength, docsMarkdown, linePrefix } from '../text.js';

/** A value a reference can name at the cursor. */
export interface RefCandidate {
  text: string;
  type: string;
  /** What defines it, for the item's documentation. */
  origin: string;
}

/** Values inside an attribute: enum values, references of the expected type, stdlib. */
export function valueCompletion(ctx: DocContext, offset: number, blocks: Block[], facts: BlockFacts, attrName: string, attr?: Attribute): CompletionItem[] {
  const field = fieldOf(facts.spec, attrName);
  const declared = field?.kind === 'attr' ? field.type : 'any';
  const below = attr ? nodesBelow(nodesAt(ctx.ast, offset), attr) : [];
  const expected = expectedType(declared, below, offset);
  const inner = below.at(-1);
  if (inner && 'kind' in inner && inner.kind === 'Literal') {
    if (inner.litKind !== 'STRING' || offset <= inner.start) return [];
    return enumItems(field, ctx.range(inner.start, inner.end));
  }
  const chain = /[A-Za-z_]\w*(?:\.\w*)*$/.exec(linePrefix(ctx, offset))?.[0] ?? '';
  const range = ctx.range(offset - byteLength(chain), offset);
  const inArray = below.some((n) => 'kind' in n && n.kind === 'Array');
  const refs = referenceCandidates(ctx, offset, blocks);
  if (chain.includes('.')) return memberItems(ctx, offset, chain, refs, expected, inArray, range);
  const items: CompletionItem[] = [];
  for (const r of refs) {
    const item = referenceItem(r, expected, inArray, range);
    if (item) items.push(item);
  }
  for (const i of enumItems(field, range)) items.push(i);
  if (expected === 'bool') for (const v of ['true', 'false']) items.push({ label: v, kind: CompletionItemKind.Keyword, sortText: `0${v}` });
  for (const v of foreachVars(blocks)) items.push({ label: v, kind: CompletionItemKind.Variable, detail: 'foreach variable', sortText: `0${v}` });
  for (const i of stdlibTopItems(range)) items.push(i);
  return items;
}

/** The nodes below the attribute (its value and what is inside it at the cursor). */
function nodesBelow(nodes: Node[], attr: Attribute): Node[] {
  const i = nodes.indexOf(attr);
  return i === -1 ? [] : nodes.slice(i + 1).filter((n) => n !== attr.name);
}

function enumItems(field: ReturnType<typeof fieldOf>, range: Range): CompletionItem[] {
  if (field?.kind !== 'attr') return [];
  const values = (field as AttrSpec).enum ?? field.textRule?.values ?? [];
  return values.map((v) => {
    const text = typeof v === 'string' ? quote(v) : String(v);
    return { label: text, kind: CompletionItemKind.EnumMember, detail: `value of ${field.name}`, textEdit: { range, newText: text }, sortText: `0${text}` };
  });
}

/** References visible at `offset`: component exports, module arguments. */
export function referenceCandidates(ctx: DocContext, offset: number, blocks: Block[]): RefCandidate[] {
  const declares = new Map(visibleDeclares(ctx, blocks).map((d) => [d.name, d]));
  const out: RefCandidate[] = [];
  const seen = new Set<string>();
  // While the document has syntax errors, what the last clean version defined counts too.
  for (const ga of [ctx.ga, ctx.ga.lastGood]) {
    const scopes = ga && scopesOf(ga);
    if (!scopes) continue;
    const current = ga === ctx.ga;
    for (const e of scopes.visible(scopes.scopeAt(ctx.name, offset))) {
      const n = e.node;
      if (n.id !== (n.label ? `${n.name}.${n.label}` : n.name) || seen.has(e.id)) continue;
      seen.add(e.id);
      if (current && n.file === ctx.name && offset > n.block.start && offset < n.block.end) continue;
      if (!current && n.file === ctx.name && blocks.some((b) => b.fullName === n.name && b.label === n.label)) continue;
      candidatesOf(ctx, n, declares, out);
    }
  }
  return out;
}

function candidatesOf(ctx: DocContext, n: ScopeEntry['node'], declares: Map<string, DeclareInfo>, out: RefCandidate[]): void {
  if (n.kind === 'component') {
    const origin = `${n.name} "${n.label}"`;
    for (const x of exportsOf(ctx, n.name, n.custom ? declares.get(n.name) : undefined)) out.push({ text: `${n.id}.${x.name}`, type: x.type, origin });
  } else if (n.name === 'argument' && n.label) {
    out.push({ text: `argument.${n.label}.value`, type: 'any', origin: `argument "${n.label}"` });
  }
}

function referenceItem(r: RefCandidate, expected: string, inArray: boolean, range: Range, label = r.text): CompletionItem | undefined {
  let text = r.text;
  if (expected !== 'any' && !fits(r.type, expected)) {
    const el = !inArray ? elementType(expected) : undefined;
    if (!el || !fits(r.type, el)) return undefined;
    text = `[${r.text}]`;
  }
  return {
    label,
    kind: CompletionItemKind.Reference,
    detail: docsType(r.type),
    documentation: docsMarkdown([`Export of ${r.origin}`]),
    textEdit: { range, newText: text },
    filterText: label === r.text ? r.text : undefined,
    sortText: `0${r.text}`,
  };
}

function memberItems(ctx: DocContext, offset: number, chain: string, refs: RefCandidate[], expected: string, inArray: boolean, range: Range): CompletionItem[] {
  const head = chain.slice(0, chain.lastIndexOf('.'));
  const partial = chain.slice(head.length + 1);
  const partRange = ctx.range(offset - byteLength(partial), offset);
  const items: CompletionItem[] = [];
  for (const f of stdlibFunctions()) {
    if (!f.name.startsWith(head + '.') || f.name.slice(head.length + 1).includes('.')) continue;
    items.push(functionItem(f, f.name.slice(head.length + 1), partRange));
  }
  if (head === 'constants') for (const c of CONSTANTS) items.push({ label: c.name, kind: CompletionItemKind.Constant, detail: 'string', documentation: c.summary, textEdit: { range: partRange, newText: c.name } });
  const matching = refs.filter((r) => r.text.startsWith(head + '.'));
  // After `component.label.`: the export names, every one (a mismatch says so).
  const direct = matching.length > 0 && matching.every((r) => !r.text.slice(head.length + 1).includes('.'));
  for (const r of matching) {
    if (direct) {
      const name = r.text.slice(head.length + 1);
      const ok = expected === 'any' || fits(r.type, expected);
      items.push({
        label: name,
        kind: CompletionItemKind.Field,
        detail: docsType(r.type) + (ok ? '' : ` · expected ${docsType(expected)}`),
        documentation: docsMarkdown([`Export of ${r.origin}`]),
        textEdit: { range: partRange, newText: name },
        sortText: `${ok ? 0 : 9}${name}`,
      });
    } else {
      const item = referenceItem(r, expected, inArray, range);
      if (item) items.push(item);
    }
  }
  return items;
}

function functionItem(f: ReturnType<typeof stdlibFunctions>[number], label: string, range: Range): CompletionItem {
  const item: CompletionItem = {
    label,
    kind: CompletionItemKind.Function,
    detail: signatureText(f),
    documentation: docsMarkdown([f.summary, f.experimental ? 'Experimental.' : undefined, f.deprecated ? 'Deprecated: use the namespaced function.' : undefined], f.docs),
    textEdit: { range, newText: `${label}($1)` },
    insertTextFormat: InsertTextFormat.Snippet,
    command: { title: 'Signature help', command: 'editor.action.triggerParameterHints' },
    sortText: `5${label}`,
  };
  if (f.deprecated) item.tags = [CompletionItemTag.Deprecated];
  return item;
}

function stdlibTopItems(range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  const fns = stdlibFunctions();
  for (const name of STDLIB_IDENTIFIERS) {
    const f = fns.find((x) => x.name === name);
    if (f) items.push(functionItem(f, name, range));
    else items.push({ label: name, kind: CompletionItemKind.Module, detail: 'standard library', textEdit: { range, newText: name }, sortText: `6${name}` });
  }
  return items;
}

/** Loop variables of the foreach templates around the cursor. */
function foreachVars(blocks: Block[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < blocks.length; i++) {
    if (blocks[i].fullName !== 'foreach' || blocks[i + 1].fullName !== 'template') continue;
    const v = blocks[i].body.find((s): s is Attribute => s.kind === 'Attribute' && s.name.name === 'var');
    const name = stringLiteral(v?.value);
    if (name) out.push(name);
  }
  return out;
}
