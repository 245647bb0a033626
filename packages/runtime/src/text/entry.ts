// Label sets and log lines as the run and test reports print them.

const q = JSON.stringify;

/** A label set in Prometheus' `{a="b", ...}` form; `__meta_*` labels summarised unless `all`. */
export function labelText(labels: Record<string, string>, all = false): string {
  const keys = Object.keys(labels).sort();
  const shown = all ? keys : keys.filter((k) => !k.startsWith('__meta_'));
  const hidden = keys.length - shown.length;
  const parts = shown.map((k) => `${k}=${q(labels[k])}`);
  if (hidden) parts.push(`… ${hidden} __meta_ labels`);
  return `{${parts.join(', ')}}`;
}

/** A log line with control characters escaped (a trailing newline shows as \n). */
export function lineText(line: string): string {
  return q(line).slice(1, -1).replace(/\\"/g, '"');
}
