import { findCommand, COMMANDS } from './commands.js';
import { type Io, nodeIo } from './io.js';
import { colorFlags } from './color.js';
import { version } from './version.js';

/**
 * Runs the CLI; returns the exit code (0 clean, 1 problems, 2 usage or I/O error).
 * `--version` answers without loading anything; a known command loads commander and that
 * command's module only; anything else (help, typos) loads every command so commander can
 * list them and suggest one.
 */
export async function main(args: string[], nodeio: Io = nodeIo()): Promise<number> {
  const { argv, io } = colorFlags(args, nodeio);
  if (argv.length === 1 && (argv[0] === '-V' || argv[0] === '--version')) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const hit = findCommand(argv[0]);
  const entries = hit ? [hit] : COMMANDS;
  const [{ Command, CommanderError }, ...modules] = await Promise.all([import('commander'), ...entries.map((e) => e.load())]);
  let code = 0;
  const done = (c: number) => {
    code = c;
  };
  const program = new Command('alloy-lint')
    .description('Check, format and explain Grafana Alloy configuration files, without Alloy.')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
    .addHelpText('after', '\nEvery command takes --color / --no-color (default: as Node decides, from FORCE_COLOR, NO_COLOR and the terminal).');
  entries.forEach((e, i) => {
    const command = modules[i].register(program, io, done);
    for (const a of e.aliases ?? []) command.alias(a);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    // Loaded only on the error path: it brings the confinement and redaction helpers.
    const { reportError } = await import('./errors.js');
    return reportError(e, io);
  }
  return code;
}
