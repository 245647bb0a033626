#!/usr/bin/env node
// Builds the site into dist/ (type check, then Vite) unless dist/ is newer than everything
// it is made from: this package, the built packages it bundles, the schemas data and the
// examples. `--force` builds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const repo = join(here, '..', '..');
const INPUTS = [
  join(here, 'index.html'),
  join(here, 'vite.config.ts'),
  join(here, 'package.json'),
  join(here, 'src'),
  join(repo, 'examples'),
  join(repo, 'packages', 'schemas', 'data'),
  ...readdirSync(join(repo, 'packages')).filter((p) => p !== 'playground' && p !== 'cli').map((p) => join(repo, 'packages', p, 'dist')),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

const stamp = join(here, 'dist', 'index.html');
if (!process.argv.includes('--force') && existsSync(stamp) && statSync(stamp).mtimeMs > Math.max(...INPUTS.map(newest))) process.exit(0);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.site.json']);
run(process.execPath, [join(here, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
