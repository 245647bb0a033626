import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from '@alloy-lint/formatter';
import type { Edit } from '@alloy-lint/parser';
import { applyEdits, extract, formatEmbed } from '@alloy-lint/yaml-embed';
import type { Command } from 'commander';
import { configFor } from '../config.js';
import { expandPaths, type InputFile, type Io, readInput, UsageError } from '../io.js';
import { isYaml, NO_ALLOY, skipReason, yamlPathsOf } from '../sources.js';

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
  const inputs = paths.length === 0 ? ['-'] : await expandPaths(paths, io.cwd, { yaml: yamlWalk, walked });
  if (opts.write && inputs.includes('-')) throw new UsageError('cannot use -w with standard input');
  let failed = false;
  for (const path of inputs) {
    const input = await readInput(path, io);
    if (isYaml(path)) {
      const r = fmtYaml(input, opts, io, walked.has(path) || Boolean(opts.yaml ?? configFor(path, io.cwd).config.yaml), walked.has(path));
      if (r.failed) failed = true;
      if (r.out === undefined) continue;
      const changed = !sameBytes(r.out, input.bytes);
      if (test && changed) {
        failed = true;
        io.stdout(`${input.name}\n`);
      } else if (opts.write && changed) writeFileSync(resolve(io.cwd, path), r.out);
      else if (!test && !opts.write) io.stdout(new TextDecoder().decode(r.out));
      continue;
    }
    const result = format(input.bytes);
    if (result.text === undefined) {
      failed = true;
      for (const d of result.diagnostics) {
        const p = result.source.position(d.start);
        io.stderr(`${input.name}:${p.line}:${p.column}: ${d.message}\n`);
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
      if (changed) writeFileSync(resolve(io.cwd, path), out);
    } else {
      io.stdout(result.text);
    }
  }
  return failed ? 1 : 0;
}

/**
 * Formats the Alloy texts of a YAML file in place: only the values change. Values that
 * would change but cannot be rewritten faithfully (quoted or folded scalars, some
 * template actions) are reported and left alone.
 */
function fmtYaml(input: InputFile, opts: FmtOptions, io: Io, skipEmpty: boolean, walked: boolean): { out?: Uint8Array; failed: boolean } {
  const yamlPaths = yamlPathsOf(configFor(input.name === '<stdin>' ? '-' : input.name, io.cwd).config.yamlPaths, opts.yamlPath);
  const x = extract(input.bytes, { yamlPaths }, input.name);
  const say = (start: number, message: string) => {
    const p = x.source.position(start);
    io.stderr(`${input.name}:${p.line}:${p.column}: ${message}\n`);
  };
  const skip = skipReason(x);
  if (skip && skipEmpty) {
    if (skip !== 'no Alloy found' || !walked) io.stderr(`alloy-lint: note: ${input.name}: ${skip}, skipped\n`);
    return { failed: false };
  }
  let failed = false;
  for (const d of x.diagnostics) {
    say(d.start, d.message);
    if (d.severity === 'error') failed = true;
  }
  if (skip === 'no Alloy found') {
    say(0, NO_ALLOY);
    return { failed: true };
  }
  const edits: Edit[] = [];
  for (const e of x.embeds) {
    const r = formatEmbed(x, e, (t) => format(t), { yamlPaths });
    for (const d of r.diagnostics) say(d.start, d.message);
    if (r.refused) say(e.scalar.start, r.refused);
    if (r.refused || r.diagnostics.length) failed = true;
    if (r.edit) edits.push(r.edit);
  }
  return { out: applyEdits(input.bytes, edits), failed };
}
