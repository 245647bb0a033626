// Preloaded with `node -r` by bench/cases/startup.js: on exit, writes the process's CPU time
// (user + system, ms) and peak RSS (bytes) as JSON to $BENCH_PROC_OUT.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_PROC_OUT, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS * 1024 }));
});
