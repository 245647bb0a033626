// What the worker answers: the language service over the one document the playground edits,
// the runtime over it and the samples, and pipeline tests. Every verb runs through
// `withSchemas`, so schemas load on first use.
import { RULES } from '@alloy-lint/analyzer';
import { createLanguageService, type LanguageService, SEMANTIC_TOKENS_LEGEND } from '@alloy-lint/language-service';
import type { Samples } from '@alloy-lint/runtime';
import { parse as parseYaml } from 'yaml';
import { MARKED } from '../marked-text.js';
import { CONFIG_URI, type Graph, type Info, type Methods, type RunOutput, type TestOutput } from '../protocol.js';
import { DEFAULT_SETTINGS, type Settings } from '../share.js';
import { LazySchemas, VERSIONS } from './schemas.js';

type Handlers = { [M in keyof Methods]: (params: Methods[M][0]) => Promise<Methods[M][1]> };

/** YAML (JSON included) as the CLI reads samples and tests. */
function parseData(text: string, what: string): { data: unknown } | { error: string } {
  try {
    return { data: parseYaml(text, { schema: 'core' }) };
  } catch (e) {
    return { error: `${what}: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** The runtime (with ajv and jmespath) is its own chunk, loaded by the first Run or Test. */
type Runtime = typeof import('@alloy-lint/runtime');
let runtime: Promise<Runtime> | undefined;
const loadRuntime = (): Promise<Runtime> => (runtime ??= import('@alloy-lint/runtime'));

function samplesOf(rt: Runtime, text: string): { samples: Samples } | { error: string } {
  const parsed = parseData(text, 'samples');
  if ('error' in parsed) return parsed;
  const r = rt.readSamples(parsed.data);
  return 'errors' in r ? { error: `invalid samples\n  ${r.errors.join('\n  ')}` } : r;
}

export function createHandlers(): Handlers {
  const schemas = new LazySchemas();
  let settings: Settings = DEFAULT_SETTINGS;
  let text = '';
  let version = 0;
  const ls: LanguageService = createLanguageService({
    host: { catalog: (v) => schemas.catalog(v), versions: () => VERSIONS },
    settings: { ...settings, folderAsConfig: false },
  });
  const invalidate = () => ls.configure({});
  const withSchemas = <T>(fn: () => T | Promise<T>) => schemas.withSchemas(fn, invalidate);
  const catalog = () => schemas.catalog(settings.alloyVersion);
  const now = () => new Date();

  return {
    async info(): Promise<Info> {
      return {
        versions: VERSIONS,
        rules: RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description })),
        tokenTypes: SEMANTIC_TOKENS_LEGEND.tokenTypes,
        tokenModifiers: SEMANTIC_TOKENS_LEGEND.tokenModifiers,
      };
    },
    async configure({ settings: s }) {
      settings = s;
      await schemas.prepare(s.alloyVersion, text);
      ls.configure({ settings: { alloyVersion: s.alloyVersion, stabilityLevel: s.stabilityLevel, communityComponents: s.communityComponents, rules: s.rules } });
    },
    async update(p) {
      text = p.text;
      version = p.version;
      await schemas.prepare(settings.alloyVersion, text);
      ls.openDocument(CONFIG_URI, version, text);
      return withSchemas(() => ({ version, diagnostics: ls.diagnostics(CONFIG_URI), tokens: ls.semanticTokens(CONFIG_URI) }));
    },
    complete: ({ position }) => withSchemas(() => ls.complete(CONFIG_URI, position)),
    hover: ({ position }) => withSchemas(() => ls.hover(CONFIG_URI, position)),
    definition: ({ position }) => withSchemas(() => ls.definition(CONFIG_URI, position)),
    format: () => withSchemas(() => ls.format(CONFIG_URI)),
    graph: () =>
      withSchemas(async (): Promise<Graph> => {
        const [svg, json] = await Promise.all([ls.graph(CONFIG_URI, 'svg'), ls.graph(CONFIG_URI, 'json')]);
        return { svg, locations: (JSON.parse(json) as { locations?: Graph['locations'] }).locations ?? {} };
      }),
    async run({ samples: samplesText }): Promise<RunOutput> {
      const rt = await loadRuntime();
      const s = samplesOf(rt, samplesText);
      const cat = catalog();
      if ('error' in s) return { ok: false, text: `${MARKED.red('samples:')} ${s.error}\n`, sinks: [] };
      if (!cat) return { ok: false, text: `${MARKED.red(`no schemas for Alloy ${settings.alloyVersion} in this build`)}\n`, sinks: [] };
      return withSchemas(() => {
        const r = rt.runConfig([{ name: 'config.alloy', text }], { catalog: cat, host: rt.memoryHost({}, {}, now()), samples: s.samples, trace: true, minStability: settings.stabilityLevel, community: settings.communityComponents });
        if (!r.ok) {
          const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `  ${d.message}\n`);
          return { ok: false, text: `${MARKED.red('The configuration does not load, so it was not run:')}\n${errors.join('')}`, sinks: [] };
        }
        const sinks = r.sinks.map((k) => ({ component: k.component, entries: k.entries.map((e) => ({ line: e.line, labels: e.labels })) }));
        return { ok: true, text: rt.runText(r, { style: MARKED, trace: true }), sinks };
      });
    },
    async test({ test, samples: samplesText }): Promise<TestOutput> {
      const { memoryHost, readPipelineTest, renderEntry, runPipelineTest } = await loadRuntime();
      const cat = catalog();
      const parsed = parseData(test, 'test');
      if ('error' in parsed) return { passed: false, text: MARKED.red(parsed.error) };
      if (!cat) return { passed: false, text: MARKED.red(`no schemas for Alloy ${settings.alloyVersion} in this build`) };
      // The playground has one config and one samples file: a test's paths name them.
      const readFile = (p: string) => (/\.alloy$/.test(p) ? text : /\.(ya?ml|json)$/.test(p) ? samplesText : undefined);
      const read = readPipelineTest(parsed.data, 'playground', { readFile, parse: (t) => parseYaml(t, { schema: 'core' }) });
      if ('errors' in read) return { passed: false, text: `${MARKED.red('ERROR')}\n${read.errors.map((e) => `  ${e}\n`).join('')}` };
      return withSchemas(() => {
        const o = runPipelineTest(read.test, { catalog: cat, host: memoryHost({}, {}, now()) });
        const lines = [`${o.passed ? MARKED.green('PASS') : MARKED.red('FAIL')} ${o.assertions.filter((a) => a.passed).length}/${o.assertions.length} assertions`];
        if (o.error) lines.push(`${MARKED.red('error:')} ${o.error}`);
        for (const a of o.assertions) lines.push(a.passed ? `${MARKED.green('✓')} ${a.description}` : `${MARKED.red('✗')} ${a.description}\n    ${MARKED.red(a.message ?? '')}`);
        lines.push(MARKED.dim(`received (${o.received.length}):`), ...o.received.map((e) => `  - ${renderEntry(e)}`));
        for (const w of o.result.warnings) lines.push(`${MARKED.yellow('warning:')} ${w}`);
        return { passed: o.passed, text: lines.join('\n') + '\n' };
      });
    },
  };
}
