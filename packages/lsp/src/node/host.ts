import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Host } from '@alloy-lint/language-service';
import { installedDataDir, loadSchemaCatalog, schemaVersions } from '@alloy-lint/schemas/node';

type Catalog = ReturnType<Host['catalog']>;

/** Where the schemas are: by default `data/` of the @alloy-lint/schemas this module resolves. */
export interface NodeHostOptions {
  schemasDir?: URL | string;
}

/**
 * The language service's host over the file system: `file:` URIs only, catalogs read from
 * the schemas package (each release loaded once, lazily). No network: `import.git` and
 * `import.http` stay unchecked, as the language service reports.
 */
export function nodeHost(options: NodeHostOptions = {}): Host {
  let dir = options.schemasDir;
  const dataDir = () => {
    // Resolved from here, not beside the reader: bundles (the CLI's, the extension's) inline it.
    dir ??= installedDataDir(import.meta.url);
    return dir;
  };
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
          c = loadSchemaCatalog(version, dataDir());
        } catch {
          c = undefined;
        }
        catalogs.set(version, c);
      }
      return catalogs.get(version);
    },
    versions: () => schemaVersions(dataDir()),
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
