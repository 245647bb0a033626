import { utf8Bytes } from '@alloy-lint/gostd';
import type { Diagnostic, Edit, Severity } from '@alloy-lint/parser';
import type { Embed } from './extract.js';
import { chartDefines } from './k8s-monitoring.js';

/** Rule id of unresolved references in fragments that the surrounding configuration defines. */
export const FRAGMENT_REFERENCE = 'fragment-reference';

export interface MapOptions {
  /** Severity overrides (`.alloy-lint.json` rules); applies to `fragment-reference`. */
  rules?: Record<string, Severity | 'off'>;
}

type Related = { file: string; start: number; end: number; message: string };
type WithRelated = Diagnostic & { file?: string; related?: Related[] };

const CHART_WIRED = new Set(['no-inputs', 'unused-output']);

/** Whether an edit's new text can be written into the YAML scalar as it is. */
function safeInStyle(embed: Embed, text: string): boolean {
  switch (embed.scalar.style) {
    case 'literal':
      return !text.includes('\n') && !text.includes('\r');
    case 'double-quoted':
      return !/["\\\n\r]/.test(text);
    case 'single-quoted':
      return !/['\n\r]/.test(text);
    default:
      return /^[\w .=,()[\]{}+-]*$/.test(text) && !text.includes(': ') && !text.includes(' #');
  }
}

function mapEdits(embed: Embed, edits: Edit[]): Edit[] | undefined {
  const out: Edit[] = [];
  for (const e of edits) {
    if (!embed.map.isExact(e.start, e.end) || embed.map.touchesStandIn(e.start, e.end) || !safeInStyle(embed, e.text)) return undefined;
    out.push({ start: embed.map.toHost(e.start, 'start'), end: embed.map.toHost(e.end, 'end'), text: e.text });
  }
  return out;
}

/** True for diagnostics about a block as a whole (their range is the header up to `{`). */
function isHeader(embedded: Uint8Array, start: number, end: number): boolean {
  let i = Math.min(end, embedded.length) - 1;
  while (i > start && (embedded[i] === 0x20 || embedded[i] === 0x09)) i--;
  return embedded[i] === 0x7b;
}

/**
 * Maps diagnostics of `embed.text` (byte offsets there) to the YAML file (byte offsets
 * of `Extraction.source`). A diagnostic inside text that is not in the file (a wrapper)
 * or about a template placeholder's unknown value is dropped; a syntax error next to a
 * placeholder becomes a `template` warning on the action, as the content was not checked.
 * Unresolved references in fragments become `fragment-reference` infos when the chart
 * defines what they name. `file` and related locations of `name` are kept.
 */
export function mapDiagnostics<D extends WithRelated>(embed: Embed, diags: D[], options: MapOptions = {}): D[] {
  const map = embed.map;
  const bytes = utf8Bytes(embed.text);
  const out: D[] = [];
  for (const d of diags) {
    // The component a chart generates and a fragment replaces the body of is fed by the chart.
    if (d.start < embed.headerEnd && CHART_WIRED.has(d.code)) continue;
    const standIn = map.standInAt(d.start);
    let mapped: D = { ...d };
    if (standIn && d.code === 'syntax') {
      if (standIn.kind === 'placeholder') {
        mapped = { ...d, severity: 'warning', code: 'template', message: `not checked: with a placeholder for this template action the content does not parse as Alloy (${d.message})`, start: standIn.hostStart, end: standIn.hostEnd };
        delete mapped.fix;
        out.push(mapped);
        continue;
      }
    } else if (standIn) continue;
    else if (d.code !== 'syntax' && map.touchesStandIn(d.start, d.end) && !isHeader(bytes, d.start, d.end)) continue;
    mapped.start = map.toHost(d.start, 'start');
    mapped.end = d.end <= d.start ? mapped.start : Math.max(mapped.start, map.toHost(d.end, 'end'));
    if (d.fix) {
      const edits = mapEdits(embed, d.fix.edits);
      if (edits) mapped.fix = { title: d.fix.title, edits };
      else delete mapped.fix;
    }
    if (d.related) {
      mapped.related = d.related.flatMap((r) => {
        if (r.file !== d.file) return [r];
        if (map.standInAt(r.start)) return [];
        return [{ ...r, start: map.toHost(r.start, 'start'), end: Math.max(map.toHost(r.start, 'start'), map.toHost(r.end, 'end')) }];
      });
    }
    if (embed.kind === 'fragment' && d.code === 'unknown-reference') {
      const ref = /component "([^"]+)"/.exec(d.message)?.[1] ?? '';
      const verdict = embed.origin === 'k8s-monitoring' ? chartDefines(ref, embed.chart ?? {}) : { defined: true as const, message: `${ref} is not defined in this fragment; it is assumed to come from the configuration the fragment is merged into` };
      if (verdict?.defined) {
        const sev = options.rules?.[FRAGMENT_REFERENCE];
        if (sev === 'off') continue;
        mapped = { ...mapped, severity: sev ?? 'info', code: FRAGMENT_REFERENCE, message: verdict.message };
      } else if (verdict) mapped.hint = verdict.hint;
    }
    out.push(mapped);
  }
  return out;
}
