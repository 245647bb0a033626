import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { catalogFromJson, type ComponentCatalog } from '@alloy-lint/analyzer';
import { type Catalog, loadCatalog } from '@alloy-lint/schemas-gen';

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

function open(version: string): { index: unknown; read: (file: string) => unknown } {
  const v = version.startsWith('v') ? version : `v${version}`;
  const dir = new URL(`${v}/`, root);
  const indexUrl = new URL('index.json', dir);
  if (!existsSync(indexUrl)) {
    const known = schemaVersions();
    throw new Error(`no schemas for Alloy ${v}${known.length ? ` (available: ${known.join(', ')})` : ''}`);
  }
  return {
    index: JSON.parse(readFileSync(indexUrl, 'utf8')),
    read: (file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')),
  };
}

/** Reads schemas/<version>/ from disk into the checker's catalog (files are read on first use). */
export function loadSchemaCatalog(version = DEFAULT_ALLOY_VERSION): ComponentCatalog {
  const { index, read } = open(version);
  return catalogFromJson(index, read);
}

/** The same schemas as the reference model `describe` and `schemas diff` print. */
export function loadSchemaModel(version = DEFAULT_ALLOY_VERSION): Catalog {
  const { index, read } = open(version);
  return loadCatalog(index, read);
}
