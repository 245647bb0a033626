import { format } from '@alloy-lint/formatter';
import type { Edit } from '@alloy-lint/parser';
import { applyEdits, extract, formatEmbed } from '@alloy-lint/yaml-embed';
import { configFor } from './config.js';
import type { InputFile } from './files.js';
import type { Io } from './io.js';
import { yamlPathsOf } from './sources.js';
import { NO_ALLOY, skipReason } from './yaml-files.js';

/**
 * Formats the Alloy texts of a YAML file in place: only the values change. Values that
 * would change but cannot be rewritten faithfully (quoted or folded scalars, some
 * template actions) are reported and left alone.
 */
export function fmtYaml(input: InputFile, opts: { yamlPath?: string[] }, io: Io, skipEmpty: boolean, walked: boolean): { out?: Uint8Array; failed: boolean } {
  const yamlPaths = yamlPathsOf(configFor(input.name === '<stdin>' ? '-' : input.name, io.cwd).config.yamlPaths, opts.yamlPath);
  const x = extract(input.bytes, { yamlPaths }, input.name);
  const say = (start: number, message: string) => {
    const p = x.source.position(start);
    io.stderr(`${input.name}:${p.line}:${p.column}: ${message}\n`);
  };
  const skip = skipReason(x);
  if (skip && skipEmpty) {
    if (skip !== 'no Alloy found' || !walked) io.stderr(`alloy-lint: note: ${input.name}: ${skip}, skipped\n`);
    return { failed: false };
  }
  let failed = false;
  for (const d of x.diagnostics) {
    say(d.start, d.message);
    if (d.severity === 'error') failed = true;
  }
  if (skip === 'no Alloy found') {
    say(0, NO_ALLOY);
    return { failed: true };
  }
  const edits: Edit[] = [];
  for (const e of x.embeds) {
    const r = formatEmbed(x, e, (t) => format(t), { yamlPaths });
    for (const d of r.diagnostics) say(d.start, d.message);
    if (r.refused) say(e.scalar.start, r.refused);
    if (r.refused || r.diagnostics.length) failed = true;
    if (r.edit) edits.push(r.edit);
  }
  return { out: applyEdits(input.bytes, edits), failed };
}
