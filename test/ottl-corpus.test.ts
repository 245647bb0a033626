// Every OTTL statement, condition and value expression in ../shared/corpus (transform, filter,
// tail_sampling, count, signaltometrics; the docs' fenced fragments as bodies of the component
// they document) parses and checks clean, except the few listed below with the reason.
import { check } from '@alloy-lint/ottl';
import { describe, expect, it } from 'vitest';
import { corpusOttl, corpusPresent, corpusRoot } from './support/ottl-corpus.js';

if (!corpusPresent) console.warn(`no corpus at ${corpusRoot}: the OTTL corpus test does not run`);

/** Problems the corpus really has, each justified. Key: file and OTTL text. */
const agentTransform = 'grafana__agent/internal/converter/internal/otelcolconvert/testdata/transform.river';
const removedDatapointFn = 'old agent test data: the datapoint-context convert_* functions are gone from the transform processor (they run in the metric context)';
const EXPECTED: Record<string, { rule: string; why: string }[]> = {
  [`${agentTransform} \`convert_sum_to_gauge() where metric.name == "system.processes.count"\``]: [{ rule: 'ottl-unknown-function', why: removedDatapointFn }],
  [`${agentTransform} \`convert_gauge_to_sum("cumulative", false) where metric.name == "prometheus_metric"\``]: [{ rule: 'ottl-unknown-function', why: removedDatapointFn }],
  'grafana__alloy/docs/sources/reference/components/otelcol/otelcol.connector.signaltometrics.fence-01.alloy `<OTTL_VALUE_EXPRESSION>`': [
    { rule: 'ottl-syntax', why: 'a placeholder in the docs\' argument overview, not OTTL' },
  ],
  'grafana__alloy/docs/sources/reference/components/otelcol/otelcol.processor.transform.fence-03.alloy `resource.attributes["test"], "passed"`': [
    // The docs show a statement without its editor (set) to illustrate a mistake; recovery reports three errors.
    { rule: 'ottl-syntax', why: 'no editor: a path where `name(` is expected' },
    { rule: 'ottl-syntax', why: 'recovery: the keys after the path' },
    { rule: 'ottl-syntax', why: 'recovery: no closing parenthesis' },
  ],
  'grafana__alloy/docs/sources/reference/components/otelcol/otelcol.processor.transform.fence-04.alloy `set(description, "test passed") where datapoints.attributes["test"] == "pass"`': [
    { rule: 'ottl-unknown-path', why: 'the docs show that a metric-context statement cannot read data points (`datapoints` is not a path)' },
  ],
};

describe.runIf(corpusPresent)('OTTL in the corpus', () => {
  const found: { key: string; rule: string; message: string }[] = [];
  let texts = 0;
  const kinds = new Map<string, number>();
  for (const { file, component, site, text } of corpusOttl()) {
    texts++;
    kinds.set(`${component} ${site.kind}`, (kinds.get(`${component} ${site.kind}`) ?? 0) + 1);
    for (const p of check(site.kind, text, site.target, { host: site.host }).problems) found.push({ key: `${file} \`${text}\``, rule: p.rule, message: p.message });
  }

  it('reads the OTTL of every kind of carrier', () => {
    console.log(`OTTL texts checked: ${texts}`, Object.fromEntries(kinds));
    expect(texts).toBeGreaterThan(2000);
    for (const k of ['otelcol.processor.transform statement', 'otelcol.processor.filter condition', 'otelcol.processor.tail_sampling condition', 'otelcol.connector.count condition']) {
      expect(kinds.get(k), k).toBeGreaterThan(0);
    }
  });

  it('every text parses and checks, except the justified ones', () => {
    const got: Record<string, string[]> = {};
    for (const f of found) (got[f.key] ??= []).push(f.rule);
    const want = Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, v.map((x) => x.rule)]));
    expect(got, JSON.stringify(found, null, 1)).toEqual(want);
  });
});
