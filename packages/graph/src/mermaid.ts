import type { GraphModel } from './model.js';
import { SIGNALS } from './model.js';
import { BADGE_COLORS, SIGNAL_COLORS } from './theme.js';
import { type ViewCluster, type ViewNode, viewOf } from './view.js';

/** Text safe inside a Mermaid `["..."]` label. */
const text = (s: string) => s.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');

function nodeLabel(n: ViewNode): string {
  const lines = [text(n.title), text(n.subtitle)].filter(Boolean);
  const b = n.badge;
  if (b && (b.errors || b.warnings)) lines.push(`⚠ ${[b.errors ? `${b.errors} error(s)` : '', b.warnings ? `${b.warnings} warning(s)` : ''].filter(Boolean).join(', ')}`);
  return lines.join('<br/>');
}

/** Mermaid flowchart text of the model: left to right, clusters as subgraphs, edges coloured by signal. */
export function toMermaid(model: GraphModel): string {
  const view = viewOf(model);
  const ids = new Map<string, string>();
  view.clusters.forEach((c, i) => ids.set(c.id, `c${i}`));
  view.nodes.forEach((n, i) => ids.set(n.id, `n${i}`));
  const out = ['flowchart LR'];
  for (const s of SIGNALS) out.push(`  classDef ${s} fill:#ffffff,stroke:${SIGNAL_COLORS[s].light},stroke-width:2px,color:#1f2328`);
  out.push('  classDef missing fill:#ffffff,stroke:#868e96,stroke-width:2px,stroke-dasharray:5 4,color:#1f2328');
  out.push(`  classDef problem fill:#fff5f5,stroke:${BADGE_COLORS.error},stroke-width:2px,color:#1f2328`);
  const children = new Map<string | undefined, { clusters: ViewCluster[]; nodes: typeof view.nodes }>();
  const kids = (p: string | undefined) => {
    let k = children.get(p);
    if (!k) children.set(p, (k = { clusters: [], nodes: [] }));
    return k;
  };
  for (const c of view.clusters) kids(c.parent).clusters.push(c);
  for (const n of view.nodes) kids(n.parent).nodes.push(n);
  const emit = (p: string | undefined, indent: string) => {
    const here = kids(p);
    for (const c of here.clusters as ViewCluster[]) {
      out.push(`${indent}subgraph ${ids.get(c.id)}["${text(`${c.caption}: ${c.title}`)}"]`);
      out.push(`${indent}  direction LR`);
      emit(c.id, indent + '  ');
      out.push(`${indent}end`);
      out.push(`${indent}style ${ids.get(c.id)} fill:none,stroke:#868e96,stroke-dasharray:4 3`);
    }
    for (const n of here.nodes) {
      const cls = n.kind === 'missing' ? 'missing' : n.badge?.errors ? 'problem' : n.signal;
      out.push(`${indent}${ids.get(n.id)}("${nodeLabel(n)}"):::${cls}`);
    }
  };
  emit(undefined, '  ');
  view.edges.forEach((e) => {
    const arrow = e.dashed ? '-.->' : '-->';
    out.push(`  ${ids.get(e.from)} ${arrow}|"${e.labels.map(text).join('<br/>')}"| ${ids.get(e.to)}`);
  });
  view.edges.forEach((e, i) => {
    const c = SIGNAL_COLORS[e.signal].light;
    out.push(`  linkStyle ${i} stroke:${c},stroke-width:2px,color:${c}${e.dashed ? ',stroke-dasharray:5 4' : ''}`);
  });
  return out.join('\n') + '\n';
}
