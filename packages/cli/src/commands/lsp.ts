import type { Command } from 'commander';
import type { Io } from '../io.js';
import { version } from '../version.js';

/**
 * `alloy-lint lsp`: the language server (packages/lsp), loaded only when this command runs.
 * It speaks on stdio by default; `--node-ipc` is for clients that fork it (VS Code).
 */
export function register(program: Command, _io: Io, done: (code: number) => void): Command {
  return program
    .command('lsp')
    .description('run the language server (Language Server Protocol) for editors')
    .option('--stdio', 'talk over stdin and stdout (the default)')
    .option('--node-ipc', 'talk over a Node IPC channel (VS Code)')
    .option('--clientProcessId <pid>', 'exit when this process ends')
    .action(async (raw: { nodeIpc?: boolean }) => {
      const { startNodeServer } = await import('@alloy-lint/lsp/node');
      startNodeServer({ argv: raw.nodeIpc ? ['--node-ipc'] : ['--stdio'], serverInfo: { name: 'alloy-lint', version: version() } });
      done(0);
    });
}
