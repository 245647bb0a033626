// The layout for graphs past ELK's budget: deterministic, layered, linear in the size of the
// graph (plus sorting). Each cluster is laid out as a box of its own children, deepest first;
// inside a box, items sit in columns by longest path along the edges between them (back edges
// of cycles ignored), in model order. Edges are orthogonal polylines without labels.

import { clusterMinWidth, GEOMETRY as G, type Laid, nodeSize } from './geometry.js';
import type { View, ViewCluster, ViewNode } from './view.js';

const COLUMN_GAP = 64;
const ROW_GAP = 22;
const ROOT = '\0root';

interface Item {
  id: string;
  index: number;
  w: number;
  h: number;
  /** Position inside the parent box, then absolute. */
  x: number;
  y: number;
  layer: number;
  out: Item[];
  ins: number;
}

/** Lays out any view in time linear in its nodes and edges. */
export function simpleLayout(view: View): Laid {
  const parentOf = new Map<string, string>();
  const clusterById = new Map(view.clusters.map((c) => [c.id, c]));
  for (const c of view.clusters) parentOf.set(c.id, c.parent !== undefined && clusterById.has(c.parent) ? c.parent : ROOT);
  for (const n of view.nodes) parentOf.set(n.id, n.parent !== undefined && clusterById.has(n.parent) ? n.parent : ROOT);
  const depthOf = depths(view.clusters, parentOf);

  const items = new Map<string, Item>();
  const members = new Map<string, Item[]>([[ROOT, []]]);
  const add = (id: string, index: number, w: number, h: number) => {
    const it: Item = { id, index, w, h, x: 0, y: 0, layer: 0, out: [], ins: 0 };
    items.set(id, it);
    const p = parentOf.get(id)!;
    if (!members.has(p)) members.set(p, []);
    members.get(p)!.push(it);
  };
  view.clusters.forEach((c, i) => add(c.id, i, 0, 0));
  view.nodes.forEach((n, i) => add(n.id, view.clusters.length + i, nodeSize(n).w, nodeSize(n).h));

  // An edge orders the two children of the box that holds both of its ends.
  for (const e of view.edges) {
    const [a, b] = siblings(e.from, e.to, parentOf, depthOf);
    if (a !== undefined && b !== undefined && a !== b) items.get(a)!.out.push(items.get(b)!);
  }

  // Boxes from the deepest cluster up, so a cluster's size is known before its parent's layout.
  const boxes = [...view.clusters].sort((a, b) => depthOf.get(b.id)! - depthOf.get(a.id)!);
  for (const c of boxes) {
    const size = arrange(members.get(c.id) ?? []);
    const it = items.get(c.id)!;
    it.w = Math.max(size.w + G.clusterPad * 2, clusterMinWidth(c));
    it.h = size.h + G.clusterTop + G.clusterPad;
  }
  const root = arrange(members.get(ROOT)!);

  // Absolute positions, outer boxes first.
  const laid: Laid = { width: root.w, height: root.h, nodes: [], clusters: [], edges: [] };
  const offset = (id: string) => {
    const p = parentOf.get(id)!;
    if (p === ROOT) return { x: 0, y: 0 };
    const box = items.get(p)!;
    return { x: box.x + G.clusterPad, y: box.y + G.clusterTop };
  };
  for (const c of [...boxes].reverse()) {
    const it = items.get(c.id)!;
    const o = offset(c.id);
    it.x += o.x;
    it.y += o.y;
    laid.clusters.push({ x: it.x, y: it.y, w: it.w, h: it.h, cluster: c, depth: depthOf.get(c.id)! });
  }
  for (const n of view.nodes) {
    const it = items.get(n.id)!;
    const o = offset(n.id);
    it.x += o.x;
    it.y += o.y;
    laid.nodes.push({ x: it.x, y: it.y, w: it.w, h: it.h, node: n as ViewNode });
  }
  for (const e of view.edges) {
    const a = items.get(e.from);
    const b = items.get(e.to);
    if (!a || !b) continue;
    const sx = a.x + a.w;
    const sy = a.y + Math.min(a.h / 2, 23);
    const tx = b.x;
    const ty = b.y + Math.min(b.h / 2, 23);
    const bend = tx > sx + 24 ? (sx + tx) / 2 : sx + 12;
    const points = tx > sx + 24 ? [{ x: sx, y: sy }, { x: bend, y: sy }, { x: bend, y: ty }, { x: tx, y: ty }] : [{ x: sx, y: sy }, { x: bend, y: sy }, { x: bend, y: ty }, { x: tx - 12, y: ty }, { x: tx, y: ty }];
    laid.edges.push({ edge: e, points });
  }
  return laid;
}

/** Depth of each cluster (top level 0), computed without recursion. */
function depths(clusters: ViewCluster[], parentOf: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of clusters) {
    const chain: string[] = [];
    let id = c.id;
    while (id !== ROOT && !out.has(id) && chain.length <= clusters.length) {
      chain.push(id);
      id = parentOf.get(id)!;
    }
    let d = id === ROOT ? -1 : (out.get(id) ?? -1);
    for (let i = chain.length - 1; i >= 0; i--) out.set(chain[i], ++d);
  }
  return out;
}

/** The two children of the innermost box holding both `a` and `b` on their way up. */
function siblings(a: string, b: string, parentOf: Map<string, string>, depthOf: Map<string, number>): [string?, string?] {
  const depth = (id: string) => (depthOf.get(parentOf.get(id)!) ?? -1) + 1;
  if (!parentOf.has(a) || !parentOf.has(b)) return [];
  let da = depth(a);
  let db = depth(b);
  while (da > db) (a = parentOf.get(a)!), da--;
  while (db > da) (b = parentOf.get(b)!), db--;
  while (parentOf.get(a) !== parentOf.get(b)) (a = parentOf.get(a)!), (b = parentOf.get(b)!);
  return [a, b];
}

/** Places the items of one box in columns by longest path; returns the box's inner size. */
function arrange(list: Item[]): { w: number; h: number } {
  if (list.length === 0) return { w: 0, h: 24 };
  const inBox = new Set(list);
  // Back edges (closing a cycle) are found by an iterative depth-first search and ignored.
  const state = new Map<Item, number>();
  const keep = new Map<Item, Item[]>();
  for (const start of list) {
    if (state.has(start)) continue;
    const stack: [Item, number][] = [[start, 0]];
    state.set(start, 1);
    keep.set(start, []);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [it, k] = top;
      if (k >= it.out.length) {
        state.set(it, 2);
        stack.pop();
        continue;
      }
      top[1]++;
      const next = it.out[k];
      if (!inBox.has(next) || state.get(next) === 1) continue;
      keep.get(it)!.push(next);
      if (!state.has(next)) {
        state.set(next, 1);
        keep.set(next, []);
        stack.push([next, 0]);
      }
    }
  }
  // Longest path over what is left (a DAG), in topological order.
  for (const it of list) for (const n of keep.get(it)!) n.ins++;
  const queue = list.filter((it) => it.ins === 0);
  for (let q = 0; q < queue.length; q++) {
    const it = queue[q];
    for (const n of keep.get(it)!) {
      if (n.layer < it.layer + 1) n.layer = it.layer + 1;
      if (--n.ins === 0) queue.push(n);
    }
  }
  const columns: Item[][] = [];
  for (const it of list) (columns[it.layer] ??= []).push(it);
  let x = 0;
  let h = 0;
  for (const col of columns) {
    if (!col) continue;
    col.sort((a, b) => a.index - b.index);
    let y = 0;
    let w = 0;
    for (const it of col) {
      it.x = x;
      it.y = y;
      y += it.h + ROW_GAP;
      if (it.w > w) w = it.w;
    }
    h = Math.max(h, y - ROW_GAP);
    x += w + COLUMN_GAP;
  }
  return { w: x - COLUMN_GAP, h };
}
