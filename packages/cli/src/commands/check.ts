import { parse } from '@alloy-lint/parser';
import type { Command } from 'commander';
import { expandPaths, type Io, readInput, UsageError } from '../io.js';
import { stylish } from '../report/stylish.js';
import { type FileReport, toJson } from '../report/types.js';
import { useColor } from '../color.js';

const FORMATS = ['stylish', 'json'] as const;

interface CheckOptions {
  format: string;
  maxWarnings?: string;
}

export function registerCheck(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('check')
    .description('check Alloy files for problems (every file is its own config)')
    .argument('[paths...]', 'files, directories (walked for *.alloy, honouring .gitignore), globs, or - for stdin', ['.'])
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'stylish')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .action(async (paths: string[], opts: CheckOptions) => done(await check(paths, opts, io)));
}

export async function check(paths: string[], opts: CheckOptions, io: Io): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`unknown format ${JSON.stringify(opts.format)} (expected one of ${FORMATS.join(', ')})`);
  }
  const files = await expandPaths(paths, io.cwd);
  const reports: FileReport[] = [];
  for (const path of files) {
    const input = await readInput(path, io);
    const { source, diagnostics } = parse(input.bytes, input.name);
    reports.push({ name: input.name, source, diagnostics });
  }
  if (opts.format === 'json') {
    io.stdout(JSON.stringify(reports.flatMap((r) => r.diagnostics.map((d) => toJson(r, d))), null, 2) + '\n');
  } else {
    io.stdout(stylish(reports, useColor(io)));
  }
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const maxWarnings = opts.maxWarnings === undefined ? Infinity : Number(opts.maxWarnings);
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
