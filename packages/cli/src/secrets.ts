// Secrets never leave the CLI: string literals of secret arguments (and of attributes named
// like one), passwords in URLs (with or without a scheme) and query-string tokens are masked
// in every excerpt and every line the commands print. Works on text that does not parse.

import { SourceFile } from '@alloy-lint/parser';
import { type Io, withIo } from './io.js';
import { unquote } from '@alloy-lint/gostd';
import { ALREADY, ASSIGNED, NOT_SECRET, QUERY, Redactor, SECRET_NAME, USERINFO } from './redact.js';

export { Redactor } from './redact.js';

/** Byte range of a secret's characters (inside its quotes, or a URL password, a query value). */
export interface Span {
  start: number;
  end: number;
}

/** The value a span stands for, as it may appear in other output: a quoted literal decoded as Go does. */
function valueOf(bytes: Uint8Array, s: Span): string {
  const decode = (a: number, b: number) => new TextDecoder().decode(bytes.subarray(a, b));
  const q = bytes[s.start - 1];
  if ((q === 0x22 || q === 0x60) && bytes[s.end] === q) {
    try {
      return unquote(decode(s.start - 1, s.end + 1));
    } catch {
      // not a valid literal: its raw text
    }
  }
  return decode(s.start, s.end);
}

/** Learns the values of `spans` in `bytes`. */
function learn(redactor: Redactor, bytes: Uint8Array, spans: Span[]): void {
  for (const s of spans) redactor.add(valueOf(bytes, s));
}

/** Secret spans in `bytes` (byte offsets), found by name and by pattern; `extra` adds known ones. */
export function secretSpans(bytes: Uint8Array, extra: Span[] = []): Span[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const spans: Span[] = [...extra];
  for (const m of text.matchAll(ASSIGNED)) {
    if (!SECRET_NAME.test(m[2]) || NOT_SECRET.test(m[2]) || m[3].length <= 2) continue;
    const start = m.index! + m[0].length - m[3].length + 1;
    spans.push({ start, end: start + m[3].length - 2 });
  }
  for (const m of text.matchAll(USERINFO)) {
    if (ALREADY.test(m[2])) continue;
    const start = m.index! + m[1].length + 1;
    spans.push({ start, end: start + m[2].length });
  }
  for (const m of text.matchAll(QUERY)) {
    if (ALREADY.test(m[2])) continue;
    const start = m.index! + m[1].length + 1;
    spans.push({ start, end: start + m[2].length });
  }
  return spans;
}

/** A copy of the source with every secret byte replaced by `*` (positions unchanged). */
export function maskedSource(source: SourceFile, spans: Span[]): SourceFile {
  if (spans.length === 0) return source;
  const bytes = new Uint8Array(source.bytes);
  for (const s of spans) bytes.fill(0x2a, Math.max(0, s.start), Math.min(bytes.length, s.end));
  return new SourceFile(bytes, source.name);
}


/** Every occurrence of the known values in `bytes`, as spans. */
function occurrences(bytes: Uint8Array, values: Iterable<string>): Span[] {
  const hay = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Span[] = [];
  for (const v of values) {
    const needle = Buffer.from(v);
    for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  }
  return out;
}

/** A diagnostic's literal (quotes excluded) when it reports a secret in clear text. */
export const literalSpan = (d: { start: number; end: number }): Span => ({ start: d.start + 1, end: d.end - 1 });

/**
 * The reports with every secret masked in their sources (so excerpts never show one); the
 * redactor learns the values, to mask them in messages and in any other output.
 */
export function maskReports<R extends { source: SourceFile; diagnostics: { code: string; start: number; end: number }[] }>(reports: R[], redactor: Redactor): R[] {
  const found = reports.map((r) => {
    const extra = r.diagnostics.filter((d) => d.code === 'hardcoded-secret').map(literalSpan);
    const spans = secretSpans(r.source.bytes, extra);
    learn(redactor, r.source.bytes, spans);
    return spans;
  });
  return reports.map((r, i) => ({ ...r, source: maskedSource(r.source, [...found[i], ...occurrences(r.source.bytes, redactor.known())]) }));
}

/** The sources with their secrets masked, for a report printed from sources and diagnostics (alloyReport). */
export function maskedSources(sources: Map<string, SourceFile>, diagnostics: { file: string; code: string; start: number; end: number }[], redactor: Redactor): Map<string, SourceFile> {
  const reports = [...sources].map(([name, source]) => ({ name, source, diagnostics: diagnostics.filter((d) => d.file === name) }));
  return new Map(maskReports(reports, redactor).map((r) => [r.name, r.source]));
}

/** Learns the secrets of configuration files that are not reported (run, test, graph). */
export function learnSecrets(redactor: Redactor, sources: Map<string, SourceFile>, diagnostics: { code: string; start: number; end: number; file: string }[] = []): void {
  for (const [name, s] of sources) {
    const extra = diagnostics.filter((d) => d.code === 'hardcoded-secret' && d.file === name).map(literalSpan);
    learn(redactor, s.bytes, secretSpans(s.bytes, extra));
  }
}

/** The same Io with every line it prints redacted. */
export function redacting(io: Io, redactor: Redactor): Io {
  return withIo(io, { stdout: (s: string) => io.stdout(redactor.text(s)), stderr: (s: string) => io.stderr(redactor.text(s)) });
}
