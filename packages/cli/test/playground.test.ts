// `alloy-lint playground`: the share link it prints opens the file's state, and the static
// server it starts serves the built site and nothing outside it.
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeState } from '@alloy-lint/playground/share';
import { describe, expect, it } from 'vitest';
import { fileFor } from '../src/static-server.js';
import { BIN, run, tempTree } from './helpers.js';

const CONFIG = 'loki.echo "out" { }\n';

describe('alloy-lint playground --print-link', () => {
  it('prints a link whose fragment holds the file, its samples and test beside it, and the settings', () => {
    const dir = tempTree({ 'a.alloy': CONFIG, 'a.samples.yaml': 'env: { A: "1" }\n', 'a.test.yaml': 'config: { path: a.alloy }\n' });
    const r = run(['playground', '--print-link', 'a.alloy', '--stability.level', 'experimental', '--alloy-version', 'v1.17.1'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\/#v1\.[A-Za-z0-9_-]+\n$/);
    expect(decodeState(r.stdout.trim().slice(1))).toEqual({
      config: CONFIG,
      samples: 'env: { A: "1" }\n',
      test: 'config: { path: a.alloy }\n',
      settings: { alloyVersion: 'v1.17.1', stabilityLevel: 'experimental', communityComponents: false, rules: {} },
    });
  });

  it('puts the link under --base, with samples from --inputs', () => {
    const dir = tempTree({ 'a.alloy': CONFIG, 's.yaml': 'files: {}\n' });
    const r = run(['playground', '--print-link', 'a.alloy', '-i', 's.yaml', '--base', 'https://example.org/alloy-lint/'], { cwd: dir });
    expect(r.code).toBe(0);
    const url = new URL(r.stdout.trim());
    expect(url.origin + url.pathname).toBe('https://example.org/alloy-lint/');
    expect(decodeState(url.hash)).toMatchObject({ config: CONFIG, samples: 'files: {}\n', test: '' });
  });

  it('rejects a missing file, a bad stability level and a missing --inputs file', () => {
    const dir = tempTree({ 'a.alloy': CONFIG });
    expect(run(['playground', '--print-link', 'nope.alloy'], { cwd: dir }).code).toBe(2);
    const bad = run(['playground', '--print-link', 'a.alloy', '--stability.level', 'beta'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'alloy-lint: invalid stability level "beta"\n']);
    expect(run(['playground', '--print-link', 'a.alloy', '-i', 'none.yaml'], { cwd: dir }).stderr).toContain('none.yaml: no such file or directory');
  });

  it('says how to get a site when there is none to serve', () => {
    const dir = tempTree({ 'a.alloy': CONFIG });
    const r = run(['playground', '--no-open', '--site', 'empty', 'a.alloy'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no built playground in empty');
  });
});

describe('the static server', () => {
  const root = tempTree({ 'site/index.html': '<!doctype html>', 'site/assets/a.js': 'x', 'secret.txt': 's' });
  const site = join(root, 'site');
  mkdirSync(join(site, 'sub'));
  symlinkSync(join(root, 'secret.txt'), join(site, 'link.txt'));

  it('maps paths inside the folder only', () => {
    expect(fileFor(site, '/')).toBe(join(site, 'index.html'));
    expect(fileFor(site, '/assets/a.js?v=1#x')).toBe(join(site, 'assets/a.js'));
    for (const bad of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/link.txt', '/sub', '/sub/', '/%00', '/%E0%A4%A', 'assets/a.js', '/a\\..\\secret.txt']) {
      expect(fileFor(site, bad), bad).toBeUndefined();
    }
  });

  it('serves the site on 127.0.0.1 with content types; other methods and paths are refused', async () => {
    writeFileSync(join(root, 'a.alloy'), CONFIG);
    const proc = spawn(process.execPath, [BIN, 'playground', '--no-open', '--site', site, 'a.alloy'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        proc.stdout!.on('data', (d) => {
          text += d;
          if (text.includes('Ctrl+C')) resolve(text);
        });
        proc.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const [, base, link] = /at (http:\/\/127\.0\.0\.1:\d+\/)\n(.*)\n/.exec(out)!;
      expect(decodeState(new URL(link).hash)).toMatchObject({ config: CONFIG });
      const page = await fetch(base);
      expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html>']);
      expect((await fetch(`${base}assets/a.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await fetch(`${base}link.txt`)).status).toBe(404);
      expect((await fetch(base, { method: 'POST', body: 'x' })).status).toBe(405);
    } finally {
      proc.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => (proc.exitCode !== null ? resolve(proc.exitCode) : proc.on('exit', resolve)));
    expect(code).toBe(0);
  });
});
