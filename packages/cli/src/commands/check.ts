import { analyze, DEFAULT_REGISTRY, type ComponentCatalog, type RuleSettings, type Stability } from '@alloy-lint/analyzer';
import { dirname, resolve } from 'node:path';
import { SourceFile } from '@alloy-lint/parser';
import type { Command } from 'commander';
import { useColor } from '../color.js';
import { CONFIG_FILE, configFor, STABILITY } from '../config.js';
import { confinementFor } from '../confine.js';
import { expandPaths, folderFiles, readInput, type WalkOptions } from '../files.js';
import { collect, flag, integerFlag } from '../flags.js';
import { type Io, UsageError } from '../io.js';
import { fileModuleLoader } from '../modules.js';
import { isAlloySourceName, notAlloy } from '../not-alloy.js';
import { maskReports, redacting, Redactor } from '../secrets.js';
import { hintSiblings } from '../siblings.js';
import { isYaml, NO_ALLOY, skipReason } from '../yaml-files.js';
import { github } from '../report/github.js';
import { sarif } from '../report/sarif.js';
import { stylish } from '../report/stylish.js';
import { version } from '../version.js';
import { type FileReport, toJson } from '../report/types.js';
import { DEFAULT_ALLOY_VERSION, loadSchemaCatalog } from '../schemas.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

export interface CheckOptions {
  format: string;
  maxWarnings?: string;
  alloyVersion?: string;
  stabilityLevel?: string;
  community?: boolean;
  dirAsConfig?: boolean;
  rules?: Record<string, string>;
  allowNetwork?: boolean;
  /** Walk directories for YAML files holding Alloy; YAML files named without Alloy are skipped with a note. */
  yaml?: boolean;
  yamlPaths?: string[];
  /** `--root`: the folder configurations may read from (default: their repository, else the working directory or the folder given). */
  root?: string;
}

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('check')
    .description('check Alloy files for problems (every file is its own config unless --dir-as-config)')
    .argument('[paths...]', 'files, directories (walked for *.alloy, honouring .gitignore), globs, or - for stdin', ['.'])
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'stylish')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--alloy-version <version>', `Alloy release whose components to check against (default ${DEFAULT_ALLOY_VERSION})`)
    .option('--stability.level <level>', `lowest stability level allowed: ${STABILITY.join(', ')} (default generally-available)`)
    .option('--feature.community-components.enabled', 'allow community components')
    .option('--rule <id=severity>', 'set a rule severity (error, warning, info, off); repeatable', collect)
    .option('--dir-as-config', 'check each directory argument, and the folder of each .alloy file argument, as one configuration, as Alloy loads a directory')
    .option('--allow-network', 'fetch import.git and import.http modules to check them')
    .option('--yaml', 'also walk directories for *.yaml/*.yml holding Alloy; YAML files without Alloy are skipped with a note')
    .option('--yaml-path <pattern>', 'more YAML keys holding Alloy text, e.g. pipelines[*].config (repeatable)', collect)
    .option('--root <dir>', 'folder that import.file may read from (default: the repository holding the config, else the working directory or the folder given)')
    .action(async (paths: string[], raw: Record<string, unknown>, cmd: Command) => {
      const rules: Record<string, string> = {};
      for (const r of (raw.rule as string[] | undefined) ?? []) {
        const m = /^([\w-]+)=(error|warning|info|off)$/.exec(r);
        if (!m) throw new UsageError(`--rule expects id=severity, got ${JSON.stringify(r)}`);
        rules[m[1]] = m[2];
      }
      const opts: CheckOptions = {
        format: raw.format as string,
        maxWarnings: raw.maxWarnings as string | undefined,
        alloyVersion: raw.alloyVersion as string | undefined,
        stabilityLevel: flag<string>(cmd, '--stability.level'),
        community: flag<boolean>(cmd, '--feature.community-components.enabled'),
        dirAsConfig: Boolean(raw.dirAsConfig),
        allowNetwork: Boolean(raw.allowNetwork),
        yaml: raw.yaml as boolean | undefined,
        yamlPaths: raw.yamlPath as string[] | undefined,
        root: raw.root as string | undefined,
        rules,
      };
      done(await check(paths, opts, io));
    });
}

/**
 * Groups the inputs into configurations: one per file, or with --dir-as-config one per folder
 * (a directory argument, or the folder of an .alloy file argument: Alloy loads a folder as one
 * config). YAML files stay one group each.
 */
async function configsFor(paths: string[], opts: CheckOptions, io: Io, walk: WalkOptions): Promise<string[][]> {
  if (!opts.dirAsConfig) return (await expandPaths(paths, io.cwd, walk)).map((p) => [p]);
  const groups: string[][] = [];
  const folders = new Set<string>();
  /** True the first time a folder is met (a folder is one configuration, listed once). */
  const first = (dir: string) => !folders.has(resolve(io.cwd, dir)) && Boolean(folders.add(resolve(io.cwd, dir)));
  for (const p of paths) {
    if (p === '-') {
      groups.push(['-']);
      continue;
    }
    const own = folderFiles(p, io.cwd);
    if (own) {
      if (first(p)) groups.push(own);
      continue;
    }
    for (const f of await expandPaths([p], io.cwd, walk)) {
      if (isYaml(f)) groups.push([f]);
      else if (first(dirname(f))) groups.push(folderFiles(dirname(f), io.cwd)!);
    }
  }
  return groups;
}

export async function check(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`unknown format ${JSON.stringify(opts.format)} (expected one of ${FORMATS.join(', ')})`);
  }
  const maxWarnings = integerFlag('--max-warnings', opts.maxWarnings, -1) ?? -1;
  const catalogs = new Map<string, ComponentCatalog>();
  const catalogFor = (v: string) => {
    if (!catalogs.has(v)) {
      try {
        catalogs.set(v, loadSchemaCatalog(v));
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    }
    return catalogs.get(v)!;
  };
  const reports: FileReport[] = [];
  const warned = new Set<string>();
  const walked = new Set<string>();
  const yamlWalk = (dir: string) => opts.yaml ?? configFor(dir + '/_', io.cwd).config.yaml ?? false;
  const notes: string[] = [];
  const walk = { yaml: yamlWalk, walked, root: opts.root, warn: (m: string) => io.stderr(`alloy-lint: warning: ${m}\n`) };
  for (const group of await configsFor(paths, opts, io, walk)) {
    // Settings: flags win over the nearest .alloy-lint.json, which wins over Alloy's defaults.
    const { path: configPath, config } = configFor(group[0] ?? '-', io.cwd);
    const rules = ruleSettings(configPath, config.rules, opts.rules, io, warned);
    const stability = opts.stabilityLevel ?? config.stabilityLevel ?? 'generally-available';
    if (!STABILITY.includes(stability)) {
      throw new UsageError(`invalid stability level ${JSON.stringify(stability)} (expected one of ${STABILITY.join(', ')})`);
    }
    const analyzeOptions = {
      catalog: catalogFor(opts.alloyVersion ?? config.alloyVersion ?? DEFAULT_ALLOY_VERSION),
      minStability: stability as Stability,
      community: opts.community ?? config.communityComponents ?? false,
      rules,
      loader: fileModuleLoader({ cwd: io.cwd, root: confinementFor(group[0] ?? '-', io.cwd, opts.root), allowNetwork: Boolean(opts.allowNetwork) }),
    };
    if (group.length === 1 && isYaml(group[0])) {
      const input = await readInput(group[0], io, { root: opts.root });
      const why = notAlloy(input.bytes);
      if (why) {
        reports.push(notAlloyReport(input.name, why));
        continue;
      }
      const y = await import('../sources.js');
      const src = y.loadYaml(input.name, input.bytes, y.yamlPathsOf(config.yamlPaths, opts.yamlPaths), opts.dirAsConfig);
      const diagnostics = y.extractionDiagnostics(src);
      const skip = skipReason(src.extraction);
      if (skip) {
        // Walked files without Alloy are not Alloy files; named ones are an error unless --yaml says to skip them.
        const invalid = skip !== 'no Alloy found';
        if ((walked.has(group[0]) && invalid) || (!walked.has(group[0]) && (opts.yaml ?? config.yaml))) notes.push(`${input.name}: ${skip}, skipped`);
        if (walked.has(group[0]) || (opts.yaml ?? config.yaml)) continue;
        if (!invalid) diagnostics.push({ file: input.name, severity: 'error', code: 'yaml-embed', message: NO_ALLOY, start: 0, end: 0 });
      }
      const others: FileReport[] = [];
      for (const unit of src.units) {
        const analysis = analyze(unit.files, analyzeOptions);
        for (const d of y.mapUnit(src, unit, analysis.diagnostics, analyzeOptions.rules)) {
          if (d.file === input.name) diagnostics.push(d);
          else if (analysis.sources.has(d.file)) others.push({ name: d.file, source: analysis.sources.get(d.file)!, diagnostics: [d], ...(isAlloySourceName(d.file) ? {} : { excerpt: false }) });
        }
      }
      reports.push({ name: input.name, source: src.extraction.source, diagnostics: diagnostics.sort((a, b) => a.start - b.start) });
      for (const r of others) reports.push(r);
      continue;
    }
    const files: { name: string; text: Uint8Array }[] = [];
    for (const path of group) {
      const input = await readInput(path, io, { root: opts.root });
      files.push({ name: input.name, text: input.bytes });
    }
    // Binary data is reported in one line, not as thousands of syntax errors.
    const binary = files.map((f) => notAlloy(f.text));
    if (binary.some(Boolean)) {
      files.forEach((f, i) => binary[i] && reports.push(notAlloyReport(f.name, binary[i]!)));
      continue;
    }
    const analysis = analyze(files, analyzeOptions);
    // Imported modules' files are reported too, after the files named on the command line.
    const names = [...files.map((f) => f.name), ...[...analysis.sources.keys()].filter((n) => !files.some((f) => f.name === n))];
    if (!opts.dirAsConfig && files.length === 1) hintSiblings(files[0].name, io.cwd, analysis.diagnostics, confinementFor(files[0].name === '<stdin>' ? '-' : files[0].name, io.cwd, opts.root));
    for (const name of names) {
      const diagnostics = analysis.diagnostics.filter((d) => d.file === name);
      const input = files.some((f) => f.name === name);
      if (!input && diagnostics.length === 0) continue;
      reports.push({ name, source: analysis.sources.get(name)!, diagnostics, ...(input || isAlloySourceName(name) ? {} : { excerpt: false }) });
    }
  }
  for (const note of notes) io.stderr(`alloy-lint: note: ${note}\n`);
  // Secrets are masked in the sources the excerpts quote and in every line printed.
  const redactor = new Redactor();
  const shown = maskReports(reports, redactor);
  const out = redacting(io, redactor);
  if (opts.format === 'json') out.stdout(JSON.stringify(shown.flatMap((r) => r.diagnostics.map((d) => toJson(r, d))), null, 2) + '\n');
  else if (opts.format === 'sarif') out.stdout(sarif(shown, version()));
  else if (opts.format === 'github') out.stdout(github(shown));
  else out.stdout(stylish(shown, useColor(io)));
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`alloy-lint: ${warnings} warning${warnings === 1 ? '' : 's'} found, more than --max-warnings ${maxWarnings} allows\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

/** One diagnostic for a file that is not Alloy text at all; its bytes are never quoted. */
function notAlloyReport(name: string, why: string): FileReport {
  return { name, source: new SourceFile(new Uint8Array(0), name), diagnostics: [{ code: 'not-alloy', message: why, severity: 'error', start: 0, end: 0 }], excerpt: false };
}

/**
 * The rule settings of one configuration: `.alloy-lint.json` overridden by `--rule`. Unknown
 * rule ids are usage errors; settings that cannot take effect (switching off what Alloy
 * refuses) are reported once on stderr.
 */
function ruleSettings(configPath: string | undefined, fromFile: RuleSettings | undefined, fromFlags: Record<string, string> | undefined, io: Io, warned: Set<string>): RuleSettings {
  for (const [where, settings] of [[configPath ?? CONFIG_FILE, fromFile ?? {}], ['--rule', (fromFlags ?? {}) as RuleSettings]] as const) {
    for (const p of DEFAULT_REGISTRY.problems(settings)) {
      if (p.kind === 'unknown') throw new UsageError(`${where}: ${p.message}`);
      const line = `alloy-lint: warning: ${where}: ${p.message}\n`;
      if (!warned.has(line)) io.stderr(line);
      warned.add(line);
    }
  }
  return { ...fromFile, ...(fromFlags as RuleSettings) };
}
