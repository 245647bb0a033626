import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from '@alloy-lint/formatter';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as plugin from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(here, '..');
const repoRoot = resolve(pkgDir, '..', '..');

const MESSY = 'blk "x" {\n  a = 1\n  bbb = [1,2,\n3]\n  c = {k=1}\n}\n';
const TIDY = 'blk "x" {\n\ta   = 1\n\tbbb = [1, 2,\n\t\t3]\n\tc = {k = 1}\n}\n';

const SAMPLES = [
  MESSY,
  TIDY,
  '// comment\n\n\na=1 // trailing\nbb = "é✓"\n\nobj = {\n  x = 1, // one\n  yy = f(2,\n    3),\n}\n',
  'x = {a = 1, bbbb = 2}\ny = {aaaa = 1, b = 2}\nblk {}\nraw = `a\n  b`\n',
  'a = (1+2)*3\nb = -  1\nc = [\n]\n',
];

function run(opts: prettier.Options, text: string): Promise<string> {
  return prettier.format(text, { parser: 'alloy', plugins: [plugin], ...opts });
}

describe('prettier API', () => {
  it('formats exactly like format()', async () => {
    for (const text of SAMPLES) expect(await run({}, text)).toBe(format(text).text);
    expect(await run({}, MESSY)).toBe(TIDY);
  });

  it('picks the parser from the .alloy extension', async () => {
    const out = await prettier.format(MESSY, { filepath: 'config.alloy', plugins: [plugin] });
    expect(out).toBe(TIDY);
    const info = await prettier.getSupportInfo({ plugins: [plugin] });
    expect(info.languages.find((l) => l.name === 'Alloy')?.extensions).toEqual(['.alloy']);
  });

  it('ignores Prettier layout options: the output is what alloy fmt prints', async () => {
    expect(await run({ printWidth: 10, tabWidth: 2, useTabs: false }, MESSY)).toBe(TIDY);
  });

  it('checks formatted text', async () => {
    expect(await prettier.check(TIDY, { parser: 'alloy', plugins: [plugin] })).toBe(true);
    expect(await prettier.check(MESSY, { parser: 'alloy', plugins: [plugin] })).toBe(false);
  });

  it('turns CRLF into LF like alloy fmt', async () => {
    expect(await run({}, 'a = 1\r\nbb = 2\r\n')).toBe('a  = 1\nbb = 2\n');
  });

  it('reports a syntax error with line and column', async () => {
    const err = await run({}, 'a = 1\nb = [1\n  2]\n').then(
      () => undefined,
      (e: unknown) => e as Error & { loc?: { start: { line: number; column: number } } },
    );
    expect(err).toBeInstanceOf(SyntaxError);
    expect(err!.message).toMatch(/^missing ',' in expression list \(2:7\)/);
    expect(err!.loc).toEqual({ start: { line: 2, column: 7 } });
  });

  it('counts error columns in characters, not bytes', async () => {
    const err = await run({}, 'é = ]\n').catch((e: Error & { loc?: unknown }) => e);
    expect((err as { loc?: unknown }).loc).toEqual({ start: { line: 1, column: 5 } });
  });
});

describe('prettier CLI', () => {
  const require = createRequire(import.meta.url);
  const prettierPkg = require.resolve('prettier/package.json');
  const { bin } = JSON.parse(readFileSync(prettierPkg, 'utf8')) as { bin: string | { prettier: string } };
  const prettierBin = join(dirname(prettierPkg), typeof bin === 'string' ? bin : bin.prettier);
  const pluginPath = join(pkgDir, 'dist', 'index.js');
  let dir = '';

  beforeAll(() => {
    // The CLI loads the built plugin; make sure dist/ is current.
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', pkgDir], { stdio: 'pipe' });
    dir = mkdtempSync(join(tmpdir(), 'prettier-alloy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [prettierBin, '--no-config', '--plugin', pluginPath, ...args], { cwd: dir, encoding: 'utf8' });

  it('--check passes formatted files and fails others', () => {
    writeFileSync(join(dir, 'tidy.alloy'), TIDY);
    writeFileSync(join(dir, 'messy.alloy'), MESSY);
    const ok = cli('--check', 'tidy.alloy');
    expect(ok.status, ok.stderr).toBe(0);
    const bad = cli('--check', 'messy.alloy');
    expect(bad.status).toBe(1);
    expect(bad.stderr + bad.stdout).toContain('messy.alloy');
  });

  it('--write rewrites files to exactly what format() gives', () => {
    for (const [i, text] of SAMPLES.entries()) writeFileSync(join(dir, `w${i}.alloy`), text);
    const res = cli('--write', ...SAMPLES.map((_, i) => `w${i}.alloy`));
    expect(res.status, res.stderr).toBe(0);
    for (const [i, text] of SAMPLES.entries()) expect(readFileSync(join(dir, `w${i}.alloy`), 'utf8')).toBe(format(text).text);
    expect(cli('--check', ...SAMPLES.map((_, i) => `w${i}.alloy`)).status).toBe(0);
  });

  it('prints formatted text to stdout', () => {
    writeFileSync(join(dir, 'out.alloy'), MESSY);
    const res = cli('out.alloy');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe(TIDY);
  });

  it('reports syntax errors with file, line and column and exits with 2', () => {
    writeFileSync(join(dir, 'broken.alloy'), 'a = 1\nb = ]\n');
    const res = cli('--check', 'broken.alloy');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('broken.alloy');
    expect(res.stderr).toContain('expected expression, got ] (2:5)');
  });
});
