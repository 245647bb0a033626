import type { Settings } from '@alloy-lint/language-service';

/**
 * The `alloyLint` settings section as a client sends it (VS Code's `contributes.configuration`,
 * Neovim's `settings`, Helix's `config`). Unset or null values fall back to the folder's
 * `.alloy-lint.json`, then to the language service's defaults.
 */
export interface ClientSettings {
  alloyVersion?: string | null;
  stabilityLevel?: string | null;
  communityComponents?: boolean | null;
  rules?: Record<string, string> | null;
  folderAsConfig?: boolean | null;
  inlayHints?: { defaults?: boolean | null } | null;
  /** Alloy inside YAML files (ConfigMaps, Helm values, k8s-monitoring). */
  yaml?: boolean | null;
  /** More YAML keys holding Alloy, as `.alloy-lint.json`'s `yamlPaths`. */
  yamlPaths?: Settings['yamlPaths'] | null;
}

/** `.alloy-lint.json`, the CLI's project settings (the same file the CLI reads). */
export const CONFIG_FILE = '.alloy-lint.json';

const STABILITY = ['experimental', 'public-preview', 'generally-available'];
const SEVERITY = ['error', 'warning', 'info', 'off'];

/** Settings with what was wrong in them (each problem a sentence the server shows the user). */
export interface Resolved {
  settings: Partial<Settings>;
  problems: string[];
}

/**
 * Merges the layers, later ones winning: `.alloy-lint.json` of the folder, then the editor's
 * settings. Rule severities merge per rule. Values of the wrong type or outside their set are
 * dropped with a problem, never applied half-way.
 */
export function resolveSettings(layers: { source: string; value: unknown }[]): Resolved {
  const settings: Partial<Settings> = {};
  const problems: string[] = [];
  for (const { source, value } of layers) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${source}: expected an object of settings`);
      continue;
    }
    const v = value as ClientSettings;
    const bad = (key: string, want: string) => problems.push(`${source}: ${key} must be ${want} (got ${JSON.stringify((v as Record<string, unknown>)[key])})`);
    if (v.alloyVersion !== undefined && v.alloyVersion !== null && v.alloyVersion !== '') {
      if (typeof v.alloyVersion === 'string') settings.alloyVersion = v.alloyVersion.startsWith('v') ? v.alloyVersion : `v${v.alloyVersion}`;
      else bad('alloyVersion', 'a release such as "v1.18.1"');
    }
    if (v.stabilityLevel !== undefined && v.stabilityLevel !== null && v.stabilityLevel !== '') {
      if (STABILITY.includes(v.stabilityLevel as string)) settings.stabilityLevel = v.stabilityLevel as Settings['stabilityLevel'];
      else bad('stabilityLevel', `one of ${STABILITY.join(', ')}`);
    }
    for (const key of ['communityComponents', 'folderAsConfig', 'yaml'] as const) {
      const x = v[key];
      if (x === undefined || x === null) continue;
      if (typeof x === 'boolean') settings[key] = x;
      else bad(key, 'true or false');
    }
    const hints = v.inlayHints?.defaults;
    if (hints !== undefined && hints !== null) {
      if (typeof hints === 'boolean') settings.inlayHints = { defaults: hints };
      else problems.push(`${source}: inlayHints.defaults must be true or false`);
    }
    if (v.yamlPaths !== undefined && v.yamlPaths !== null) {
      const ok = Array.isArray(v.yamlPaths) && v.yamlPaths.every((p) => typeof p === 'string' || (typeof p === 'object' && p !== null && typeof p.path === 'string'));
      if (ok) settings.yamlPaths = v.yamlPaths;
      else bad('yamlPaths', 'a list of patterns or {"path", "fragment", "template"} objects');
    }
    if (v.rules !== undefined && v.rules !== null) {
      if (typeof v.rules !== 'object' || Array.isArray(v.rules)) bad('rules', 'an object of rule id → severity');
      else {
        const rules = { ...settings.rules };
        for (const [id, sev] of Object.entries(v.rules)) {
          if (SEVERITY.includes(sev)) rules[id] = sev as Settings['rules'][string];
          else problems.push(`${source}: rule ${id}: severity must be one of ${SEVERITY.join(', ')} (got ${JSON.stringify(sev)})`);
        }
        settings.rules = rules;
      }
    }
  }
  return { settings, problems };
}

/** `.alloy-lint.json` text → its settings object, or a problem (syntax error, not an object). */
export function parseConfigFile(source: string, text: string | Uint8Array): { value?: unknown; problem?: string } {
  const s = typeof text === 'string' ? text : new TextDecoder().decode(text);
  try {
    const value: unknown = JSON.parse(s);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `${source}: expected a JSON object` };
    return { value };
  } catch (e) {
    return { problem: `${source}: ${(e as Error).message}` };
  }
}
