// MAX_DEPTH is chosen so that every walk over a tree at the limit fits in half of Node's
// default stack (984 KB): this runs every construct at the limit, through every stage, in a
// Node started with --stack-size=492. A recursive walk that costs more per level fails here.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const HALF_STACK_KB = 492;

it(`every stage handles input at the depth limit within ${HALF_STACK_KB} KB of stack`, async () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  // Under node_modules, so that the bundle's @alloy-lint imports resolve to the built packages.
  const out = `${root}node_modules/.cache/alloy-lint/margin-${process.pid}.mjs`;
  await build({ entryPoints: [fileURLToPath(new URL('./margin-entry.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: out, external: ['@alloy-lint/*'], logLevel: 'error' });
  const r = spawnSync(process.execPath, [`--stack-size=${HALF_STACK_KB}`, '--max-old-space-size=1024', out], { encoding: 'utf8', maxBuffer: 1 << 26 });
  rmSync(out, { force: true });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual([]);
});
