// The CLI reads schemas through @alloy-lint/schemas (the data ships inside that package). The
// reader is bundled into the CLI, so data/ is found by resolving the package from here rather
// than beside the reader's own file.
import { DEFAULT_ALLOY_VERSION, installedDataDir, loadSchemaCatalog as load, schemaVersions as versions } from '@alloy-lint/schemas/node';

export { DEFAULT_ALLOY_VERSION };

let data: URL | undefined;

/** `data/` of the installed @alloy-lint/schemas. */
const dataDir = (): URL => (data ??= installedDataDir(import.meta.url));

/** Releases with schemas, sorted by name. */
export const schemaVersions = (): string[] => versions(dataDir());

/** One release's catalog (files are read on first use). */
export const loadSchemaCatalog = (version: string = DEFAULT_ALLOY_VERSION): ReturnType<typeof load> => load(version, dataDir());
