import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerDescribe } from './commands/describe.js';
import { registerFmt } from './commands/fmt.js';
import { registerGraph } from './commands/graph.js';
import { registerRun } from './commands/run.js';
import { registerTest } from './commands/test.js';
import { type Io, nodeIo, UsageError } from './io.js';
import { version } from './version.js';


/** Runs the CLI; returns the exit code (0 clean, 1 problems, 2 usage or I/O error). */
export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  let code = 0;
  const done = (c: number) => {
    code = c;
  };
  const program = new Command('alloy-lint')
    .description('Check, format and explain Grafana Alloy configuration files, without Alloy.')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  registerCheck(program, io, done);
  registerFmt(program, io, done);
  registerDescribe(program, io, done);
  registerGraph(program, io, done);
  registerRun(program, io, done);
  registerTest(program, io, done);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`alloy-lint: ${e.message}\n`);
      return 2;
    }
    io.stderr(`alloy-lint: internal error: ${(e as Error)?.stack ?? e}\n`);
    return 2;
  }
  return code;
}
