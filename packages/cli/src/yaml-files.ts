// What every command may ask about YAML paths without loading the YAML machinery
// (`sources.ts`, imported on first use, holds the rest).

export const isYaml = (path: string) => /\.ya?ml$/i.test(path);

export const NO_ALLOY =
  'no Alloy configuration found in this YAML file (alloy-lint reads ConfigMap data keys named *.alloy or *.river, ' +
  "the Alloy chart's alloy.configMap.content, k8s-monitoring's extraConfig and processing keys, Alloy operator resources, " +
  'and the keys named by yamlPaths in .alloy-lint.json or --yaml-path)';

/**
 * Why a YAML file may be passed over when it was not asked for by name (a directory walk,
 * or `--yaml`): it holds no Alloy, or it is not YAML at all (a Helm chart template).
 * Undefined when there is something to report.
 */
export function skipReason(src: { embeds: unknown[]; diagnostics: { code: string }[] }): string | undefined {
  if (src.embeds.length > 0 || src.diagnostics.some((d) => d.code !== 'yaml')) return undefined;
  return src.diagnostics.length ? 'not valid YAML (a Helm template?)' : 'no Alloy found';
}

