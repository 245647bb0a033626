import type { GraphModel } from './model.js';
import { BADGE_COLORS, SIGNAL_COLORS, SIGNAL_NAMES } from './theme.js';
import { type View, type ViewCluster, viewOf } from './view.js';

/** A DOT double-quoted string. */
const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

const badgeText = (b: View['nodes'][number]['badge']) =>
  !b ? '' : [b.errors ? `${b.errors} error${b.errors > 1 ? 's' : ''}` : '', b.warnings ? `${b.warnings} warning${b.warnings > 1 ? 's' : ''}` : ''].filter(Boolean).join(', ');

/** Graphviz DOT text of the model: left to right, clusters as subgraphs, edges coloured by signal. */
export function toDot(model: GraphModel): string {
  const view = viewOf(model);
  const out: string[] = [
    'digraph alloy {',
    '  graph [rankdir=LR, compound=true, fontname="Helvetica", fontsize=11, nodesep=0.35, ranksep=0.6, pad=0.3];',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=11, penwidth=1.5];',
    '  edge [fontname="Helvetica", fontsize=9, penwidth=1.5, arrowsize=0.7];',
  ];
  // Edges ending at a cluster need a node inside it to attach to.
  const clusterIds = new Set(view.clusters.map((c) => c.id));
  const anchored = new Set(view.edges.flatMap((e) => [e.from, e.to]).filter((id) => clusterIds.has(id)));
  const anchor = (id: string) => `${id}#anchor`;
  const children = new Map<string | undefined, { nodes: typeof view.nodes; clusters: ViewCluster[] }>();
  const slot = (p: string | undefined) => {
    if (!children.has(p)) children.set(p, { nodes: [], clusters: [] });
    return children.get(p)!;
  };
  for (const n of view.nodes) slot(n.parent).nodes.push(n);
  for (const c of view.clusters) slot(c.parent).clusters.push(c);
  const emit = (parent: string | undefined, indent: string) => {
    const here = slot(parent);
    for (const c of here.clusters) {
      const warn = badgeText(c.badge);
      out.push(`${indent}subgraph ${q('cluster_' + c.id)} {`);
      out.push(`${indent}  label=${q(`${c.caption}: ${c.title}${warn ? ` (${warn})` : ''}`)}; labeljust=l; style="rounded,dashed"; color="#868e96";`);
      if (anchored.has(c.id) || (slot(c.id).nodes.length === 0 && slot(c.id).clusters.length === 0)) {
        out.push(`${indent}  ${q(anchor(c.id))} [shape=point, width=0.05, style=invis];`);
      }
      emit(c.id, indent + '  ');
      out.push(`${indent}}`);
    }
    for (const n of here.nodes) {
      const color = SIGNAL_COLORS[n.signal].light;
      const warn = badgeText(n.badge);
      const label = [n.title, n.subtitle, warn ? `⚠ ${warn}` : ''].filter(Boolean).join('\n');
      const style = n.kind === 'missing' ? 'rounded,dashed' : 'rounded,filled';
      const pen = n.badge?.errors ? BADGE_COLORS.error : n.badge?.warnings ? BADGE_COLORS.warning : color;
      out.push(`${indent}${q(n.id)} [label=${q(label)}, color=${q(pen)}, style=${q(style)}];`);
    }
  };
  emit(undefined, '  ');
  const isCluster = new Set(view.clusters.map((c) => c.id));
  for (const e of view.edges) {
    const attrs = [`label=${q(e.labels.join('\n'))}`, `color=${q(SIGNAL_COLORS[e.signal].light)}`, `fontcolor=${q(SIGNAL_COLORS[e.signal].light)}`];
    if (e.dashed) attrs.push('style=dashed');
    if (isCluster.has(e.from)) attrs.push(`ltail=${q('cluster_' + e.from)}`);
    if (isCluster.has(e.to)) attrs.push(`lhead=${q('cluster_' + e.to)}`);
    const from = isCluster.has(e.from) ? anchor(e.from) : e.from;
    const to = isCluster.has(e.to) ? anchor(e.to) : e.to;
    out.push(`  ${q(from)} -> ${q(to)} [${attrs.join(', ')}];`);
  }
  if (view.signals.length > 0) {
    const rows = view.signals.map((s) => `<tr><td><font color="${SIGNAL_COLORS[s].light}">━━</font></td><td align="left">${SIGNAL_NAMES[s]}</td></tr>`);
    if (view.missing) rows.push('<tr><td>╌╌</td><td align="left">unresolved reference</td></tr>');
    out.push(`  legend [shape=plaintext, style="", label=<<table border="0" cellspacing="2">${rows.join('')}</table>>];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
