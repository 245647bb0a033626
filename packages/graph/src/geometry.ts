// Sizes and boxes shared by the layouts (which reserve the space) and the SVG writer (which fills it).
import { monoWidth, sansWidth } from './text.js';
import type { ViewCluster, ViewEdge, ViewNode } from './view.js';

export const GEOMETRY = {
  titleSize: 12.5,
  subtitleSize: 11.5,
  stripe: 6,
  padX: 12,
  lineGap: 16,
  badge: 22,
  minNodeWidth: 120,
  nodeHeight: 46,
  captionSize: 10.5,
  clusterTitleSize: 13,
  clusterTop: 46,
  clusterPad: 16,
  labelSize: 10.5,
  labelHeight: 16,
  labelLine: 13,
};

const G = GEOMETRY;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Laid {
  width: number;
  height: number;
  nodes: (Box & { node: ViewNode })[];
  /** Outer clusters first, so inner ones are drawn on top. */
  clusters: (Box & { cluster: ViewCluster; depth: number })[];
  edges: { edge: ViewEdge; points: { x: number; y: number }[]; label?: Box }[];
  /** Why the simple layout was used instead of ELK's. */
  note?: string;
}

export function nodeSize(n: ViewNode): { w: number; h: number } {
  const text = Math.max(monoWidth(n.title, G.titleSize), monoWidth(n.subtitle, G.subtitleSize));
  const badge = n.badge && (n.badge.errors || n.badge.warnings) ? G.badge + 4 : 0;
  return { w: Math.max(G.minNodeWidth, G.stripe + G.padX * 2 + text + badge), h: n.subtitle ? G.nodeHeight : G.nodeHeight - 12 };
}

export function clusterMinWidth(c: ViewCluster): number {
  const badge = c.badge && (c.badge.errors || c.badge.warnings) ? G.badge + 6 : 0;
  return Math.max(sansWidth(c.caption, G.captionSize) + 8, monoWidth(c.title, G.clusterTitleSize)) + badge + G.clusterPad * 2;
}

