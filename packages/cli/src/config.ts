import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { YamlPathSetting } from '@alloy-lint/yaml-embed';
import { UsageError } from './io.js';

/** `.alloy-lint.json`: project settings, found from a file's folder upwards. */
export interface LintConfig {
  /** Severity per rule id: `error`, `warning`, `info` or `off`. */
  rules?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  alloyVersion?: string;
  stabilityLevel?: string;
  communityComponents?: boolean;
  /** Walk directories for YAML files holding Alloy too (as `--yaml`). */
  yaml?: boolean;
  /** More YAML keys holding Alloy text (`alloy.configMap.content`, `data."*.alloy"`, `**.extraConfig`). */
  yamlPaths?: YamlPathSetting[];
}

export const CONFIG_FILE = '.alloy-lint.json';
const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
/** The keys of `.alloy-lint.json` and the type of each value. */
const KEYS: Record<string, 'object' | 'string' | 'boolean' | 'array'> = {
  $schema: 'string',
  rules: 'object',
  alloyVersion: 'string',
  stabilityLevel: 'string',
  communityComponents: 'boolean',
  yaml: 'boolean',
  yamlPaths: 'array',
};
const cache = new Map<string, { path?: string; config: LintConfig }>();

/** The nearest config for a file (or for the working directory, for stdin). */
export function configFor(file: string, cwd: string): { path?: string; config: LintConfig } {
  let dir = file === '-' ? resolve(cwd) : dirname(resolve(cwd, file));
  const seen: string[] = [];
  for (;;) {
    const hit = cache.get(dir);
    if (hit) return remember(seen, hit);
    seen.push(dir);
    const p = join(dir, CONFIG_FILE);
    if (existsSync(p)) return remember(seen, { path: p, config: readConfig(p) });
    const up = dirname(dir);
    if (up === dir) return remember(seen, { config: {} });
    dir = up;
  }
}

function remember(dirs: string[], found: { path?: string; config: LintConfig }) {
  for (const d of dirs) cache.set(d, found);
  return found;
}

function readConfig(path: string): LintConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`${path}: expected a JSON object`);
  for (const [key, value] of Object.entries(raw)) {
    const want = KEYS[key];
    if (!want) throw new UsageError(`${path}: unknown key ${JSON.stringify(key)} (expected one of ${Object.keys(KEYS).join(', ')})`);
    const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    if (got !== want) throw new UsageError(`${path}: ${key} must be ${want === 'object' || want === 'array' ? `an ${want}` : `a ${want}`}, got ${got}`);
  }
  const c = raw as LintConfig;
  for (const [id, sev] of Object.entries(c.rules ?? {})) {
    if (!SEVERITIES.has(sev)) throw new UsageError(`${path}: rule ${id}: severity must be one of error, warning, info, off (got ${JSON.stringify(sev)})`);
  }
  if (c.yaml !== undefined && typeof c.yaml !== 'boolean') throw new UsageError(`${path}: yaml must be true or false`);
  if (c.yamlPaths !== undefined && (!Array.isArray(c.yamlPaths) || !c.yamlPaths.every((p) => typeof p === 'string' || (typeof p === 'object' && p !== null && typeof p.path === 'string')))) {
    throw new UsageError(`${path}: yamlPaths must be a list of patterns or {"path", "fragment", "template"} objects`);
  }
  return c;
}
