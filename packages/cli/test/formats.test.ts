import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

const FILES = {
  'bad.alloy': 'loki.write "x" {\n  endpoint {\n    urll = "http://loki"\n  }\n}\n',
  'syntax.alloy': 'a = [1,\n2\n]\n',
  'good.alloy': 'logging {\n  level = "info"\n}\n',
};

describe('output formats', () => {
  it('sarif validates against the SARIF 2.1.0 schema', () => {
    const dir = tempTree(FILES);
    const r = run(['check', '--format', 'sarif', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ajv = new Ajv4({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(SARIF_SCHEMA);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results;
    expect(results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['missing-required', 'no-inputs', 'syntax', 'unknown-attribute']);
    const unknown = results.find((x: { ruleId: string }) => x.ruleId === 'unknown-attribute');
    expect(unknown.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'bad.alloy' }, region: { startLine: 3, startColumn: 5 } });
  });

  it('sarif columns count UTF-16 code units, as its columnKind says (json keeps Alloy\'s byte columns)', () => {
    // "é" is 2 bytes / 1 unit, "😀" 4 bytes / 2 units: `urll` starts at byte column 25, unit column 19.
    const dir = tempTree({ 'u.alloy': 'loki.write "x" {\n  endpoint {\n    /* é😀 é😀 */ urll = "http://loki"\n  }\n}\n' });
    const log = JSON.parse(run(['check', '--format', 'sarif', 'u.alloy'], { cwd: dir }).stdout);
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    const region = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'unknown-attribute').locations[0].physicalLocation.region;
    expect(region).toEqual({ startLine: 3, startColumn: 19, endLine: 3, endColumn: 39 });
    const json = JSON.parse(run(['check', '--format', 'json', 'u.alloy'], { cwd: dir }).stdout).find((x: { code: string }) => x.code === 'unknown-attribute');
    expect(json).toMatchObject({ line: 3, column: 25, endColumn: 45 });
  });

  it('github prints workflow annotations', () => {
    const dir = tempTree(FILES);
    const r = run(['check', '--format', 'github', 'bad.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      '::error file=bad.alloy,line=3,col=5,endLine=3,endColumn=25,title=unknown-attribute::unrecognized attribute name "urll" (did you mean "url"?)',
    );
  });

  it('json carries hints and fixes as line/column edits', () => {
    const dir = tempTree(FILES);
    const r = run(['check', '--format', 'json', 'bad.alloy'], { cwd: dir });
    const d = JSON.parse(r.stdout).find((x: { code: string }) => x.code === 'unknown-attribute');
    expect(d.hint).toBe('did you mean "url"?');
    expect(d.fix.edits).toEqual([{ line: 3, column: 5, endLine: 3, endColumn: 9, text: 'url' }]);
  });

  it('--max-warnings turns warnings into a failing exit code', () => {
    const dir = tempTree({ 'w.alloy': 'logging {\n  level = to_lower("INFO")\n}\n' });
    expect(run(['check', 'w.alloy'], { cwd: dir }).code).toBe(0);
    expect(run(['check', '--max-warnings', '0', 'w.alloy'], { cwd: dir }).code).toBe(1);
  });
});
