// The CLI reads schemas through @alloy-lint/schemas/node (the data ships inside that package).
export { DEFAULT_ALLOY_VERSION, loadSchemaCatalog, schemaVersions } from '@alloy-lint/schemas/node';
