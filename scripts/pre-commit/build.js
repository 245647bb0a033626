// Builds the CLI bundle for the pre-commit hooks from the TypeScript sources, with only this
// folder's packages installed (no workspace install): ../pre-commit-hook.sh runs it once.
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundle } from '../../packages/cli/scripts/bundle.js';

const here = dirname(fileURLToPath(import.meta.url));
const partial = join(here, `bundle.partial-${process.pid}`);
await bundle({ esbuild, nodePaths: [join(here, 'node_modules')], outdir: partial });
// In place only when complete, so an interrupted first run builds again next time.
rmSync(join(here, 'bundle'), { recursive: true, force: true });
renameSync(partial, join(here, 'bundle'));
