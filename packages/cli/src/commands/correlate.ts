// `alloy-lint correlate`: runs one or more configurations on their samples, then checks
// that Grafana's trace → logs and logs → trace links would find what the pipelines
// deliver, with the data sources as provisioned. The logic lives in @alloy-lint/runtime.

import { correlate, readDataSources, type CorrelationReport, type RunResult } from '@alloy-lint/runtime';
import type { Command } from 'commander';
import pc from 'picocolors';
import { useColor } from '../color.js';
import { readInput } from '../files.js';
import { type Io, UsageError } from '../io.js';
import { parseData, parseNow } from '../runtime-host.js';
import { safeText } from '../safe-text.js';
import { learnSecrets, redacting, Redactor } from '../secrets.js';
import { runFromFiles } from './run.js';

interface CorrelateOptions {
  config: string[];
  inputs: string[];
  grafana: string;
  format: string;
  alloyVersion?: string;
  now?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('correlate')
    .description("check Grafana's trace → logs and logs → trace links on what the pipelines deliver (Tempo tracesToLogsV2, Loki derived fields)")
    .requiredOption('-c, --config <path>', 'an Alloy file or directory; repeat for several pipelines', collect, [])
    .option('-i, --inputs <samples>', 'samples for the config at the same position (one file: for every config)', collect, [])
    .requiredOption('-g, --grafana <file>', 'Grafana data-source provisioning YAML')
    .option('-f, --format <format>', 'output format: text, json', 'text')
    .option('--alloy-version <version>', 'Alloy release to follow')
    .option('--now <time>', 'clock for entries read without a timestamp (RFC 3339)')
    .action(async (raw: Record<string, unknown>) => {
      done(await correlateCommand(raw as unknown as CorrelateOptions, io));
    });
}

export async function correlateCommand(opts: CorrelateOptions, io: Io): Promise<number> {
  if (!['text', 'json'].includes(opts.format)) throw new UsageError(`unknown format ${JSON.stringify(opts.format)} (expected text or json)`);
  if (opts.inputs.length > 1 && opts.inputs.length !== opts.config.length) throw new UsageError(`${opts.config.length} --config but ${opts.inputs.length} --inputs: give one samples file per config, or one for all`);
  // Inside its root, a regular file, capped (see SECURITY.md); a failure is one line.
  const text = new TextDecoder().decode((await readInput(opts.grafana, io)).bytes);
  const ds = readDataSources(parseData(text, opts.grafana));
  if ('errors' in ds) throw new UsageError(`${opts.grafana}: ${ds.errors.join('; ')}`);
  parseNow(opts.now);
  const runs: RunResult[] = [];
  // Secrets of every configuration are masked in everything printed (learnt as each one runs).
  const redactor = new Redactor();
  const raw = io;
  io = redacting(io, redactor);
  for (const [i, config] of opts.config.entries()) {
    const r = await runFromFiles(config, { inputs: opts.inputs[opts.inputs.length > 1 ? i : 0], alloyVersion: opts.alloyVersion, now: opts.now }, raw);
    learnSecrets(redactor, r.sources, r.diagnostics);
    if (!r.ok) {
      io.stderr(`alloy-lint: ${config} does not load (run \`alloy-lint check ${config}\`)\n`);
      return 1;
    }
    const failed = r.components.filter((c) => c.status === 'failed');
    for (const f of failed) io.stderr(`alloy-lint: ${config}: ${f.id} failed: ${safeText(f.message ?? '')}\n`);
    if (failed.length) return 1;
    runs.push(r);
  }
  const report = correlate(runs, ds.sources);
  if (opts.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(reportText(report, pc.createColors(useColor(io))));
  return report.ok ? 0 : 1;
}

function reportText(r: CorrelationReport, c: ReturnType<typeof pc.createColors>): string {
  let out = '';
  for (const p of r.problems) out += `${c.red('✗')} ${safeText(p)}\n`;
  if (r.traceToLogs.length) out += `${c.bold('Trace → logs')} ${c.dim('(what the Tempo data source links each span to)')}\n`;
  for (const l of r.traceToLogs) {
    const head = `span ${c.bold(l.span.name)} ${c.dim(`(${l.span.service || 'no service.name'}, trace ${l.span.traceId}, ${l.span.sink}) via ${l.tempo}`)}`;
    out += `  ${l.ok ? c.green('✓') : c.red('✗')} ${head}${l.ok ? ` → ${l.matched} log line${l.matched === 1 ? '' : 's'}` : ''}\n`;
    if (l.query) out += `      ${c.cyan(l.query)}${l.range ? c.dim(`  [${l.range.from}, ${l.range.to})`) : ''}\n`;
    if (l.problem) out += `      ${c.red(l.problem)}\n`;
    for (const n of l.notes) out += `      ${c.dim(n)}\n`;
  }
  if (r.logsToTrace.length) out += `${c.bold('Logs → trace')} ${c.dim('(what each derived field links a line to)')}\n`;
  for (const l of r.logsToTrace) {
    out += `  ${l.ok ? c.green('✓') : c.red('✗')} ${c.dim(`${l.loki} / ${l.field}`)} "${l.line.replace(/\n$/, '')}" → trace ${l.traceId}\n`;
    if (l.problem) out += `      ${c.red(l.problem)}\n`;
  }
  if (r.unlinkedLines) out += `  ${c.dim(`${r.unlinkedLines} log line(s) carry no trace id a derived field recognises`)}\n`;
  const failures = r.problems.length + r.traceToLogs.filter((l) => !l.ok).length + r.logsToTrace.filter((l) => !l.ok).length;
  out += r.ok ? `${c.green('correlation ok')}: ${r.traceToLogs.length} span link(s), ${r.logsToTrace.length} line link(s) checked\n` : `${c.red(`${failures} correlation problem(s)`)}\n`;
  return out;
}
