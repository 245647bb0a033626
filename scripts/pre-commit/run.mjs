// The pre-commit hooks' `alloy-lint`: the bundle build.js made in this folder.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('./bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
