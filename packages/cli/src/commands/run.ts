import { dirname, resolve } from 'node:path';
import { runConfig, runText, type RunResult } from '@alloy-lint/runtime';
import type { Stability } from '@alloy-lint/analyzer';
import type { Command } from 'commander';
import pc from 'picocolors';
import { useColor } from '../color.js';
import { configFor, STABILITY } from '../config.js';
import { confinementFor } from '../confine.js';
import { folderFiles, readInput } from '../files.js';
import { collect, flag } from '../flags.js';
import { type Io, UsageError } from '../io.js';
import { isAlloySourceName, notAlloy } from '../not-alloy.js';
import { learnSecrets, maskReports, redacting, Redactor } from '../secrets.js';
import { safeText } from '../safe-text.js';
import { isYaml } from '../yaml-files.js';
import { stylish } from '../report/stylish.js';
import { toJson } from '../report/types.js';
import { loadSamples, nodeHost, parseNow } from '../runtime-host.js';
import { DEFAULT_ALLOY_VERSION, loadSchemaCatalog } from '../schemas.js';

interface RunOptions {
  inputs?: string;
  format: string;
  trace?: boolean;
  alloyVersion?: string;
  stabilityLevel?: string;
  community?: boolean;
  now?: string;
  yamlPath?: string;
  root?: string;
  env?: string[];
}


export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('run')
    .description('run a configuration on sample inputs: what reaches each sink, and with --trace how it got there')
    .argument('<config>', 'an Alloy file, or a directory whose *.alloy files form one configuration')
    .option('-i, --inputs <samples>', 'samples file (YAML or JSON): Kubernetes objects, files, env, log entries')
    .option('-f, --format <format>', 'output format: text, json', 'text')
    .option('--trace', 'show every target rule by rule and every entry stage by stage')
    .option('--alloy-version <version>', `Alloy release to follow (default ${DEFAULT_ALLOY_VERSION})`)
    .option('--stability.level <level>', `lowest stability level allowed: ${STABILITY.join(', ')} (default generally-available)`)
    .option('--feature.community-components.enabled', 'allow community components')
    .option('--now <time>', 'clock for entries read without a timestamp (RFC 3339; default: the current time)')
    .option('--yaml-path <pattern>', 'in a YAML file holding several configurations, the one to run')
    .option('--root <dir>', 'folder that local.file, import.file and globs may read (default: the repository holding the config, else its folder)')
    .option('--env <name>', 'let sys.env see this variable of the environment (repeatable; by default it sees only the samples\' env)', collect)
    .action(async (config: string, raw: Record<string, unknown>, cmd: Command) => {
      done(
        await run(config, {
          inputs: raw.inputs as string | undefined,
          format: raw.format as string,
          trace: Boolean(raw.trace),
          alloyVersion: raw.alloyVersion as string | undefined,
          stabilityLevel: flag<string>(cmd, '--stability.level'),
          community: Boolean(flag(cmd, '--feature.community-components.enabled')),
          now: raw.now as string | undefined,
          yamlPath: raw.yamlPath as string | undefined,
          root: raw.root as string | undefined,
          env: raw.env as string[] | undefined,
        }, io),
      );
    });
}

/** The result with the messages and warnings it prints escaped for a terminal (they quote the config). */
export function terminalSafe(r: RunResult): RunResult {
  const components = r.components.map((x) => (x.message ? { ...x, message: safeText(x.message) } : x));
  return { ...r, components, warnings: r.warnings.map(safeText) };
}

/** A redactor that knows the secrets of `results`' configurations. */
export function secretsOf(results: RunResult[]): Redactor {
  const redactor = new Redactor();
  for (const r of results) learnSecrets(redactor, r.sources, r.diagnostics);
  return redactor;
}

/** JSON output: the result without source texts, diagnostics with line and column. */
function jsonResult(r: RunResult): unknown {
  const { sources, diagnostics, ...rest } = r;
  const diags = diagnostics.map((d) => toJson({ name: d.file, source: sources.get(d.file)!, diagnostics: [] }, d));
  return { ...rest, diagnostics: diags };
}

/** Loads a configuration (Alloy files or YAML) and its samples and runs it; `names` are the files given. */
async function loadAndRun(config: string, opts: Omit<RunOptions, 'format'>, io: Io): Promise<{ result: RunResult; names: string[] }> {
  const stability = opts.stabilityLevel ?? 'generally-available';
  if (!STABILITY.includes(stability)) throw new UsageError(`invalid stability level ${JSON.stringify(stability)} (expected one of ${STABILITY.join(', ')})`);
  let catalog;
  try {
    catalog = loadSchemaCatalog(opts.alloyVersion ?? DEFAULT_ALLOY_VERSION);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const y = isYaml(config) ? await import('../sources.js') : undefined;
  const yaml = y ? await y.singleYamlUnit(config, io, y.yamlPathsOf(configFor(config, io.cwd).config.yamlPaths), opts.yamlPath) : undefined;
  if (y && yaml) y.assertRunnable(yaml.unit);
  const names = yaml ? [config] : (folderFiles(config, io.cwd) ?? [config]);
  const files = yaml ? yaml.unit.files : [];
  if (!yaml) {
    for (const n of names) {
      const text = (await readInput(n, io, { root: opts.root })).bytes;
      const why = notAlloy(text);
      if (why) throw new UsageError(`${n}: ${why}`);
      files.push({ name: n, text });
    }
  }
  const samples = opts.inputs ? loadSamples(opts.inputs, io) : {};
  const abs = resolve(io.cwd, config);
  const configDir = names.length > 1 || names[0] !== config ? abs : dirname(abs);
  const host = nodeHost(io, [io.cwd, configDir], confinementFor(config, io.cwd, opts.root), { now: parseNow(opts.now), env: opts.env });
  let result = runConfig(files, { catalog, host, samples, trace: opts.trace, minStability: stability as Stability, community: opts.community });
  if (y && yaml) {
    const { src, unit } = yaml;
    result = y.remapRanges({ ...result, diagnostics: y.mapUnit(src, unit, result.diagnostics), sources: new Map([...result.sources, [src.name, src.extraction.source]]) }, src, unit);
  }
  return { result, names };
}

/** Loads a configuration (Alloy files or YAML) and its samples and runs it (shared with `correlate`). */
export async function runFromFiles(config: string, opts: Omit<RunOptions, 'format'>, io: Io): Promise<RunResult> {
  return (await loadAndRun(config, opts, io)).result;
}

export async function run(config: string, opts: RunOptions, io: Io): Promise<number> {
  if (!['text', 'json'].includes(opts.format)) throw new UsageError(`unknown format ${JSON.stringify(opts.format)} (expected text or json)`);
  const { result, names } = await loadAndRun(config, opts, io);
  // Secret literals of the configuration (and passwords in URLs, tokens in queries) are masked in all output.
  const redactor = secretsOf([result]);
  io = redacting(io, redactor);
  const nothing = result.ok && result.components.length > 0 && !result.components.some((c) => c.status === 'simulated');
  const failed = !result.ok || nothing || result.components.some((c) => c.status === 'failed');
  if (opts.format === 'json') {
    io.stdout(JSON.stringify(jsonResult(result), null, 2) + '\n');
    return failed ? 1 : 0;
  }
  const color = useColor(io);
  if (!result.ok) {
    const reports = [...result.sources.keys()].map((name) => ({
      name,
      source: result.sources.get(name)!,
      diagnostics: result.diagnostics.filter((d) => d.file === name),
      ...(names.includes(name) || isAlloySourceName(name) ? {} : { excerpt: false }),
    }));
    io.stderr(stylish(maskReports(reports.filter((r) => r.diagnostics.length), redactor), color));
    io.stderr('alloy-lint: the configuration does not load, so it was not run\n');
    return 1;
  }
  io.stdout(runText(terminalSafe(result), { style: pc.createColors(color), trace: Boolean(opts.trace) }));
  if (nothing) io.stderr('alloy-lint: no component of this configuration could be simulated\n');
  return failed ? 1 : 0;
}
