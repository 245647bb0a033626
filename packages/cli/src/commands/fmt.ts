import { format } from '@alloy-lint/formatter';
import type { Command } from 'commander';
import { configFor } from '../config.js';
import { expandPaths, readInput, writeOutput } from '../files.js';
import { type Io, UsageError } from '../io.js';
import { notAlloy } from '../not-alloy.js';
import { safeText } from '../safe-text.js';
import { isYaml } from '../yaml-files.js';

interface FmtOptions {
  write?: boolean;
  test?: boolean;
  check?: boolean;
  yaml?: boolean;
  yamlPath?: string[];
}

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('fmt')
    .description('format Alloy files exactly as `alloy fmt` does (stdout, or in place with -w)')
    .argument('[paths...]', 'files, directories (walked for *.alloy), globs, or - for stdin (the default)')
    .option('-w, --write', 'write the result back to each file that changes')
    .option('-t, --test', 'exit 1 and list the files that are not formatted')
    .option('--check', 'same as --test')
    .option('--yaml', 'also walk directories for *.yaml/*.yml holding Alloy; YAML files without Alloy are skipped')
    .option('--yaml-path <pattern...>', 'more YAML keys holding Alloy text (repeatable)')
    .action(async (paths: string[], opts: FmtOptions) => done(await fmt(paths, opts, io)));
}

const enc = new TextEncoder();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export async function fmt(paths: string[], opts: FmtOptions, io: Io): Promise<number> {
  const test = Boolean(opts.test || opts.check);
  if (opts.write && test) throw new UsageError('cannot use -w/--write and -t/--test at the same time');
  const walked = new Set<string>();
  const yamlWalk = (dir: string) => opts.yaml ?? configFor(dir + '/_', io.cwd).config.yaml ?? false;
  const inputs = paths.length === 0 ? ['-'] : await expandPaths(paths, io.cwd, { yaml: yamlWalk, walked, warn: (m) => io.stderr(`alloy-lint: warning: ${m}\n`) });
  if (opts.write && inputs.includes('-')) throw new UsageError('cannot use -w with standard input');
  let failed = false;
  for (const path of inputs) {
    const input = await readInput(path, io);
    const why = notAlloy(input.bytes);
    if (why) {
      failed = true;
      io.stderr(`${safeText(input.name)}: ${why}\n`);
      continue;
    }
    if (isYaml(path)) {
      const { fmtYaml } = await import('../fmt-yaml.js');
      const r = fmtYaml(input, opts, io, walked.has(path) || Boolean(opts.yaml ?? configFor(path, io.cwd).config.yaml), walked.has(path));
      if (r.failed) failed = true;
      if (r.out === undefined) continue;
      const changed = !sameBytes(r.out, input.bytes);
      if (test && changed) {
        failed = true;
        io.stdout(`${input.name}\n`);
      } else if (opts.write && changed) writeOutput(path, r.out, io);
      else if (!test && !opts.write) io.stdout(new TextDecoder().decode(r.out));
      continue;
    }
    const result = format(input.bytes);
    if (result.text === undefined) {
      failed = true;
      for (const d of result.diagnostics) {
        const p = result.source.position(d.start);
        io.stderr(`${safeText(input.name)}:${p.line}:${p.column}: ${safeText(d.message)}\n`);
      }
      continue;
    }
    const out = enc.encode(result.text);
    const changed = !sameBytes(out, input.bytes);
    if (test) {
      if (changed) {
        failed = true;
        io.stdout(`${input.name}\n`);
      }
    } else if (opts.write) {
      if (changed) writeOutput(path, out, io);
    } else {
      io.stdout(result.text);
    }
  }
  return failed ? 1 : 0;
}
