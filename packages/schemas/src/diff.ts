// What changed between two schema catalogs (two Alloy releases).
import type { Catalog, ComponentInfo } from './schema-types.js';

export interface DiffChange {
  component: string;
  change:
    | 'attribute-added' | 'attribute-removed' | 'block-added' | 'block-removed'
    | 'type-changed' | 'default-changed' | 'required-changed' | 'repeatable-changed'
    | 'export-added' | 'export-removed' | 'export-type-changed' | 'stability-changed';
  path: string[];
  from?: unknown;
  to?: unknown;
}

export interface CatalogDiff {
  from: string;
  to: string;
  componentsAdded: { name: string; stability: string }[];
  componentsRemoved: string[];
  blocksAdded: string[];
  blocksRemoved: string[];
  changes: DiffChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffCatalogs(a: Catalog, b: Catalog): CatalogDiff {
  const diff: CatalogDiff = { from: a.version, to: b.version, componentsAdded: [], componentsRemoved: [], blocksAdded: [], blocksRemoved: [], changes: [] };
  const names = (c: Catalog) => new Set([...c.names(), ...c.blockNames()]);
  const an = names(a);
  const bn = names(b);
  for (const n of [...bn].sort()) {
    if (an.has(n)) continue;
    const info = b.info(n)!;
    if (info.kind === 'component') diff.componentsAdded.push({ name: n, stability: info.stability });
    else diff.blocksAdded.push(n);
  }
  for (const n of [...an].sort()) {
    if (bn.has(n)) continue;
    if (a.info(n)!.kind === 'component') diff.componentsRemoved.push(n);
    else diff.blocksRemoved.push(n);
  }
  for (const n of [...an].filter((x) => bn.has(x)).sort()) for (const c of diffComponent(a.info(n)!, b.info(n)!)) diff.changes.push(c);
  return diff;
}

function diffComponent(a: ComponentInfo, b: ComponentInfo): DiffChange[] {
  const out: DiffChange[] = [];
  const c = a.name;
  if (a.stability !== b.stability) out.push({ component: c, change: 'stability-changed', path: [], from: a.stability, to: b.stability });
  const key = (p: string[]) => p.join('\u0000');
  const ab = new Map(a.blocks.map((x) => [key(x.path), x]));
  const bb = new Map(b.blocks.map((x) => [key(x.path), x]));
  // Only the outermost added or removed block is reported; what is inside it comes with it.
  const under = (p: string[], m: Map<string, unknown>) => p.length > 1 && !m.has(key(p.slice(0, -1)));
  for (const [k, x] of bb) {
    if (!ab.has(k) && !under(x.path, ab)) out.push({ component: c, change: 'block-added', path: x.path, to: x.required ? 'required' : 'optional' });
  }
  for (const [k, x] of ab) {
    const y = bb.get(k);
    if (!y) {
      if (!under(x.path, bb)) out.push({ component: c, change: 'block-removed', path: x.path });
    }
    else if (x.required !== y.required) out.push({ component: c, change: 'required-changed', path: x.path, from: x.required, to: y.required });
    else if (x.repeatable !== y.repeatable) out.push({ component: c, change: 'repeatable-changed', path: x.path, from: x.repeatable, to: y.repeatable });
  }
  const aa = new Map(a.attributes.map((x) => [key(x.path), x]));
  const ba = new Map(b.attributes.map((x) => [key(x.path), x]));
  for (const [k, x] of ba) if (!aa.has(k) && !under(x.path, ab)) out.push({ component: c, change: 'attribute-added', path: x.path, to: x.type });
  for (const [k, x] of aa) {
    const y = ba.get(k);
    if (!y) {
      if (!under(x.path, bb)) out.push({ component: c, change: 'attribute-removed', path: x.path, from: x.type });
      continue;
    }
    if (x.type !== y.type) out.push({ component: c, change: 'type-changed', path: x.path, from: x.type, to: y.type });
    if (!same(x.default, y.default)) out.push({ component: c, change: 'default-changed', path: x.path, from: x.default, to: y.default });
    if (x.required !== y.required) out.push({ component: c, change: 'required-changed', path: x.path, from: x.required, to: y.required });
  }
  const ae = new Map(a.exports.map((x) => [x.name, x.type]));
  const be = new Map(b.exports.map((x) => [x.name, x.type]));
  for (const [n, t] of be) {
    if (!ae.has(n)) out.push({ component: c, change: 'export-added', path: [n], to: t });
    else if (ae.get(n) !== t) out.push({ component: c, change: 'export-type-changed', path: [n], from: ae.get(n), to: t });
  }
  for (const [n, t] of ae) if (!be.has(n)) out.push({ component: c, change: 'export-removed', path: [n], from: t });
  return out;
}

const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));

/** A readable report of a diff. */
export function formatDiff(d: CatalogDiff): string {
  const lines = [`Alloy ${d.from} -> ${d.to}`];
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push('', `${title} (${items.length}):`);
    for (const i of items) lines.push(`  ${i}`);
  };
  section('Components added', d.componentsAdded.map((c) => `+ ${c.name} (${c.stability})`));
  section('Components removed', d.componentsRemoved.map((c) => `- ${c}`));
  section('Config blocks added', d.blocksAdded.map((c) => `+ ${c}`));
  section('Config blocks removed', d.blocksRemoved.map((c) => `- ${c}`));
  const byComp = new Map<string, DiffChange[]>();
  for (const ch of d.changes) byComp.set(ch.component, [...(byComp.get(ch.component) ?? []), ch]);
  if (byComp.size) lines.push('', `Changed (${byComp.size} components, ${d.changes.length} changes):`);
  for (const [comp, chs] of byComp) {
    lines.push(`  ${comp}`);
    for (const ch of chs) {
      const p = ch.path.join(' > ') || '(component)';
      const sign = ch.change.endsWith('added') ? '+' : ch.change.endsWith('removed') ? '-' : '~';
      const detail =
        ch.change.endsWith('added') ? show(ch.to) : ch.change.endsWith('removed') ? show(ch.from) : `${show(ch.from)} -> ${show(ch.to)}`;
      lines.push(`    ${sign} ${ch.change.replace(/-/g, ' ')}: ${p} ${detail}`);
    }
  }
  if (lines.length === 1) lines.push('', 'No changes.');
  return lines.join('\n') + '\n';
}
