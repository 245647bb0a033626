import type { AttrSpec, BlockSpec } from '@alloy-lint/analyzer';
import { quote } from '@alloy-lint/gostd';
import type { Attribute, Block } from '@alloy-lint/parser';
import { type Hover, MarkupKind } from 'vscode-languageserver-types';
import type { DocContext } from '../context.js';
import type { DeclareInfo } from '../declares.js';
import { blockFacts, type BlockFacts, fieldOf, STABILITY_TEXT } from '../facts.js';
import { blocksAt, chainAt, nodesAt } from '../locate.js';
import { signatureText, stdlibFunction } from '../stdlib.js';
import { type Sym, SymbolIndex } from '../symbol-index.js';
import { docsType, valueText } from '../types-display.js';

function md(lines: (string | undefined)[], docs?: string): string {
  return lines.filter((l) => l !== undefined).join('\n\n') + (docs ? `\n\n[Documentation](${docs})` : '');
}

const code = (s: string) => '```alloy\n' + s + '\n```';

/** What the name under the cursor is: its type, default, whether required, stability, docs, or what a reference resolves to. */
export function hover(ctx: DocContext, offset: number): Hover | null {
  const blocks = blocksAt(ctx.ast, offset);
  const result = (value: string, start: number, end: number): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: ctx.range(start, end) });
  // A block header: its name (or label) is under the cursor.
  const body = blocks.length ? blocks[blocks.length - 1].body : ctx.ast.body;
  const header = body.find((s): s is Block => s.kind === 'Block' && offset >= s.start && offset <= s.lcurly);
  const all = header ? [...blocks, header] : blocks;
  if (header && offset <= header.nameSpan.end) return result(blockText(ctx, all, header), header.nameSpan.start, header.nameSpan.end);
  if (header?.labelSpan && offset >= header.labelSpan.start && offset <= header.labelSpan.end) {
    return result(blockText(ctx, all, header), header.labelSpan.start, header.labelSpan.end);
  }
  const nodes = nodesAt(ctx.ast, offset);
  const ref = chainAt(nodes);
  const idx = SymbolIndex.around(ctx, offset);
  const occ = idx.at(ctx.uri, offset);
  if (occ && !occ.definition) return result(symbolText(ctx, occ.sym), occ.start, occ.end);
  // Elsewhere on a reference (`loki.write` of `loki.write.default.receiver`): what it resolves to.
  const label = ref && idx.occurrences.find((o) => o.uri === ctx.uri && o.start >= ref.expr.start && o.end <= ref.expr.end);
  if (ref && label) return result(symbolText(ctx, label.sym), ref.expr.start, ref.expr.end);
  const attr = nodes.find((n): n is Attribute => 'kind' in n && n.kind === 'Attribute' && offset >= n.name.start && offset <= n.name.end);
  if (attr) {
    const facts = blockFacts(ctx, blocks);
    const text = attributeText(facts, attr.name.name);
    return text ? result(text, attr.name.start, attr.name.end) : null;
  }
  const chain = chainAt(nodes);
  if (chain) {
    const name = chain.idents.map((i) => i.name).join('.');
    const f = stdlibFunction(name);
    if (f) return result(md([code(signatureText(f)), f.summary, f.deprecated ? '*Deprecated*: use the namespaced function.' : undefined, f.experimental ? '*Experimental*' : undefined], f.docs), chain.expr.start, chain.expr.end);
  }
  return null;
}

function blockText(ctx: DocContext, blocks: Block[], b: Block): string {
  const facts = blockFacts(ctx, blocks);
  if (facts.component && blocks.length === 1) {
    const c = facts.component;
    const exports = c.exports.map((e) => `- \`${e.name}\`: \`${docsType(e.type)}\``).join('\n');
    return md([code(`${c.name} "LABEL"`), `${c.community ? 'Community component' : 'Component'}, ${STABILITY_TEXT[c.stability]}.`, exports ? `Exports:\n${exports}` : 'No exports.'], c.docs);
  }
  if (facts.declare) return declareText(facts.declare);
  if (blocks.length > 1) {
    const outer = blockFacts(ctx, blocks.slice(0, -1));
    const f = fieldOf(outer.spec, b.fullName);
    if (f?.kind === 'block') return blockSpecText(f, outer);
  }
  return md([code(b.fullName)], facts.docs);
}

function blockSpecText(f: BlockSpec, outer: BlockFacts): string {
  const count = f.count === 'many' ? 'may be repeated' : typeof f.count === 'number' ? `exactly ${f.count} times` : 'at most once';
  return md([code(`${f.name} { … }`), `Block of \`${outer.path.join(' > ')}\`, ${f.required ? 'required' : 'optional'}, ${count}.`], outer.docs && `${outer.docs}#${f.name.replace(/\./g, '')}`);
}

function declareText(d: DeclareInfo): string {
  const args = d.arguments.map((a) => `- \`${a.name}\`${a.optional ? ` (optional${a.default ? `, default ${a.default}` : ''})` : ' (required)'}${a.comment ? `: ${a.comment}` : ''}`).join('\n');
  const exps = d.exports.map((e) => `- \`${e.name}\`${e.comment ? `: ${e.comment}` : ''}`).join('\n');
  return md([code(`declare "${d.block.label}"`), d.namespace ? `From module \`${d.namespace}\`.` : 'Custom component.', args ? `Arguments:\n${args}` : 'No arguments.', exps ? `Exports:\n${exps}` : 'No exports.']);
}

function attributeText(facts: BlockFacts, name: string): string | undefined {
  if (facts.declare) {
    const a = facts.declare.arguments.find((x) => x.name === name);
    if (!a) return undefined;
    return md([code(`${name} = …`), `Argument of \`${facts.declare.name}\`, ${a.optional ? 'optional' : 'required'}.`, a.default ? `Default: \`${a.default}\`` : undefined, a.comment]);
  }
  const f = fieldOf(facts.spec, name);
  if (f?.kind !== 'attr') return undefined;
  return attrSpecText(f, facts);
}

export function attrSpecText(f: AttrSpec, facts: BlockFacts): string {
  const where = facts.path.join(' > ');
  const stability = facts.component ? STABILITY_TEXT[facts.component.stability] : undefined;
  return md(
    [
      code(`${f.name}: ${docsType(f.type)}`),
      `Argument of \`${where}\`, ${f.required ? 'required' : 'optional'}${stability ? `; the component is ${stability}` : ''}.`,
      f.default !== undefined ? `Default: \`${valueText(f.default)}\`` : undefined,
      f.enum ? `One of: ${f.enum.map((v) => `\`${valueText(v)}\``).join(', ')}` : f.textRule ? `One of: ${f.textRule.values.map((v) => `\`${quote(v)}\``).join(', ')}` : undefined,
    ],
    facts.docs && `${facts.docs}#arguments`,
  );
}

function symbolText(ctx: DocContext, s: Sym): string {
  const where = s.def ? defWhere(ctx, s.def) : undefined;
  switch (s.kind) {
    case 'component':
      return md([code(`${s.blockName} "${s.name}"`), where && `Defined at ${where}.`]);
    case 'builtin-export':
      return md([code(`${s.name}: ${docsType(s.type ?? 'any')}`), `Export of \`${s.blockName}\`.`], ctx.catalog?.component(s.blockName ?? '')?.docs);
    case 'declare':
      return md([code(`declare "${s.name}"`), where && `Defined at ${where}.`]);
    case 'argument':
      return md([code(`argument "${s.name}"`), 'Module argument; read as `argument.' + s.name + '.value`.', where && `Defined at ${where}.`]);
    case 'export':
      return md([code(`export "${s.name}"`), 'Module export.', where && `Defined at ${where}.`]);
    case 'import':
      return md([code(`${s.block?.fullName ?? 'import'} "${s.name}"`), 'Module namespace.', where && `Defined at ${where}.`]);
  }
}

function defWhere(ctx: DocContext, def: { uri: string; start: number }): string {
  const d = ctx.other(def.uri);
  if (!d) return def.uri;
  const p = d.source.position(def.start);
  return `${ctx.ga.nameOf(def.uri)}:${p.line}:${p.column}`;
}
