import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { YamlPathSetting } from '@alloy-lint/yaml-embed';
import { readCapped } from './confine.js';
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
/** An Alloy release name: `v1.18.1`, `1.19.0-rc.3`. */
const RELEASE = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/;
/** Alloy's `--stability.level` values, lowest first. */
export const STABILITY = ['experimental', 'public-preview', 'generally-available'];
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
    // A repository's settings live inside it: the search stops at its root.
    const up = dirname(dir);
    if (up === dir || existsSync(join(dir, '.git'))) return remember(seen, { config: {} });
    dir = up;
  }
}

function remember(dirs: string[], found: { path?: string; config: LintConfig }) {
  for (const d of dirs) cache.set(d, found);
  return found;
}

function readConfig(path: string): LintConfig {
  let raw: unknown;
  // A regular file, not a link (it could lead anywhere); a parse error never quotes the text.
  const read = readCapped(path, 1024 * 1024);
  if ('error' in read) throw new UsageError(`${path}: ${read.error}`);
  try {
    raw = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    throw new UsageError(`${path}: not valid JSON${at ? ` (at byte ${at[1]})` : ''}`);
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
  validateValues(path, c);
  return c;
}

/** Settings become file names and flags: each must be one of the values it can take. */
function validateValues(path: string, c: LintConfig): void {
  const bad = (key: string, value: unknown, expected: string) => new UsageError(`${path}: ${key} must be ${expected}, got ${JSON.stringify(value)?.slice(0, 80)}`);
  // A release name (whether schemas exist for it is checked when they are loaded).
  if (c.alloyVersion !== undefined && (typeof c.alloyVersion !== 'string' || !RELEASE.test(c.alloyVersion))) throw bad('alloyVersion', c.alloyVersion, 'a release name such as v1.18.1');
  if (c.stabilityLevel !== undefined && !STABILITY.includes(c.stabilityLevel)) throw bad('stabilityLevel', c.stabilityLevel, `one of ${STABILITY.join(', ')}`);
  if (c.communityComponents !== undefined && typeof c.communityComponents !== 'boolean') throw bad('communityComponents', c.communityComponents, 'true or false');
  if (c.rules !== undefined && (typeof c.rules !== 'object' || c.rules === null || Array.isArray(c.rules))) throw bad('rules', c.rules, 'an object of rule ids and severities');
}
