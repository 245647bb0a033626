import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { readPipelineTest, renderEntry, runPipelineTest, type TestOutcome } from '@alloy-lint/runtime';
import type { Command } from 'commander';
import pc from 'picocolors';
import { globSync } from 'tinyglobby';
import { useColor } from '../color.js';
import { confinementFor } from '../confine.js';
import { collect } from '../flags.js';
import { type Io, UsageError } from '../io.js';
import { writeOutput } from '../files.js';
import { safeText } from '../safe-text.js';
import { learnSecrets, redacting, Redactor } from '../secrets.js';
import { junit, type JunitCase } from '../report/junit.js';
import { loadYaml, mapUnit, remapRanges, type YamlSource, type YamlUnit } from '../sources.js';
import { isYaml } from '../yaml-files.js';
import { nodeHost, parseData, parseNow, searchBases } from '../runtime-host.js';
import { DEFAULT_ALLOY_VERSION, loadSchemaCatalog } from '../schemas.js';

/** Received entries listed per failing (or verbose) test. */
const SHOWN = 20;
const TEST_FILES = ['**/test.yaml', '**/test.yml', '**/*.test.yaml', '**/*.test.yml'];

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('test')
    .description('run declarative pipeline tests (upstream pipelinetest test.yaml files, or ours with samples and per-sink expectations)')
    .argument('[paths...]', 'test files, or directories searched for test.yaml and *.test.yaml', ['.'])
    .option('--junit <file>', 'also write a JUnit XML report')
    .option('--alloy-version <version>', `Alloy release to follow (default ${DEFAULT_ALLOY_VERSION})`)
    .option('--now <time>', 'clock for entries read without a timestamp (RFC 3339)')
    .option('-v, --verbose', 'list passing assertions and what each sink received')
    .option('--root <dir>', 'folder that test files, configs and local.file may read (default: the repository holding each test, else its folder)')
    .option('--env <name>', 'let sys.env see this variable of the environment (repeatable)', collect)
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      const opts = { junit: raw.junit as string | undefined, alloyVersion: raw.alloyVersion as string | undefined, now: raw.now as string | undefined, verbose: Boolean(raw.verbose) };
      done(testCommand(paths, { ...opts, root: raw.root as string | undefined, env: raw.env as string[] | undefined }, io));
    });
}

function findTests(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new UsageError(`${p}: no such file or directory`);
    if (statSync(abs).isDirectory()) {
      const found = globSync(TEST_FILES, { cwd: abs, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false }).sort();
      for (const f of found) out.push(relative(cwd, resolve(abs, f)) || f);
    } else out.push(p);
  }
  if (!out.length) throw new UsageError(`no test files (test.yaml, *.test.yaml) under ${paths.join(', ')}`);
  return out;
}

/** A test is named after its folder (upstream layout, tests/<name>/test.yaml) or its file. */
function testName(file: string): string {
  const base = basename(file);
  return /^test\.ya?ml$/.test(base) ? basename(dirname(resolve(file))) : base.replace(/(\.test)?\.(ya?ml|json)$/, '');
}

function report(file: string, o: TestOutcome, verbose: boolean, c: ReturnType<typeof pc.createColors>): string {
  const n = o.assertions.length;
  const ok = o.assertions.filter((a) => a.passed).length;
  const tally = o.passed ? `${n} ${n === 1 ? 'assertion' : 'assertions'}` : `${ok}/${n} assertions passed`;
  let out = `${o.passed ? c.green('PASS') : c.red('FAIL')} ${c.bold(o.name)} ${c.dim(`(${file}, ${tally})`)}\n`;
  if (o.error) out += `  ${c.red('error:')} ${safeText(o.error)}\n`;
  for (const d of o.result.diagnostics.filter((x) => x.severity === 'error')) {
    const p = o.result.sources.get(d.file)?.position(d.start);
    out += `  ${d.file}:${p?.line}:${p?.column}: ${safeText(d.message)}\n`;
  }
  for (const a of o.assertions) {
    if (a.passed && !verbose) continue;
    out += a.passed ? `  ${c.green('✓')} ${safeText(a.description)}\n` : `  ${c.red('✗')} ${safeText(a.description)}\n    ${c.red(safeText(a.message ?? ''))}\n`;
  }
  if (!o.passed || verbose) {
    out += `  ${c.dim(`received (${o.received.length}):`)}\n`;
    for (const e of o.received.slice(0, SHOWN)) out += `    - ${renderEntry(e)}\n`;
    if (o.received.length > SHOWN) out += `    ${c.dim(`… ${o.received.length - SHOWN} more`)}\n`;
    for (const w of o.result.warnings) out += `  ${c.yellow('warning:')} ${safeText(w)}\n`;
  }
  return out;
}

export function testCommand(paths: string[], opts: { junit?: string; alloyVersion?: string; now?: string; verbose?: boolean; root?: string; env?: string[] }, io: Io): number {
  let catalog;
  try {
    catalog = loadSchemaCatalog(opts.alloyVersion ?? DEFAULT_ALLOY_VERSION);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const c = pc.createColors(useColor(io));
  const now = parseNow(opts.now);
  const cases: JunitCase[] = [];
  let passed = 0;
  const redactor = new Redactor();
  io = redacting(io, redactor);
  for (const file of findTests(paths, io.cwd)) {
    const t0 = performance.now();
    const root = confinementFor(file, io.cwd, opts.root);
    const host = nodeHost(io, searchBases(file, io.cwd), root, { now, env: opts.env });
    const seconds = () => (performance.now() - t0) / 1000;
    let data: unknown;
    try {
      const read = root.read(resolve(io.cwd, file));
      if ('error' in read) throw new UsageError(`${file}: ${read.error}`);
      data = parseData(new TextDecoder().decode(read.bytes), file);
    } catch (e) {
      cases.push({ file, error: (e as Error).message, seconds: seconds() });
      io.stdout(`${c.red('ERROR')} ${file}: ${(e as Error).message}\n`);
      continue;
    }
    // A config path to a YAML file (a Helm values file, a ConfigMap) runs the one Alloy text in it.
    let yaml: { src: YamlSource; unit: YamlUnit; path: string } | undefined;
    const yamlErrors: string[] = [];
    const d = (data ?? {}) as { config?: { path?: unknown }; config_file?: unknown };
    const configPath = typeof d.config === 'object' && d.config !== null ? d.config.path : d.config_file;
    const readFile = (p: string): string | undefined => {
      const text = host.readFile(p);
      if (text === undefined || p !== configPath || !isYaml(p)) return text;
      const src = loadYaml(p, new TextEncoder().encode(text), [], true);
      if (src.units.length !== 1) {
        yamlErrors.push(`config path ${JSON.stringify(p)}: ${src.units.length ? 'holds several Alloy configurations' : 'holds no Alloy configuration'}`);
        return '';
      }
      const unit = src.units[0];
      yaml = { src, unit: { embeds: unit.embeds, files: [{ name: p, text: unit.files[0].text }] }, path: p };
      return unit.embeds[0].text;
    };
    let read: ReturnType<typeof readPipelineTest>;
    try {
      read = readPipelineTest(data, testName(file), { readFile, parse: parseData });
    } catch (e) {
      // The host refuses reads outside the root (HostRefusal): an error of this test.
      read = { errors: [(e as Error).message] };
    }
    if ('errors' in read || yamlErrors.length) {
      const errors = ['errors' in read ? read.errors : [], yamlErrors].flat();
      cases.push({ file, error: errors.join('; '), seconds: seconds() });
      io.stdout(`${c.red('ERROR')} ${file}\n${errors.map((e) => `  ${safeText(e)}\n`).join('')}`);
      continue;
    }
    const outcome = runPipelineTest(read.test, { catalog, host });
    learnSecrets(redactor, outcome.result.sources, outcome.result.diagnostics);
    const y = yaml as { src: YamlSource; unit: YamlUnit; path: string } | undefined;
    if (y && y.unit.embeds.length === 1) {
      outcome.result = remapRanges({ ...outcome.result, diagnostics: mapUnit(y.src, y.unit, outcome.result.diagnostics), sources: new Map([...outcome.result.sources, [y.src.name, y.src.extraction.source]]) }, y.src, y.unit);
    }
    cases.push({ file, outcome, seconds: seconds() });
    if (outcome.passed) passed++;
    io.stdout(report(file, outcome, Boolean(opts.verbose), c));
  }
  const failed = cases.length - passed;
  io.stdout(`\n${failed ? c.red(`${failed} failed`) : c.green('all passed')}, ${passed} passed, ${cases.length} ${cases.length === 1 ? 'test' : 'tests'}\n`);
  if (opts.junit) writeOutput(opts.junit, redactor.text(junit(cases)), io, '--junit');
  return failed ? 1 : 0;
}
