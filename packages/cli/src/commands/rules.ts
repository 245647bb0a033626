import { DEFAULT_REGISTRY } from '@alloy-lint/analyzer';
import type { Command } from 'commander';
import { type Io, UsageError } from '../io.js';

/** `alloy-lint rules`: every rule with its default severity, what it visits and what it finds. */
export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('rules')
    .description('list the rules: id, default severity, whether Alloy refuses what it finds, description')
    .option('-f, --format <format>', 'text or json (json adds the docs text and the node kinds each rule visits)', 'text')
    .action((opts: { format: string }) => {
      const rules = DEFAULT_REGISTRY.all();
      if (opts.format === 'json') {
        const out = rules.map((r) => ({
          id: r.id,
          severity: r.severity,
          origin: r.origin,
          refusedByAlloy: r.refusedByAlloy,
          visits: DEFAULT_REGISTRY.visits(r),
          description: r.description,
          docs: r.docs,
        }));
        io.stdout(JSON.stringify(out, null, 2) + '\n');
      } else if (opts.format === 'text') {
        const width = Math.max(...rules.map((r) => r.id.length));
        for (const r of rules) {
          const tag = r.refusedByAlloy ? 'error (Alloy refuses; cannot be switched off)' : `${r.severity}${r.origin === 'alloy' ? ' (Alloy warns)' : ''}`;
          io.stdout(`${r.id.padEnd(width)}  ${tag}\n${' '.repeat(width + 2)}${r.description}\n`);
        }
      } else {
        throw new UsageError(`unknown format ${JSON.stringify(opts.format)} (expected text or json)`);
      }
      done(0);
    });
}
