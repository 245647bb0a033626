import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from '@alloy-lint/formatter';
import type { Command } from 'commander';
import { expandPaths, type Io, readInput, UsageError } from '../io.js';

interface FmtOptions {
  write?: boolean;
  test?: boolean;
  check?: boolean;
}

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('fmt')
    .description('format Alloy files exactly as `alloy fmt` does (stdout, or in place with -w)')
    .argument('[paths...]', 'files, directories (walked for *.alloy), globs, or - for stdin (the default)')
    .option('-w, --write', 'write the result back to each file that changes')
    .option('-t, --test', 'exit 1 and list the files that are not formatted')
    .option('--check', 'same as --test')
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
  const inputs = paths.length === 0 ? ['-'] : await expandPaths(paths, io.cwd);
  if (opts.write && inputs.includes('-')) throw new UsageError('cannot use -w with standard input');
  let failed = false;
  for (const path of inputs) {
    const input = await readInput(path, io);
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
