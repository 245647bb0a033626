// Every publishable package carries what a registry and its users need, in step with the others.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const licence = readFileSync(join(repo, 'LICENSE'), 'utf8');
const all = readdirSync(join(repo, 'packages'))
  .filter((d) => existsSync(join(repo, 'packages', d, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(repo, 'packages', dir, 'package.json'), 'utf8')) }));
const names = new Set(all.map((p) => p.pkg.name as string));

describe('package metadata', () => {
  for (const { dir, pkg } of all) {
    it(`${pkg.name}: version, licence, repository, engines, ES module, its own packages pinned`, () => {
      expect(pkg.version).toBe(root.version);
      expect(pkg.license).toBe('Apache-2.0');
      expect(pkg.repository).toEqual({ ...root.repository, directory: `packages/${dir}` });
      // The VS Code extension's manifest adds engines.vscode.
      expect(pkg.engines).toMatchObject(root.engines);
      expect(pkg.type).toBe('module');
      for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies })) {
        if (names.has(name)) expect(range, name).toBe(root.version);
      }
    });
    if (pkg.private) continue;
    it(`${pkg.name}: publishable (README, licence text, exports, files without maps)`, () => {
      expect(existsSync(join(repo, 'packages', dir, 'README.md'))).toBe(true);
      expect(readFileSync(join(repo, 'packages', dir, 'LICENSE'), 'utf8')).toBe(licence);
      expect(pkg.exports['.']).toBeDefined();
      expect(pkg.files.length).toBeGreaterThan(0);
      if (pkg.files.includes('dist')) expect(pkg.files).toContain('!dist/**/*.map');
      for (const dep of Object.keys(pkg.dependencies ?? {})) {
        if (names.has(dep)) expect(all.find((p) => p.pkg.name === dep)!.pkg.private, `${dep} must be publishable`).toBeFalsy();
      }
    });
  }
});
