import { GEOMETRY as G, type Laid } from './geometry.js';
import { layout } from './layout.js';
import type { Badge, GraphModel, Signal } from './model.js';
import { SIGNALS } from './model.js';
import { MONO, monoWidth, r, SANS, sansWidth, xml } from './text.js';
import { BADGE_COLORS, SIGNAL_COLORS, SIGNAL_NAMES } from './theme.js';
import { viewOf } from './view.js';

export interface SvgOptions {
  /** Heading drawn above the graph; default: the configuration's file names. */
  title?: string;
  /** Told when the graph is past ELK's budget and drawn with the simple layout (the reason). */
  onNote?: (note: string) => void;
}

const MARGIN = 24;
const HEADER = 60;
const LEGEND = 40;

/** Light colours first, then the dark ones under `prefers-color-scheme: dark`. */
function style(): string {
  const signalRules = (mode: 'light' | 'dark') =>
    SIGNALS.map((s) => {
      const c = SIGNAL_COLORS[s][mode];
      return `.s-${s} .line{stroke:${c}}.s-${s} .tip,.s-${s}.stripe,.s-${s} .swatch{fill:${c}}.s-${s} .elabel{fill:${c}}`;
    }).join('');
  return [
    `text{font-family:${MONO}}`,
    `.sans{font-family:${SANS}}`,
    '.bg{fill:#ffffff}.heading{fill:#1f2328;font-weight:600}.muted{fill:#59636e}',
    '.node{fill:#ffffff;stroke:#c9d1d9;stroke-width:1}.node.missing{fill:#f6f8fa;stroke:#8c959f;stroke-dasharray:5 4}',
    '.title{fill:#1f2328;font-weight:700}.subtitle{fill:#59636e}',
    '.cluster{fill:#f6f8fa;stroke:#d0d7de;stroke-width:1}.cluster.d1{fill:#eef1f4}.cluster.d2{fill:#e6eaef}',
    '.caption{fill:#6e7781}.ctitle{fill:#1f2328;font-weight:700}',
    '.line{fill:none;stroke-width:1.6}.dashed .line{stroke-dasharray:6 4}.lbg{fill:#ffffff}',
    '.legend{fill:#ffffff;stroke:#d0d7de}',
    signalRules('light'),
    '@media (prefers-color-scheme: dark){',
    '.bg{fill:#0d1117}.heading{fill:#e6edf3}.muted{fill:#9198a1}',
    '.node{fill:#161b22;stroke:#3d444d}.node.missing{fill:#0d1117;stroke:#6e7681}',
    '.title{fill:#e6edf3}.subtitle{fill:#9198a1}',
    '.cluster{fill:#12161c;stroke:#30363d}.cluster.d1{fill:#181d24}.cluster.d2{fill:#1e242c}',
    '.caption{fill:#8b949e}.ctitle{fill:#e6edf3}.lbg{fill:#0d1117}.legend{fill:#0d1117;stroke:#30363d}',
    signalRules('dark'),
    '}',
  ].join('\n');
}

function badgeSvg(b: Badge | undefined, cx: number, cy: number): string {
  if (!b || (!b.errors && !b.warnings)) return '';
  const n = b.errors || b.warnings;
  const color = b.errors ? BADGE_COLORS.error : BADGE_COLORS.warning;
  const what = [b.errors ? `${b.errors} error(s)` : '', b.warnings ? `${b.warnings} warning(s)` : '', b.infos ? `${b.infos} info` : '']
    .filter(Boolean)
    .join(', ');
  const label = n > 9 ? '9+' : String(n);
  return (
    `<g class="badge"><title>${xml(`${what}: ${b.codes.join(', ')}`)}</title>` +
    `<circle cx="${r(cx)}" cy="${r(cy)}" r="9" fill="${color}"/>` +
    `<text x="${r(cx)}" y="${r(cy + 3.8)}" text-anchor="middle" font-size="10.5" font-weight="700" fill="#ffffff">${label}</text></g>`
  );
}

function pathOf(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)} ${r(p.y)}`).join('');
}

/** The arrow head at the last point of an edge, pointing along its last segment. */
function tip(points: { x: number; y: number }[]): string {
  const a = points[points.length - 2];
  const b = points[points.length - 1];
  if (!a || !b) return '';
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const L = 8;
  const W = 4;
  const bx = b.x - ux * L;
  const by = b.y - uy * L;
  return `<path class="tip" d="M${r(b.x)} ${r(b.y)}L${r(bx - uy * W)} ${r(by + ux * W)}L${r(bx + uy * W)} ${r(by - ux * W)}Z"/>`;
}

function legendSvg(signals: Signal[], missing: boolean, x: number, y: number): { svg: string; width: number } {
  const items: string[] = [];
  let cx = x + 14;
  const mid = y + LEGEND / 2 - 6;
  for (const s of signals) {
    const name = SIGNAL_NAMES[s];
    items.push(
      `<g class="s-${s}"><path class="line" d="M${r(cx)} ${r(mid)}h22"/><text class="sans muted" x="${r(cx + 28)}" y="${r(mid + 4)}" font-size="11.5">${xml(name)}</text></g>`,
    );
    cx += 28 + sansWidth(name, 11.5) + 18;
  }
  if (missing) {
    items.push(
      `<g class="s-other dashed"><path class="line" d="M${r(cx)} ${r(mid)}h22"/><text class="sans muted" x="${r(cx + 28)}" y="${r(mid + 4)}" font-size="11.5">unresolved reference</text></g>`,
    );
    cx += 28 + sansWidth('unresolved reference', 11.5) + 18;
  }
  const width = cx - x - 4;
  const box = `<rect class="legend" x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${LEGEND - 12}" rx="6"/>`;
  return { svg: box + items.join(''), width };
}

/** Writes a laid-out view as a standalone SVG document. */
export function svgOf(laid: Laid, signals: Signal[], missing: boolean, title: string): string {
  const body: string[] = [];
  const ox = MARGIN;
  const oy = MARGIN + HEADER;
  for (const c of laid.clusters) {
    const x = ox + c.x;
    const y = oy + c.y;
    const cl = c.cluster;
    body.push(
      `<g class="group" data-id="${xml(cl.id)}"><rect class="cluster d${Math.min(c.depth, 2)}" x="${r(x)}" y="${r(y)}" width="${r(c.w)}" height="${r(c.h)}" rx="10"/>` +
        `<text class="sans caption" x="${r(x + G.clusterPad)}" y="${r(y + 18)}" font-size="${G.captionSize}">${xml(cl.caption)}</text>` +
        `<text class="ctitle" x="${r(x + G.clusterPad)}" y="${r(y + 35)}" font-size="${G.clusterTitleSize}">${xml(cl.title)}</text>` +
        badgeSvg(cl.badge, x + c.w - G.clusterPad - 2, y + 22) +
        '</g>',
    );
  }
  for (const e of laid.edges) {
    if (e.points.length < 2) continue;
    const pts = e.points.map((p) => ({ x: ox + p.x, y: oy + p.y }));
    const cls = `edge s-${e.edge.signal}${e.edge.dashed ? ' dashed' : ''}`;
    let label = '';
    if (e.label) {
      const lx = ox + e.label.x;
      const ly = oy + e.label.y;
      label =
        `<rect class="lbg" x="${r(lx)}" y="${r(ly + 1)}" width="${r(e.label.w)}" height="${r(e.label.h - 2)}" rx="3"/>` +
        `<text class="elabel" x="${r(lx + e.label.w / 2)}" y="${r(ly + G.labelHeight / 2 + 3.6)}" text-anchor="middle" font-size="${G.labelSize}">` +
        e.edge.labels.map((l, i) => (i ? `<tspan x="${r(lx + e.label!.w / 2)}" dy="${G.labelLine}">${xml(l)}</tspan>` : xml(l))).join('') +
        '</text>';
    }
    body.push(`<g class="${cls}"><path class="line" d="${pathOf(pts)}"/>${tip(pts)}${label}</g>`);
  }
  for (const n of laid.nodes) {
    const x = ox + n.x;
    const y = oy + n.y;
    const v = n.node;
    const missingCls = v.kind === 'missing' ? ' missing' : '';
    const tx = x + G.stripe + G.padX;
    const titleY = v.subtitle ? y + 20 : y + n.h / 2 + 4.5;
    body.push(
      `<g class="block k-${v.kind}" data-id="${xml(v.id)}"><rect class="node${missingCls}" x="${r(x)}" y="${r(y)}" width="${r(n.w)}" height="${r(n.h)}" rx="6"/>` +
        (v.kind === 'missing' ? '' : `<path class="stripe s-${v.signal}" d="M${r(x + 6)} ${r(y)}A6 6 0 0 0 ${r(x)} ${r(y + 6)}V${r(y + n.h - 6)}A6 6 0 0 0 ${r(x + 6)} ${r(y + n.h)}Z"/>`) +
        `<text class="title" x="${r(tx)}" y="${r(titleY)}" font-size="${G.titleSize}">${xml(v.title)}</text>` +
        (v.subtitle ? `<text class="subtitle" x="${r(tx)}" y="${r(y + 20 + G.lineGap)}" font-size="${G.subtitleSize}">${xml(v.subtitle)}</text>` : '') +
        badgeSvg(v.badge, x + n.w - G.badge / 2 - 4, y + n.h / 2) +
        '</g>',
    );
  }
  const legend = legendSvg(signals, missing, MARGIN, oy + laid.height + 20);
  const heading = `<text class="heading" x="${MARGIN}" y="${MARGIN + 18}" font-size="16">${xml(title)}</text>`;
  const caption = `Grafana Alloy pipeline · data flows left to right${laid.note ? ' · simple layout (too large for the full one)' : ''}`;
  const sub = `<text class="sans muted" x="${MARGIN}" y="${MARGIN + 35}" font-size="11.5">${xml(caption)}</text>`;
  const width = Math.ceil(Math.max(laid.width, legend.width, monoWidth(title, 16), sansWidth(caption, 11.5)) + MARGIN * 2);
  const height = Math.ceil(oy + laid.height + 20 + LEGEND + MARGIN - 12);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xml(title)}">`,
    `<title>${xml(title)}</title>`,
    `<style>\n${style()}\n</style>`,
    `<rect class="bg" width="100%" height="100%"/>`,
    heading,
    sub,
    ...body,
    legend.svg,
    '</svg>',
    '',
  ].join('\n');
}

/** Lays the model out and writes it as a standalone SVG (no DOM, no external fonts or scripts). */
export async function toSvg(model: GraphModel, opts: SvgOptions = {}): Promise<string> {
  const view = viewOf(model);
  const laid = await layout(view);
  if (laid.note) opts.onNote?.(laid.note);
  const title = opts.title ?? (model.files.map((f) => f.slice(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1)).join(', ') || 'Alloy configuration');
  return svgOf(laid, view.signals, view.missing, title);
}
