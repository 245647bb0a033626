// Runs `alloy-lint <args>` in this process, then prints its peak memory (KB) as the last line of stderr.
import { main } from '@alloy-lint/cli';

const code = await main(process.argv.slice(2));
process.stderr.write(`\n${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
