import { parse, type Block } from '@alloy-lint/parser';
import { buildLokiPipeline, type LogEntry, type LokiPipeline, type PipelineOptions } from '../src/loki/index.js';
import { catalog } from './helpers.js';

type Options = Partial<PipelineOptions>;

/** Builds a pipeline from the body of a loki.process block; throws on a config error. */
export function pipeline(body: string, opts: Options = {}): LokiPipeline {
  const r = build(body, opts);
  if ('error' in r) throw new Error(r.error);
  return r.pipeline;
}

export function build(body: string, opts: Options = {}) {
  const { ast, source, diagnostics } = parse(`loki.process "t" {\n${body}\n}`);
  if (diagnostics.length) throw new Error(diagnostics[0].message);
  const blocks = (ast.body[0] as Block).body.filter((s): s is Block => s.kind === 'Block');
  return buildLokiPipeline(blocks, source, { catalog, ...opts });
}

export function configError(body: string): string {
  const r = build(body);
  if (!('error' in r)) throw new Error('config accepted');
  return r.error;
}

export function entry(line: string, labels: Record<string, string> = {}, extra: Partial<LogEntry> = {}): LogEntry {
  return { line, timestamp: '2024-05-06T07:08:09Z', labels, structuredMetadata: [], ...extra };
}

/** Runs one line and returns the single output. */
export function one(body: string, line: string, labels: Record<string, string> = {}, opts: Options = {}): LogEntry {
  const outs = pipeline(body, opts).process(entry(line, labels)).outputs;
  if (outs.length !== 1) throw new Error(`${outs.length} outputs`);
  return outs[0];
}
