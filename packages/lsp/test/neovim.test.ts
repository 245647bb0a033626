// A second real client: Neovim (Debian 12 ships 0.7.2) headless over stdio.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from '@alloy-lint/formatter';
import { describe, expect, it } from 'vitest';
import { BIN } from './client.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const present = nvim.status === 0;
if (!present && process.env.CI) {
  it('needs Neovim (Debian package neovim; .ci/run installs it)', () => {
    throw new Error('nvim is not installed');
  });
} else if (!present) {
  console.warn('skipping the Neovim client test: nvim is not installed (apt-get install neovim)');
}

interface Report {
  steps: string[];
  failed?: string;
  diagnostic?: { message: string; lnum: number; col: number; severity: number; code?: string };
  all_diagnostics?: [number, string][];
  completion?: string[];
  formatted?: string[];
}

/** Runs the Lua script in `nvim --headless -u NONE` and returns what it wrote. */
function drive(file: string, out: string): Promise<{ report: Report; log: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ALLOY_LSP_CMD: JSON.stringify([process.execPath, BIN, '--stdio']), ALLOY_FILE: file, ALLOY_OUT: out };
    const script = fileURLToPath(new URL('./neovim.lua', import.meta.url));
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', () => {
      clearTimeout(timer);
      try {
        resolve({ report: JSON.parse(readFileSync(out, 'utf8')) as Report, log });
      } catch (e) {
        reject(new Error(`nvim wrote no report (${(e as Error).message}); its output:\n${log}`));
      }
    });
  });
}

describe.runIf(present)(`Neovim ${nvim.stdout?.split('\n')[0] ?? ''} as the client`, () => {
  it('gets diagnostics after an edit, completion in forward_to and formatting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-nvim-'));
    try {
      const file = join(dir, 'k8s-logs.alloy');
      copyFileSync(fileURLToPath(new URL('../../../examples/k8s-logs.alloy', import.meta.url)), file);
      const { report, log } = await drive(file, join(dir, 'report.json'));
      expect(report.failed, log).toBeUndefined();
      expect(report.steps).toEqual(['started', 'initialized', 'diagnostic', 'completion', 'formatted']);
      expect(report.diagnostic).toMatchObject({ message: 'component "loki.write.xloki.receiver" does not exist or is out of scope', lnum: 42, col: 18, severity: 1 });
      // The broken reference is the only diagnostic: loki.write.loki gets no knock-on no-inputs
      // (settings reaching the server are tested over stdio in server.test.ts).
      expect(report.all_diagnostics).toEqual([[1, 'component "loki.write.xloki.receiver" does not exist or is out of scope']]);
      const refs = report.completion!.filter((l) => l.includes('.'));
      expect(refs).toContain('loki.process.pod_logs.receiver');
      expect(refs.filter((l) => !l.endsWith('.receiver'))).toEqual([]);
      const text = report.formatted!.join('\n') + '\n';
      expect(text).toContain('\trole = "pod"\n');
      expect(format(text).text).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
