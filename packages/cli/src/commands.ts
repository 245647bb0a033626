// The command table: one entry per `alloy-lint` subcommand. The entry point loads only the
// module of the command it runs (and commander); adding a command is one line here plus its module.
import type { Command } from 'commander';
import type { Io } from './io.js';

/** What a command module exports: adds its subcommand to `program` and returns it. */
export type Register = (program: Command, io: Io, done: (code: number) => void) => Command;

export interface CommandEntry {
  name: string;
  aliases?: string[];
  load: () => Promise<{ register: Register }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'check', load: () => import('./commands/check.js') },
  { name: 'fmt', aliases: ['format'], load: () => import('./commands/fmt.js') },
  { name: 'describe', load: () => import('./commands/describe.js') },
  { name: 'schemas', load: () => import('./commands/schemas.js') },
  { name: 'graph', load: () => import('./commands/graph.js') },
  { name: 'run', load: () => import('./commands/run.js') },
  { name: 'test', load: () => import('./commands/test.js') },
  { name: 'playground', load: () => import('./commands/playground.js') },
  { name: 'correlate', load: () => import('./commands/correlate.js') },
  { name: 'lsp', load: () => import('./commands/lsp.js') },
  { name: 'rules', load: () => import('./commands/rules.js') },
];

/** The entry whose name or alias is `word`. */
export function findCommand(word: string | undefined): CommandEntry | undefined {
  return word === undefined ? undefined : COMMANDS.find((c) => c.name === word || c.aliases?.includes(word));
}
