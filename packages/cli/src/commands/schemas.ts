import { diffCatalogs, formatDiff } from '@alloy-lint/schemas';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { schemaVersions } from '../schemas.js';
import { model } from './describe.js';

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  const schemas = program.command('schemas').description('the generated component schemas');
  schemas
    .command('list')
    .description('Alloy releases with schemas')
    .action(() => {
      io.stdout(schemaVersions().join('\n') + '\n');
      done(0);
    });
  schemas
    .command('diff')
    .description('what changed between two Alloy releases: components, arguments, types, defaults')
    .argument('<from>', 'older release, e.g. v1.17.1')
    .argument('<to>', 'newer release, e.g. v1.18.1')
    .action((from: string, to: string) => {
      io.stdout(formatDiff(diffCatalogs(model(from), model(to))));
      done(0);
    });
  return schemas;
}
