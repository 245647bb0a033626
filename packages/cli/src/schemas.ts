import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { catalogFromJson, type ComponentCatalog } from '@alloy-lint/analyzer';

/** The Alloy release whose schemas are used when none is named. */
export const DEFAULT_ALLOY_VERSION = 'v1.18.1';

const root = new URL('../../../schemas/', import.meta.url);

/** Releases with generated schemas, newest name last. */
export function schemaVersions(): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/index.json`, root)))
    .map((d) => d.name)
    .sort();
}

/** Reads schemas/<version>/ from disk into a catalog (files are read on first use). */
export function loadSchemaCatalog(version = DEFAULT_ALLOY_VERSION): ComponentCatalog {
  const v = version.startsWith('v') ? version : `v${version}`;
  const dir = new URL(`${v}/`, root);
  const indexUrl = new URL('index.json', dir);
  if (!existsSync(indexUrl)) {
    const known = schemaVersions();
    throw new Error(`no schemas for Alloy ${v}${known.length ? ` (available: ${known.join(', ')})` : ''}`);
  }
  const index = JSON.parse(readFileSync(indexUrl, 'utf8'));
  return catalogFromJson(index, (file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
}
