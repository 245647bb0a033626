// The TextMate grammars tokenized by vscode-textmate with the Oniguruma engine VS Code uses:
// every regex compiles, and the seed file's parts get the scopes themes colour.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { type IGrammar, INITIAL, Registry } from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOOLS } from './code-server.js';

const require = createRequire(import.meta.url);
const own = (f: string) => JSON.parse(readFileSync(new URL(`../syntaxes/${f}`, import.meta.url), 'utf8'));
const seed = readFileSync(new URL('../../../examples/k8s-logs.alloy', import.meta.url), 'utf8');
/** VS Code's own YAML grammars, from the code-server install (.ci/run), for the injection. */
const YAML_DIR = join(TOOLS, 'code-server/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes');
const YAML_GRAMMAR = join(YAML_DIR, 'yaml.tmLanguage.json');
/** source.yaml, source.yaml.1.2, ... → that grammar file's JSON. */
function yamlGrammar(scope: string): unknown {
  const m = /^source\.yaml(?:\.(.+))?$/.exec(scope);
  const file = m && join(YAML_DIR, `yaml${m[1] ? `-${m[1]}` : ''}.tmLanguage.json`);
  return file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

let registry: Registry;

beforeAll(async () => {
  await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new OnigScanner(p), createOnigString: (s: string) => new OnigString(s) }),
    loadGrammar: async (scope) =>
      ({ 'source.alloy.grafana': own('alloy.tmLanguage.json'), 'alloy.injection.yaml': own('alloy-in-yaml.tmLanguage.json') })[scope] ?? yamlGrammar(scope),
    getInjections: (scope) => (scope === 'source.yaml' ? ['alloy.injection.yaml'] : undefined),
  });
});

/** The scopes of each token of `text`, as `token → innermost scope`. */
function tokens(grammar: IGrammar, text: string): [string, string[]][] {
  let state = INITIAL;
  const out: [string, string[]][] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes]);
    state = r.ruleStack;
  }
  return out;
}

const scopeOf = (toks: [string, string[]][], text: string) => toks.find(([t]) => t === text)?.[1].at(-1);

describe('the Alloy grammar', () => {
  it('gives the seed file the scopes themes colour', async () => {
    const g = (await registry.loadGrammar('source.alloy.grafana'))!;
    const toks = tokens(g, seed + 'x = [1, 2.5, true, null, `raw`, sys.env("A\\n")]\n/* block */\n');
    expect(scopeOf(toks, 'discovery.kubernetes')).toBe('entity.name.type.block.alloy');
    expect(scopeOf(toks, '"pod"')).toBe('string.quoted.double.label.alloy');
    expect(scopeOf(toks, 'forward_to')).toBe('variable.other.property.alloy');
    expect(scopeOf(toks, '// Push to Loki.')).toBe('comment.line.double-slash.alloy');
    expect(scopeOf(toks, ' block ')).toBe('comment.block.alloy');
    expect(scopeOf(toks, '2.5')).toBe('constant.numeric.float.alloy');
    expect(scopeOf(toks, 'true')).toBe('constant.language.boolean.alloy');
    expect(scopeOf(toks, 'null')).toBe('constant.language.null.alloy');
    expect(scopeOf(toks, 'sys.env')).toBe('support.function.alloy');
    expect(scopeOf(toks, '\\n')).toBe('constant.character.escape.alloy');
    expect(toks.find(([t]) => t === '`raw`' || t === 'raw')?.[1]).toContain('string.quoted.other.raw.alloy');
    // Blocks close: the last line's tokens are back at the top level.
    expect(toks.at(-1)![1]).toEqual(['source.alloy.grafana']);
  });

  /** For each line of `text`, whether its text is coloured as Alloy, and the YAML keys it shows. */
  async function yamlLines(text: string): Promise<{ alloy: string[]; keys: string[] }[]> {
    const g = (await registry.loadGrammar('source.yaml'))!;
    let state = INITIAL;
    return text.split('\n').map((line) => {
      const r = g.tokenizeLine(line, state);
      state = r.ruleStack;
      const toks = r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes] as const);
      return {
        alloy: toks.filter(([, s]) => s.includes('entity.name.type.block.alloy')).map(([t]) => t),
        keys: toks.filter(([, s]) => s.at(-1) === 'entity.name.tag.yaml').map(([t]) => t),
      };
    });
  }

  // VS Code's YAML grammar keeps its structure in while-rules: the embed starts at the block
  // indicator, after YAML has read the key, so the keys after it are still keys.
  it.runIf(existsSync(YAML_GRAMMAR) || process.env.CI)('colours a ConfigMap key named like an Alloy file as Alloy, and the YAML after it as YAML', async () => {
    const lines = await yamlLines('data:\n  config.alloy: |\n    loki.write "w" {\n\n      url = "x"\n    }\n  other: |\n    loki.write "w" {}\nnext: 1\n');
    expect(lines.map((l) => l.alloy)).toEqual([[], [], ['loki.write'], [], [], [], [], [], [], []]);
    expect(lines.map((l) => l.keys)).toEqual([['data'], ['config.alloy'], [], [], [], [], ['other'], [], ['next'], []]);
  });

  it.runIf(existsSync(YAML_GRAMMAR) || process.env.CI)('at the top level, in a sequence item, with a quoted key, a chomping indicator and a comment', async () => {
    const top = await yamlLines('a.alloy: |-  # c\n  loki.write "w" {}\nb: loki.write\n');
    expect(top.map((l) => [l.alloy, l.keys])).toEqual([[[], ['a.alloy']], [['loki.write'], []], [[], ['b']], [[], []]]);
    const seq = await yamlLines('items:\n- "k.river": |\n    loki.write "w" {}\n  z: loki.write\n');
    expect(seq.map((l) => [l.alloy, l.keys])).toEqual([[[], ['items']], [[], ['k.river']], [['loki.write'], []], [[], ['z']], [[], []]]);
  });
});
