// scanner and parser families, and the corpus parse check against Alloy's own results.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, Scanner, SourceFile, isValidIdentifier, sanitizeIdentifier, tokenName } from '@alloy-lint/parser';
import { loadJson, sourceBytes, tally } from './util.js';

function scanAll(bytes, opts) {
  const src = new SourceFile(bytes);
  const errors = [];
  const sc = new Scanner(src.bytes, (offset, message) => errors.push({ offset, message }), opts);
  return { src, sc, errors };
}

const scanner = {
  name: 'scanner',
  run(dir) {
    const seq = loadJson(dir, 'scanner/token_sequence.json');
    const errs = loadJson(dir, 'scanner/errors.json');
    const ids = loadJson(dir, 'scanner/identifiers.json');
    if (!seq && !errs && !ids) return undefined;
    const t = tally();
    for (const rec of seq ?? []) {
      const { src, sc } = scanAll(sourceBytes(rec), {
        comments: rec.options.include_comments,
        terminators: rec.options.insert_terminators,
      });
      const got = [];
      for (;;) {
        const tok = sc.scan();
        const p = src.position(sc.pos);
        got.push({ token: tokenName(tok), literal: sc.lit, offset: sc.pos, line: p.line, col: p.column });
        if (tok === 2 /* EOF */ || got.length > 100000) break;
      }
      const want = rec.expected_tokens;
      let bad = got.length !== want.length ? `token count ${got.length} != ${want.length}` : '';
      for (let i = 0; !bad && i < want.length; i++) {
        const w = want[i];
        const g = got[i];
        if (w.token !== g.token || w.offset !== g.offset || w.line !== g.line || w.col !== g.col || (w.literal ?? '') !== g.literal) {
          bad = `token ${i}: got ${JSON.stringify(g)}, want ${JSON.stringify(w)}`;
        }
      }
      t.check(!bad, `${rec.name}: ${bad}`);
    }
    for (const rec of errs ?? []) {
      const { sc, errors } = scanAll(sourceBytes(rec), {
        comments: rec.options.include_comments,
        terminators: rec.options.insert_terminators,
      });
      const tok = tokenName(sc.scan());
      const problems = [];
      if (tok !== rec.expected_first_token) problems.push(`token ${tok} != ${rec.expected_first_token}`);
      if (rec.expected_first_token !== 'ILLEGAL') {
        const wantLit = rec.expected_literal_hex != null ? Buffer.from(rec.expected_literal_hex, 'hex').toString('utf8') : rec.expected_literal;
        if (wantLit != null && sc.lit !== wantLit) problems.push(`literal ${JSON.stringify(sc.lit)} != ${JSON.stringify(wantLit)}`);
      }
      if (errors.length !== rec.expected_error_count) problems.push(`errors ${errors.length} != ${rec.expected_error_count}`);
      const last = errors.at(-1);
      if (rec.expected_last_error) {
        if (!last || last.message !== rec.expected_last_error.message || last.offset !== rec.expected_last_error.offset) {
          problems.push(`last error ${JSON.stringify(last)} != ${JSON.stringify(rec.expected_last_error)}`);
        }
      }
      t.check(problems.length === 0, `${rec.name}: ${problems.join('; ')}`);
    }
    for (const rec of ids ?? []) {
      if (rec.function === 'is_valid_identifier') {
        const got = isValidIdentifier(rec.input);
        t.check(got === rec.expected, `identifier ${rec.name}: ${got}`);
      } else {
        let got;
        try {
          got = sanitizeIdentifier(rec.input);
        } catch (e) {
          got = { error: e.message };
        }
        const ok = rec.error ? got?.error === rec.error : got === rec.expected;
        t.check(ok, `sanitize ${rec.name}: ${JSON.stringify(got)}`);
      }
    }
    return t;
  },
};

const parser = {
  name: 'parser',
  run(dir) {
    const errors = loadJson(dir, 'parser/errors.json');
    const valid = loadJson(dir, 'parser/valid.json');
    const fuzz = loadJson(dir, 'parser/fuzz_seeds.json');
    if (!errors && !valid && !fuzz) return undefined;
    const t = tally();
    for (const rec of [...(errors ?? []), ...(valid ?? [])]) {
      const { diagnostics } = parse(sourceBytes(rec));
      const byOffset = new Map();
      let bad = '';
      for (const d of diagnostics) {
        if (byOffset.has(d.start)) bad ||= `two diagnostics at offset ${d.start}: ${d.message}`;
        byOffset.set(d.start, d);
      }
      for (const e of rec.expected) {
        const d = byOffset.get(e.offset);
        if (!d) bad ||= `missing diagnostic at ${e.line}:${e.col} (${e.message})`;
        else if (!new RegExp(e.message).test(d.message)) bad ||= `at ${e.line}:${e.col}: ${JSON.stringify(d.message)} !~ /${e.message}/`;
        byOffset.delete(e.offset);
      }
      for (const d of byOffset.values()) bad ||= `unexpected diagnostic at offset ${d.start}: ${d.message}`;
      t.check(!bad, `${rec.name}: ${bad}`);
    }
    for (const rec of fuzz ?? []) {
      let bad = '';
      try {
        parse(sourceBytes(rec));
      } catch (e) {
        bad = String(e);
      }
      t.check(!bad, `${rec.name}: ${bad}`);
    }
    return t;
  },
};

/** Alloy's own parse result for every corpus file. */
export function corpusResults(dir) {
  const p = join(dir, 'conformance', 'fmt', 'results.jsonl');
  if (!existsSync(p) || !existsSync(join(dir, 'corpus'))) return undefined;
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

const corpus = {
  name: 'corpus-parse',
  run(dir) {
    const results = corpusResults(dir);
    if (!results) return undefined;
    const t = tally();
    let agree = 0;
    let failing = 0;
    let firstSame = 0;
    let listSame = 0;
    for (const r of results) {
      const bytes = readFileSync(join(dir, 'corpus', r.path));
      const { source, diagnostics } = parse(bytes, r.path);
      const got = diagnostics.map((d) => {
        const p = source.position(d.start);
        return `${p.line}:${p.column}: ${d.message}`;
      });
      const want = r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`);
      const parses = got.length === 0;
      if (parses === r.parses) agree++;
      if (!r.parses) {
        failing++;
        if (got[0] === want[0]) firstSame++;
        if (got.join('\n') === want.join('\n')) listSame++;
      }
      const ok = parses === r.parses && got.join('\n') === want.join('\n');
      t.check(ok, `${r.path}: got [${got.slice(0, 3).join(' | ')}] want [${want.slice(0, 3).join(' | ')}]`);
    }
    t.note = `parse result agrees ${agree}/${results.length}; failing files: first diagnostic identical ${firstSame}/${failing}, full list identical ${listSame}/${failing}`;
    return t;
  },
};

export const families = [scanner, parser, corpus];
