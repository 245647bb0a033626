// Preloaded with `node -r` by bench/cases/startup.js: writes the process's peak RSS (KB) on exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => writeFileSync(process.env.BENCH_RSS_OUT, String(process.resourceUsage().maxRSS)));
