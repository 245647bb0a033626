// A small Prometheus registry for the metrics loki.process stages keep:
// counters, gauges and histograms keyed by label set, and the text exposition.

import { formatFloat } from '@alloy-lint/gostd';

type Kind = 'counter' | 'gauge' | 'histogram';

interface Series {
  labels: [string, string][];
  value: number;
  buckets?: number[];
  count?: number;
}

export class Family {
  readonly series = new Map<string, Series>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly kind: Kind,
    /** Histogram upper bounds. */
    readonly bounds: number[] = [],
    /** A plain (non-vector) metric shows its zero value before any update. */
    readonly plain = false,
  ) {
    if (plain) this.get([]);
  }

  get(labels: [string, string][]): Series {
    const key = labels.map(([k, v]) => `${k}\u0000${v}`).join('\u0001');
    let s = this.series.get(key);
    if (!s) {
      s = { labels: labels.slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)), value: 0 };
      if (this.kind === 'histogram') {
        s.buckets = this.bounds.map(() => 0);
        s.count = 0;
      }
      this.series.set(key, s);
    }
    return s;
  }

  add(labels: [string, string][], v: number): void {
    this.get(labels).value += v;
  }

  set(labels: [string, string][], v: number): void {
    this.get(labels).value = v;
  }

  observe(labels: [string, string][], v: number): void {
    const s = this.get(labels);
    s.value += v;
    s.count! += 1;
    for (let i = 0; i < this.bounds.length; i++) if (v <= this.bounds[i]) s.buckets![i]++;
  }
}

export class Registry {
  private readonly families = new Map<string, Family>();

  /** Returns the family, creating it on first use (like MustRegisterOrGet). */
  family(name: string, help: string, kind: Kind, bounds?: number[], plain = false): Family {
    let f = this.families.get(name);
    if (!f) {
      f = new Family(name, help, kind, bounds, plain);
      this.families.set(name, f);
    }
    return f;
  }

  has(name: string): boolean {
    return this.families.has(name);
  }

  /** The Prometheus text exposition of every family with at least one series, sorted by name. */
  exposition(): string {
    let out = '';
    for (const f of [...this.families.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (f.series.size === 0) continue;
      out += `# HELP ${f.name} ${escapeHelp(f.help)}\n# TYPE ${f.name} ${f.kind}\n`;
      const series = [...f.series.values()].sort((a, b) => cmpLabels(a.labels, b.labels));
      for (const s of series) {
        if (f.kind !== 'histogram') {
          out += `${f.name}${labelText(s.labels)} ${num(s.value)}\n`;
          continue;
        }
        for (let i = 0; i < f.bounds.length; i++) {
          out += `${f.name}_bucket${labelText([...s.labels, ['le', num(f.bounds[i])]])} ${s.buckets![i]}\n`;
        }
        out += `${f.name}_bucket${labelText([...s.labels, ['le', '+Inf']])} ${s.count}\n`;
        out += `${f.name}_sum${labelText(s.labels)} ${num(s.value)}\n`;
        out += `${f.name}_count${labelText(s.labels)} ${s.count}\n`;
      }
    }
    return out;
  }
}

function cmpLabels(a: [string, string][], b: [string, string][]): number {
  const x = labelText(a);
  const y = labelText(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return formatFloat(v, 'g', -1);
}

function escapeHelp(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function labelText(labels: [string, string][]): string {
  if (labels.length === 0) return '';
  return '{' + labels.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',') + '}';
}
