// Node entry: reads the data/ folder shipped inside this package, wherever it is installed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from './catalog.js';
import { DEFAULT_ALLOY_VERSION } from './index.js';
import type { Catalog } from './schema-types.js';

export { DEFAULT_ALLOY_VERSION } from './index.js';

/** `data/` of this package: `<version>/index.json`, `components/`, `blocks/`, `rules.json`. */
export const DATA_DIR: URL = new URL('../data/', import.meta.url);

/**
 * `data/` of the @alloy-lint/schemas that a module at `from` (its `import.meta.url`) resolves.
 * Bundles inline this reader, so `DATA_DIR` would point beside the bundle: they pass this.
 */
export function installedDataDir(from: string | URL): URL {
  const pkg = createRequire(from).resolve('@alloy-lint/schemas/package.json');
  return pathToFileURL(join(dirname(pkg), 'data') + '/');
}

const asDir = (dir: URL | string): URL => (typeof dir === 'string' ? pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`) : dir);

/** Releases with generated schemas, sorted by name. */
export function schemaVersions(dir: URL | string = DATA_DIR): string[] {
  const root = asDir(dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/index.json`, root)))
    .map((d) => d.name)
    .sort();
}

/** One release's catalog from disk (`1.18.1` and `v1.18.1` both work); files are read on first use. */
export function loadSchemaCatalog(version: string = DEFAULT_ALLOY_VERSION, dir: URL | string = DATA_DIR): Catalog {
  const root = asDir(dir);
  const v = version.startsWith('v') ? version : `v${version}`;
  const base = new URL(`${encodeURIComponent(v)}/`, root);
  const indexUrl = new URL('index.json', base);
  if (!/^v[0-9A-Za-z.+-]+$/.test(v) || !existsSync(indexUrl)) {
    const known = schemaVersions(root);
    throw new Error(`no schemas for Alloy ${v}${known.length ? ` (available: ${known.join(', ')})` : ''}`);
  }
  const read = (file: string) => JSON.parse(readFileSync(new URL(file, base), 'utf8'));
  return loadCatalog(read('index.json'), read);
}
