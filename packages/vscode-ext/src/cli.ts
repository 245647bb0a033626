// Entry of the bundled CLI (dist/cli.mjs) that "Run pipeline on samples" and "Run pipeline tests" start.
import { main } from '@alloy-lint/cli';

process.exitCode = await main(process.argv.slice(2));
