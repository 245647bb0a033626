// `describe` renderers: a JSON listing and a readable text reference for one component.
import type { AttributeInfo, Catalog, ComponentInfo } from './schema-types.js';

export interface DescribeJson {
  version: string;
  components: {
    name: string;
    stability: string;
    community: boolean;
    attributes: AttributeInfo[];
    blocks: { path: string[]; required: boolean; repeatable: boolean; labelled: boolean }[];
    exports: { name: string; type: string }[];
  }[];
}

/** `{version, components: [...]}` for the named components (default: every component). */
export function describeJson(catalog: Catalog, names?: string[]): DescribeJson {
  const list = names && names.length ? names : catalog.names();
  return {
    version: catalog.version,
    components: list.map((n) => {
      const i = catalog.info(n);
      if (!i) throw new Error(`unknown component or block ${JSON.stringify(n)} in Alloy ${catalog.version}`);
      return { name: i.name, stability: i.stability, community: i.community, attributes: i.attributes, blocks: i.blocks, exports: i.exports };
    }),
  };
}

function attrLine(a: AttributeInfo, indent: string, width: [number, number]): string {
  const name = a.path[a.path.length - 1];
  let s = `${indent}${name.padEnd(width[0])}  ${a.type.padEnd(width[1])}  ${a.required ? 'required' : 'optional'}`;
  if (a.default !== undefined) s += `  default ${JSON.stringify(a.default)}`;
  if (a.enum) s += `  one of ${a.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  return s.trimEnd();
}

/** A terminal-friendly reference: arguments, blocks (nested), exports, defaults, stability. */
export function describeText(info: ComponentInfo, version?: string): string {
  const stab = info.community ? 'community' : info.stability;
  const lines: string[] = [`${info.name}${version ? ` (Alloy ${version})` : ''}`];
  lines.push(`  ${info.kind === 'component' ? 'Component' : 'Config block'}, stability: ${stab}`);
  lines.push(`  Docs: ${info.docs}`);
  const key = (p: string[]) => p.join('\u0000');
  const attrsUnder = new Map<string, AttributeInfo[]>();
  for (const a of info.attributes) {
    const k = key(a.path.slice(0, -1));
    attrsUnder.set(k, [...(attrsUnder.get(k) ?? []), a]);
  }
  const width = (as: AttributeInfo[]): [number, number] => [
    as.reduce((w, a) => Math.max(w, a.path[a.path.length - 1].length), 8),
    as.reduce((w, a) => Math.max(w, a.type.length), 8),
  ];
  const top = attrsUnder.get('') ?? [];
  lines.push('', 'Arguments:');
  if (!top.length) lines.push('  (none)');
  for (const a of top) lines.push(attrLine(a, '  ', width(top)));
  if (info.blocks.length) {
    lines.push('', 'Blocks:');
    for (const b of info.blocks) {
      const indent = '  '.repeat(b.path.length);
      const flags = [b.required ? 'required' : 'optional', ...(b.repeatable ? ['repeatable'] : []), ...(b.labelled ? ['labelled'] : [])];
      lines.push(`${indent}${b.path.join(' > ')}  [${flags.join(', ')}]`);
      const as = attrsUnder.get(key(b.path)) ?? [];
      for (const a of as) lines.push(attrLine(a, indent + '  ', width(as)));
    }
  }
  lines.push('', 'Exports:');
  if (!info.exports.length) lines.push('  (none)');
  const ew = info.exports.reduce((w, e) => Math.max(w, e.name.length), 8);
  for (const e of info.exports) lines.push(`  ${e.name.padEnd(ew)}  ${e.type}`);
  return lines.join('\n') + '\n';
}

/**
 * What `alloy-lint describe [names...] [--format text|json]` prints: json is describeJson();
 * text is one reference per named component or config block, or a list of all components.
 */
export function describe(catalog: Catalog, names: string[] = [], format: 'text' | 'json' = 'text'): string {
  if (format === 'json') return JSON.stringify(describeJson(catalog, names), null, 2) + '\n';
  if (names.length) {
    return names
      .map((n) => {
        const i = catalog.info(n);
        if (!i) throw new Error(`unknown component or block ${JSON.stringify(n)} in Alloy ${catalog.version}`);
        return describeText(i, catalog.version);
      })
      .join('\n');
  }
  const rows = catalog.names().map((n) => {
    const i = catalog.info(n)!;
    return [n, i.community ? 'community' : i.stability];
  });
  const w = rows.reduce((m, r) => Math.max(m, r[0].length), -Infinity);
  const blocks = catalog.blockNames().join(', ');
  return [`Alloy ${catalog.version}: ${rows.length} components`, ...rows.map(([n, s]) => `  ${n.padEnd(w)}  ${s}`), `Config blocks: ${blocks}`].join('\n') + '\n';
}
