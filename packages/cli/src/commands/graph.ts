import { extname } from 'node:path';
import { alloyReport, analyze } from '@alloy-lint/analyzer';
import { buildGraph, type Format, FORMATS, render } from '@alloy-lint/graph';
import type { Command } from 'commander';
import { configFor } from '../config.js';
import { folderFiles, readInput, writeOutput } from '../files.js';
import { type Io, UsageError } from '../io.js';
import { notAlloy } from '../not-alloy.js';
import { learnSecrets, maskedSources, redacting, Redactor } from '../secrets.js';
import { isYaml } from '../yaml-files.js';
import { DEFAULT_ALLOY_VERSION, loadSchemaCatalog } from '../schemas.js';

interface GraphOptions {
  format?: string;
  output?: string;
  alloyVersion?: string;
  yamlPath?: string;
  root?: string;
}

const BY_EXTENSION: Record<string, Format> = { '.svg': 'svg', '.dot': 'dot', '.gv': 'dot', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.json': 'json' };

export function register(program: Command, io: Io, done: (code: number) => void): Command {
  return program
    .command('graph')
    .description('draw the pipeline of one configuration (a file, or a directory loaded as one config) as SVG, DOT, Mermaid or JSON')
    .argument('<path>', 'an .alloy file, a directory (its *.alloy files, in byte order of name), or - for stdin')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: from the -o extension, else svg)`)
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--alloy-version <version>', `Alloy release whose components to use (default ${DEFAULT_ALLOY_VERSION})`)
    .option('--yaml-path <pattern>', 'in a YAML file holding several configurations, the one to draw')
    .option('--root <dir>', 'folder the configuration may be read from (default: its repository, else its folder)')
    .action(async (path: string, opts: GraphOptions) => done(await graph(path, opts, io)));
}

export async function graph(path: string, opts: GraphOptions, io: Io): Promise<number> {
  const format = (opts.format ?? (opts.output ? BY_EXTENSION[extname(opts.output).toLowerCase()] : undefined) ?? 'svg') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format ${JSON.stringify(opts.format)} (expected one of ${FORMATS.join(', ')})`);
  let catalog;
  try {
    catalog = loadSchemaCatalog(opts.alloyVersion ?? DEFAULT_ALLOY_VERSION);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (isYaml(path)) {
    const { keptDiagnostics, mapUnit, remapRanges, singleYamlUnit, yamlPathsOf } = await import('../sources.js');
    const { src, unit } = await singleYamlUnit(path, io, yamlPathsOf(configFor(path, io.cwd).config.yamlPaths), opts.yamlPath);
    const analysis = analyze(unit.files, { catalog });
    const redactor = new Redactor();
    learnSecrets(redactor, analysis.sources, analysis.diagnostics);
    if (!analysis.graph) {
      const diagnostics = mapUnit(src, unit, analysis.diagnostics);
      const sources = new Map([...analysis.sources, [src.name, src.extraction.source]]);
      redacting(io, redactor).stderr(alloyReport(diagnostics, maskedSources(sources, diagnostics, redactor)));
      return 1;
    }
    return emit(remapRanges(buildGraph({ ...analysis, diagnostics: keptDiagnostics(unit, analysis.diagnostics) }, catalog), src, unit), format, opts, io, redactor);
  }
  const files = [];
  for (const f of folderFiles(path, io.cwd) ?? [path]) {
    const input = await readInput(f, io, { root: opts.root });
    const why = notAlloy(input.bytes);
    if (why) throw new UsageError(`${input.name}: ${why}`);
    files.push({ name: input.name, text: input.bytes });
  }
  const analysis = analyze(files, { catalog });
  const redactor = new Redactor();
  learnSecrets(redactor, analysis.sources, analysis.diagnostics);
  if (!analysis.graph) {
    // Syntax errors: there is no pipeline to draw.
    redacting(io, redactor).stderr(alloyReport(analysis.diagnostics, maskedSources(analysis.sources, analysis.diagnostics, redactor)));
    return 1;
  }
  return emit(buildGraph(analysis, catalog), format, opts, io, redactor);
}

async function emit(model: ReturnType<typeof buildGraph>, format: Format, opts: GraphOptions, io: Io, redactor: Redactor): Promise<number> {
  const text = redactor.text(await render(model, format, { onNote: (note) => io.stderr(`alloy-lint graph: note: ${note}\n`) }));
  if (opts.output) writeOutput(opts.output, text, io, '-o');
  else io.stdout(text);
  return 0;
}
