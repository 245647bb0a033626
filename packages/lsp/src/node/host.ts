import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Host } from '@alloy-lint/language-service';
import { loadSchemaCatalog, schemaVersions } from '@alloy-lint/schemas/node';

type Catalog = ReturnType<Host['catalog']>;

/** Where the schemas are: `data/` of @alloy-lint/schemas unless a bundle ships them elsewhere. */
export interface NodeHostOptions {
  schemasDir?: URL | string;
}

/**
 * The language service's host over the file system: `file:` URIs only, catalogs read from
 * the schemas package (each release loaded once, lazily). No network: `import.git` and
 * `import.http` stay unchecked, as the language service reports.
 */
export function nodeHost(options: NodeHostOptions = {}): Host {
  const dir = options.schemasDir;
  const catalogs = new Map<string, Catalog>();
  const pathOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };
  return {
    catalog(version) {
      if (!catalogs.has(version)) {
        let c: Catalog;
        try {
          c = dir === undefined ? loadSchemaCatalog(version) : loadSchemaCatalog(version, dir);
        } catch {
          c = undefined;
        }
        catalogs.set(version, c);
      }
      return catalogs.get(version);
    },
    versions: () => (dir === undefined ? schemaVersions() : schemaVersions(dir)),
    readFile(uri) {
      const p = pathOf(uri);
      if (p === undefined) return undefined;
      try {
        return readFileSync(p);
      } catch {
        return undefined;
      }
    },
    listFiles(folderUri) {
      const p = pathOf(folderUri);
      if (p === undefined) return undefined;
      const base = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
      try {
        return readdirSync(p, { withFileTypes: true })
          .filter((e) => e.isFile() && e.name.endsWith('.alloy'))
          .map((e) => base + encodeURIComponent(e.name))
          .sort();
      } catch {
        return undefined;
      }
    },
  };
}
