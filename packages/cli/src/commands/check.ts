import { analyze, type Stability } from '@alloy-lint/analyzer';
import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useColor } from '../color.js';
import { expandPaths, type Io, readInput, UsageError } from '../io.js';
import { github } from '../report/github.js';
import { sarif } from '../report/sarif.js';
import { stylish } from '../report/stylish.js';
import { version } from '../version.js';
import { type FileReport, toJson } from '../report/types.js';
import { DEFAULT_ALLOY_VERSION, loadSchemaCatalog } from '../schemas.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
const STABILITY = ['experimental', 'public-preview', 'generally-available'];

export interface CheckOptions {
  format: string;
  maxWarnings?: string;
  alloyVersion: string;
  stabilityLevel: string;
  community?: boolean;
  dirAsConfig?: boolean;
}

export function registerCheck(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('check')
    .description('check Alloy files for problems (every file is its own config unless --dir-as-config)')
    .argument('[paths...]', 'files, directories (walked for *.alloy, honouring .gitignore), globs, or - for stdin', ['.'])
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'stylish')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--alloy-version <version>', 'Alloy release whose components to check against', DEFAULT_ALLOY_VERSION)
    .option('--stability.level <level>', `lowest stability level allowed: ${STABILITY.join(', ')}`, 'generally-available')
    .option('--feature.community-components.enabled', 'allow community components', false)
    .option('--dir-as-config', 'treat each directory argument as one configuration, as Alloy loads a directory')
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      const opts: CheckOptions = {
        format: raw.format as string,
        maxWarnings: raw.maxWarnings as string | undefined,
        alloyVersion: raw.alloyVersion as string,
        stabilityLevel: (raw['stability.level'] ?? raw.stabilityLevel ?? 'generally-available') as string,
        community: Boolean(raw['feature.community-components.enabled'] ?? raw.featureCommunityComponentsEnabled),
        dirAsConfig: Boolean(raw.dirAsConfig),
      };
      done(await check(paths, opts, io));
    });
}

/** Groups the inputs into configurations: one per file, or one per directory with --dir-as-config. */
async function configsFor(paths: string[], opts: CheckOptions, io: Io): Promise<string[][]> {
  if (!opts.dirAsConfig) return (await expandPaths(paths, io.cwd)).map((p) => [p]);
  const groups: string[][] = [];
  for (const p of paths) {
    const abs = resolve(io.cwd, p);
    if (p !== '-' && existsSync(abs) && statSync(abs).isDirectory()) {
      const files = readdirSync(abs)
        .filter((f) => f.endsWith('.alloy') && statSync(join(abs, f)).isFile())
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      groups.push(files.map((f) => join(p, f)));
    } else {
      groups.push(...(await expandPaths([p], io.cwd)).map((f) => [f]));
    }
  }
  return groups;
}

export async function check(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`unknown format ${JSON.stringify(opts.format)} (expected one of ${FORMATS.join(', ')})`);
  }
  if (!STABILITY.includes(opts.stabilityLevel)) {
    throw new UsageError(`invalid stability level ${JSON.stringify(opts.stabilityLevel)} (expected one of ${STABILITY.join(', ')})`);
  }
  let catalog;
  try {
    catalog = loadSchemaCatalog(opts.alloyVersion);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const reports: FileReport[] = [];
  for (const group of await configsFor(paths, opts, io)) {
    const files = [];
    for (const path of group) {
      const input = await readInput(path, io);
      files.push({ name: input.name, text: input.bytes });
    }
    const analysis = analyze(files, {
      catalog,
      minStability: opts.stabilityLevel as Stability,
      community: opts.community,
    });
    for (const f of files) {
      const source = analysis.sources.get(f.name)!;
      reports.push({ name: f.name, source, diagnostics: analysis.diagnostics.filter((d) => d.file === f.name) });
    }
  }
  if (opts.format === 'json') io.stdout(JSON.stringify(reports.flatMap((r) => r.diagnostics.map((d) => toJson(r, d))), null, 2) + '\n');
  else if (opts.format === 'sarif') io.stdout(sarif(reports, version()));
  else if (opts.format === 'github') io.stdout(github(reports));
  else io.stdout(stylish(reports, useColor(io)));
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const maxWarnings = opts.maxWarnings === undefined ? Infinity : Number(opts.maxWarnings);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
