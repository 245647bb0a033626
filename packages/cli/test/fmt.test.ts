import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const UGLY = 'logging {\n  level = "info"\n      format = "logfmt"\n}\n';
const TIDY = 'logging {\n\tlevel  = "info"\n\tformat = "logfmt"\n}\n';
const BROKEN = 'a = [1,\n2\n]\n';

describe('alloy-lint fmt', () => {
  it('prints the formatted file to stdout', () => {
    const dir = tempTree({ 'a.alloy': UGLY });
    const r = run(['fmt', 'a.alloy'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(TIDY);
  });

  it('formats stdin when no path or - is given', () => {
    expect(run(['fmt'], { input: UGLY }).stdout).toBe(TIDY);
    expect(run(['fmt', '-'], { input: UGLY }).stdout).toBe(TIDY);
  });

  it('-t and --check exit 1 and list unformatted files, 0 when formatted', () => {
    const dir = tempTree({ 'ugly.alloy': UGLY, 'tidy.alloy': TIDY });
    const r = run(['fmt', '-t', 'ugly.alloy', 'tidy.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('ugly.alloy\n');
    expect(run(['fmt', '--check', 'tidy.alloy'], { cwd: dir }).code).toBe(0);
  });

  it('-w rewrites changed files and leaves formatted ones untouched', () => {
    const dir = tempTree({ 'ugly.alloy': UGLY, 'tidy.alloy': TIDY });
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir, 'tidy.alloy'), old, old);
    const r = run(['fmt', '-w', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'ugly.alloy'), 'utf8')).toBe(TIDY);
    expect(statSync(join(dir, 'tidy.alloy')).mtime.getTime()).toBe(old.getTime());
  });

  it('formats the files that parse and reports the others as file:line:col', () => {
    const dir = tempTree({ 'bad.alloy': BROKEN, 'ugly.alloy': UGLY });
    const r = run(['fmt', '-w', 'bad.alloy', 'ugly.alloy'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("bad.alloy:2:2: missing ',' in expression list\n");
    expect(readFileSync(join(dir, 'ugly.alloy'), 'utf8')).toBe(TIDY);
    expect(readFileSync(join(dir, 'bad.alloy'), 'utf8')).toBe(BROKEN);
  });

  it('rejects the flag combinations alloy fmt rejects', () => {
    const dir = tempTree({ 'a.alloy': UGLY });
    const both = run(['fmt', '-w', '-t', 'a.alloy'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot use -w/--write and -t/--test at the same time');
    const stdin = run(['fmt', '-w'], { input: UGLY });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('cannot use -w with standard input');
  });
});
