#!/usr/bin/env node
// Launcher, kept CommonJS because a CommonJS entry starts ~5 ms sooner than an ES module:
// `--version` answers here; everything else turns on V8's compile cache where Node has it
// (22.1+) and runs the bundled ES modules (bundle/main.js).
'use strict';
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  try {
    require('node:fs').writeSync(1, `${require('../package.json').version}\n`);
  } catch (e) {
    if (e.code !== 'EPIPE') throw e;
  }
} else {
  require('node:module').enableCompileCache?.();
  import('../bundle/main.js').then(
    async ({ main }) => {
      process.exitCode = await main(argv);
    },
    (e) => {
      process.stderr.write(`alloy-lint: cannot load bundle/main.js (in a checkout, run \`npm run build\`): ${e.message}\n`);
      process.exitCode = 2;
    },
  );
}
