// The one reader of a release's generated files: index.json, the schema files and rules.json.
// No file system access: callers pass JSON they have read (Node: ./node.ts; a browser: bundled JSON).
import { componentInfo } from './info.js';
import { EMPTY_RULES, indexRules, type RuleIndex } from './rules.js';
import type { Catalog, ComponentInfo, ComponentSchema, SchemaIndex } from './schema-types.js';
import type { BodySpec, ComponentSpec } from './spec-types.js';
import { blockSpec, componentSpec } from './specs.js';

/** Reads one file of a release by its path inside `<version>/` (`components/loki.write.json`, `rules.json`). */
export type SchemaReader = (file: string) => unknown;

/**
 * Builds a catalog from an already-read index.json and a way to get each file's JSON: a map keyed
 * by path (`components/loki.write.json`) or a callback. Files are read and converted on first use.
 */
export function loadCatalog(index: unknown, files: Record<string, unknown> | SchemaReader): Catalog {
  const idx = index as SchemaIndex;
  if (!idx || typeof idx.version !== 'string' || !Array.isArray(idx.entries)) throw new Error('not a schema index (expected {version, entries})');
  const read: SchemaReader = typeof files === 'function' ? files : (f) => files[f];
  const byName = new Map(idx.entries.map((e) => [e.name, e]));
  const schemas = new Map<string, ComponentSchema | undefined>();
  const infos = new Map<string, ComponentInfo | undefined>();
  const components = new Map<string, ComponentSpec | undefined>();
  const blocks = new Map<string, BodySpec | undefined>();
  let rules: RuleIndex | undefined;
  const ruleIndex = (): RuleIndex => {
    if (rules) return rules;
    if (!idx.rules) return (rules = EMPTY_RULES);
    const data = read(idx.rules);
    if (data === undefined) throw new Error(`Alloy ${idx.version}: ${idx.rules} is listed in index.json but could not be read`);
    return (rules = indexRules(data, idx.version));
  };
  const schema = (name: string, kind?: 'component' | 'config-block'): ComponentSchema | undefined => {
    const e = byName.get(name);
    if (!e || (kind && e.kind !== kind)) return undefined;
    if (!schemas.has(name)) schemas.set(name, read(e.file) as ComponentSchema);
    return schemas.get(name);
  };
  const memo = <T>(m: Map<string, T | undefined>, name: string, make: () => T | undefined): T | undefined => {
    if (!m.has(name)) m.set(name, make());
    return m.get(name);
  };
  const names = (kind: string) => idx.entries.filter((e) => e.kind === kind).map((e) => e.name);
  return {
    version: idx.version,
    index: idx,
    schema: (name) => schema(name),
    info: (name) => memo(infos, name, () => {
      const s = schema(name);
      return s && componentInfo(s);
    }),
    component: (name) => memo(components, name, () => {
      const s = schema(name, 'component');
      return s && componentSpec(s, ruleIndex());
    }),
    block: (name) => memo(blocks, name, () => {
      const s = schema(name, 'config-block');
      return s && blockSpec(s, ruleIndex());
    }),
    names: () => names('component'),
    blockNames: () => names('config-block'),
  };
}
