import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { alloyReport, analyze } from '@alloy-lint/analyzer';
import { buildGraph, type Format, FORMATS, render } from '@alloy-lint/graph';
import type { Command } from 'commander';
import { type Io, readInput, UsageError } from '../io.js';
import { configFor } from '../config.js';
import { isYaml } from '../yaml-files.js';
import { DEFAULT_ALLOY_VERSION, loadSchemaCatalog } from '../schemas.js';

interface GraphOptions {
  format?: string;
  output?: string;
  alloyVersion?: string;
  yamlPath?: string;
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
    .action(async (path: string, opts: GraphOptions) => done(await graph(path, opts, io)));
}

/** The files of one configuration: a file, or the `.alloy` files directly in a directory, in byte order of name. */
function configFiles(path: string, cwd: string): string[] {
  const abs = resolve(cwd, path);
  if (path === '-' || !existsSync(abs) || !statSync(abs).isDirectory()) return [path];
  const files = readdirSync(abs)
    .filter((f) => f.endsWith('.alloy') && statSync(join(abs, f)).isFile())
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (files.length === 0) throw new UsageError(`${path}: no .alloy files in this directory`);
  return files.map((f) => join(path, f));
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
    if (!analysis.graph) {
      io.stderr(alloyReport(mapUnit(src, unit, analysis.diagnostics), new Map([...analysis.sources, [src.name, src.extraction.source]])));
      return 1;
    }
    return emit(remapRanges(buildGraph({ ...analysis, diagnostics: keptDiagnostics(unit, analysis.diagnostics) }, catalog), src, unit), format, opts, io);
  }
  const files = [];
  for (const f of configFiles(path, io.cwd)) {
    const input = await readInput(f, io);
    files.push({ name: input.name, text: input.bytes });
  }
  const analysis = analyze(files, { catalog });
  if (!analysis.graph) {
    // Syntax errors: there is no pipeline to draw.
    io.stderr(alloyReport(analysis.diagnostics, analysis.sources));
    return 1;
  }
  return emit(buildGraph(analysis, catalog), format, opts, io);
}

async function emit(model: ReturnType<typeof buildGraph>, format: Format, opts: GraphOptions, io: Io): Promise<number> {
  const text = await render(model, format, { onNote: (note) => io.stderr(`alloy-lint graph: note: ${note}
`) });
  if (opts.output) writeFileSync(resolve(io.cwd, opts.output), text);
  else io.stdout(text);
  return 0;
}
