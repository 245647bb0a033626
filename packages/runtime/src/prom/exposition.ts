// The Prometheus text exposition format (0.0.4, and OpenMetrics text as far as the
// scrape loop reads it): one sample per series line, HELP/TYPE metadata. A syntax error
// fails the whole scrape, as it does in Prometheus.

import { parseFloat64 } from '@alloy-lint/gostd';
import type { Labels } from '../samples.js';

export interface ParsedSample {
  labels: Labels;
  value: number;
  /** Explicit timestamp in milliseconds, when the line has one. */
  t?: number;
}

export interface Exposition {
  samples: ParsedSample[];
  /** Metric family → type (counter, gauge, histogram, summary, untyped, ...). */
  types: Map<string, string>;
  help: Map<string, string>;
  openMetrics: boolean;
}

const NAME_START = /[a-zA-Z_:]/;
const NAME_CHAR = /[a-zA-Z0-9_:]/;

/** strconv.ParseFloat, as Prometheus' text parser reads values; undefined when it fails. */
export function parseFloatGo(s: string): number | undefined {
  try {
    return parseFloat64(s);
  } catch {
    return undefined;
  }
}

class LineParser {
  i = 0;
  constructor(
    readonly line: string,
    readonly lineNo: number,
  ) {}

  fail(msg: string): never {
    throw new Error(`line ${this.lineNo}: ${msg}`);
  }

  ws(): void {
    while (this.line[this.i] === ' ' || this.line[this.i] === '\t') this.i++;
  }

  name(): string {
    const start = this.i;
    if (!NAME_START.test(this.line[this.i] ?? '')) this.fail(`expected a metric or label name, got ${JSON.stringify(this.line.slice(this.i, this.i + 10))}`);
    while (NAME_CHAR.test(this.line[this.i] ?? '')) this.i++;
    return this.line.slice(start, this.i);
  }

  quoted(): string {
    if (this.line[this.i] !== '"') this.fail('expected a quoted string');
    let out = '';
    this.i++;
    for (;;) {
      const c = this.line[this.i++];
      if (c === undefined) this.fail('unterminated quoted string');
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.line[this.i++];
        if (e === 'n') out += '\n';
        else if (e === '\\' || e === '"') out += e;
        else this.fail(`invalid escape sequence \\${e ?? ''}`);
      } else out += c;
    }
  }

  labels(into: Labels): void {
    this.i++; // {
    for (;;) {
      this.ws();
      if (this.line[this.i] === '}') {
        this.i++;
        return;
      }
      let name: string;
      if (this.line[this.i] === '"') {
        name = this.quoted();
        this.ws();
        if (this.line[this.i] !== '=') {
          // A quoted metric name inside the braces (UTF-8 names).
          if (into.__name__ !== undefined) this.fail('metric name given twice');
          into.__name__ = name;
          if (this.line[this.i] === ',') this.i++;
          continue;
        }
      } else name = this.name();
      this.ws();
      if (this.line[this.i] !== '=') this.fail(`expected "=" after label name ${name}`);
      this.i++;
      this.ws();
      const value = this.quoted();
      if (Object.prototype.hasOwnProperty.call(into, name)) this.fail(`duplicate label name ${name}`);
      into[name] = value;
      this.ws();
      if (this.line[this.i] === ',') this.i++;
      else if (this.line[this.i] !== '}') this.fail(`expected "," or "}" after label ${name}`);
    }
  }

  token(): string {
    this.ws();
    const start = this.i;
    while (this.i < this.line.length && this.line[this.i] !== ' ' && this.line[this.i] !== '\t') this.i++;
    return this.line.slice(start, this.i);
  }
}

/** Parses exposition text; throws with the line number on the first syntax error. */
export function parseExposition(text: string): Exposition {
  const out: Exposition = { samples: [], types: new Map(), help: new Map(), openMetrics: false };
  const lines = text.split('\n');
  let eof = false;
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n].replace(/\r$/, '');
    if (eof && raw.trim() !== '') throw new Error(`line ${n + 1}: data after # EOF`);
    if (raw.trim() === '') continue;
    if (raw.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE|UNIT)\s+(\S+)(?:\s+(.*))?$/.exec(raw);
      if (m) {
        const name = m[2].startsWith('"') ? m[2].slice(1, -1) : m[2];
        if (m[1] === 'TYPE') out.types.set(name, (m[3] ?? '').trim().toLowerCase());
        else if (m[1] === 'HELP') out.help.set(name, m[3] ?? '');
      } else if (/^#\s*EOF\s*$/.test(raw)) {
        eof = true;
        out.openMetrics = true;
      }
      continue;
    }
    const p = new LineParser(raw, n + 1);
    const labels: Labels = {};
    p.ws();
    if (p.line[p.i] !== '{') labels.__name__ = p.name();
    if (p.line[p.i] === '{') p.labels(labels);
    if (labels.__name__ === undefined) p.fail('a sample needs a metric name');
    const valueText = p.token();
    const value = parseFloatGo(valueText);
    if (value === undefined) p.fail(`invalid value ${JSON.stringify(valueText)}`);
    const tsText = p.token();
    const s: ParsedSample = { labels, value: value! };
    if (tsText !== '') {
      if (!/^-?\d+(\.\d+)?$/.test(tsText)) p.fail(`invalid timestamp ${JSON.stringify(tsText)}`);
      s.t = Number(tsText);
    }
    if (p.token() !== '' && !out.openMetrics) p.fail('unexpected text after the timestamp');
    out.samples.push(s);
  }
  // OpenMetrics writes timestamps in seconds.
  if (out.openMetrics) for (const s of out.samples) if (s.t !== undefined) s.t = Math.round(s.t * 1000);
  return out;
}
