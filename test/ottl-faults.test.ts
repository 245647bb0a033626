// Injects OTTL typos into the corpus's transform statements, wraps each in a config (as a "…"
// literal with escapes and as a `…` raw literal), and checks that `alloy-lint check` reports it with
// the right rule at the right bytes: a misspelled editor, a misspelled path segment, a missing
// closing parenthesis, one argument too many.
import { analyze } from '@alloy-lint/analyzer';
import { arity, check, FUNCTIONS, parseStatement, type ContextName, type PathExpr, walkStatement } from '@alloy-lint/ottl';
import { goQuote } from '@alloy-lint/parser';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';
import { describe, expect, it } from 'vitest';
import { corpusOttl, corpusPresent } from './support/ottl-corpus.js';

const catalog = loadSchemaCatalog('v1.18.1');

interface Fault {
  kind: string;
  text: string;
  rule: string;
  /** Range in OTTL text offsets of the faulty text. */
  start: number;
  end: number;
}

const splice = (s: string, at: number, del: number, ins: string) => s.slice(0, at) + ins + s.slice(at + del);

function faults(text: string): Fault[] {
  const ast = parseStatement(text).ast!;
  const ed = ast.editor;
  const out: Fault[] = [{ kind: 'misspelled editor', text: splice(text, ed.nameSpan.end, 0, 'x'), rule: 'ottl-unknown-function', start: ed.nameSpan.start, end: ed.nameSpan.end + 1 }];
  let path: PathExpr | undefined;
  walkStatement(ast, { value: (v) => void (path ??= v.kind === 'Path' ? v : undefined) });
  if (path) {
    const f = path.fields[0];
    out.push({ kind: 'misspelled path', text: splice(text, f.start + f.name.length, 0, 'z'), rule: 'ottl-unknown-path', start: f.start, end: f.start + f.name.length + 1 });
  }
  const close = ed.end - 1;
  const missing = splice(text, close, 1, '');
  const next = missing.slice(close).search(/\S/);
  const at = next < 0 ? missing.length : close + next;
  // Without arguments, a `where` after the missing `)` would read as an argument path.
  if (ed.args.length > 0 || !ast.where) out.push({ kind: 'missing paren', text: missing, rule: 'ottl-syntax', start: at, end: next < 0 ? at : at + (/^\w+/.exec(missing.slice(at))?.[0].length ?? 1) });
  const fn = FUNCTIONS.get(ed.name)!;
  const extra = arity(fn).max - ed.args.length + 1;
  const added = Array.from({ length: extra }, (_, i) => (i === 0 && ed.args.length === 0 ? '1' : ', 1')).join('');
  out.push({ kind: 'one argument too many', text: splice(text, close, 0, added), rule: 'ottl-arity', start: close + added.length - 1, end: close + added.length });
  return out;
}

/** Alloy source around the statement, and the byte offset of OTTL offset `i` in it (ASCII statements). */
function wrap(text: string, raw: boolean, context: ContextName): { src: string; at: (i: number) => number } {
  const block = context === 'log' ? 'log' : context === 'metric' || context === 'datapoint' ? 'metric' : 'trace';
  const head = `otelcol.processor.transform "t" {\n  ${block}_statements {\n    context = "${context}"\n    statements = [`;
  const lit = raw ? '`' + text + '`' : goQuote(text);
  const src = `${head}${lit}]\n  }\n  output {\n    traces = []\n  }\n}\n`;
  const base = head.length + 1;
  return { src, at: (i) => (raw ? base + i : base + goQuote(text.slice(0, i)).length - 2) };
}

describe.runIf(corpusPresent)('OTTL typos injected into corpus statements', () => {
  const seen = new Set<string>();
  const cases: { text: string; context: ContextName }[] = [];
  for (const o of corpusOttl()) {
    const t = o.site.target;
    if (o.site.kind !== 'statement' || !('context' in t) || seen.has(o.text) || /[^\x20-\x7e]/.test(o.text)) continue;
    const parsed = parseStatement(o.text);
    if (!parsed.ast || check('statement', o.text, t, { host: 'transform' }).problems.length) continue;
    seen.add(o.text);
    cases.push({ text: o.text, context: t.context });
  }

  it('has statements to mutate', () => expect(cases.length).toBeGreaterThan(20));

  for (const raw of [false, true]) {
    it(`reports each fault at its bytes (${raw ? 'raw' : 'quoted'} literals)`, () => {
      let n = 0;
      for (const c of cases) {
        for (const f of faults(c.text)) {
          if (raw && f.text.includes('`')) continue;
          const w = wrap(f.text, raw, c.context);
          const d = analyze([{ name: 'f.alloy', text: w.src }], { catalog }).diagnostics.filter((x) => x.code.startsWith('ottl-'));
          const want = { code: f.rule, start: w.at(f.start), end: Math.max(w.at(f.end), w.at(f.start) + 1) };
          expect(d.map((x) => ({ code: x.code, start: x.start, end: x.end })), `${f.kind}: ${f.text}`).toContainEqual(want);
          n++;
        }
      }
      expect(n).toBeGreaterThan(80);
    });
  }
});
