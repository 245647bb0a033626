import { describe } from '@alloy-lint/schemas';
import type { Command } from 'commander';
import { type Io, UsageError } from '../io.js';
import { DEFAULT_ALLOY_VERSION, loadSchemaCatalog } from '../schemas.js';

/** The catalog of one release; a missing release is a usage error. */
export function model(version: string) {
  try {
    return loadSchemaCatalog(version);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('describe')
    .description('reference for components and config blocks: arguments, blocks, exports, defaults, stability')
    .argument('[names...]', 'component or block names (all components when none)')
    .option('--alloy-version <version>', 'Alloy release', DEFAULT_ALLOY_VERSION)
    .option('-f, --format <format>', 'text or json', 'text')
    .action((names: string[], opts: { alloyVersion: string; format: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`unknown format ${JSON.stringify(opts.format)} (expected text or json)`);
      const catalog = model(opts.alloyVersion);
      const unknown = names.filter((n) => !catalog.info(n));
      if (unknown.length) throw new UsageError(`unknown component or block: ${unknown.join(', ')}`);
      io.stdout(describe(catalog, names, opts.format));
      done(0);
    });
}
