// Issue 12 item 6: secrets never echoed. The hardcoded-secret diagnostic and every excerpt,
// in every format, mask a secret; documented placeholders are not reported.
import { describe, expect, it } from 'vitest';
import { runAsync as run, tempTree } from './helpers.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'];
const SECRETS = ['hunter2-literal', 'pass-in-url', 'tok-in-query', 'key-by-name'];

const CONFIG = [
  'loki.write "w" {',
  '  endpoint {',
  '    url = "https://bob:pass-in-url@loki:3100/loki/api/v1/push?token=tok-in-query"',
  '    proxy_urll = "x"',
  '    basic_auth {',
  '      username = "bob"',
  '      password = "hunter2-literal"',
  '      usernme  = "typo"',
  '    }',
  '    headers = { "X-Api-Key" = "key-by-name" }',
  '  }',
  '}',
  '',
].join('\n');

describe('secrets are never echoed', () => {
  const dir = tempTree({ 'w.alloy': CONFIG });

  it('in every format, in the hardcoded-secret excerpt and in the excerpts of other diagnostics', async () => {
    for (const f of FORMATS) {
      const r = await run(['check', 'w.alloy', '--format', f], { cwd: dir });
      expect(r.code, f).toBe(1);
      for (const s of SECRETS) expect(r.stdout + r.stderr, `${f}: ${s}`).not.toContain(s);
    }
    const stylish = (await run(['check', 'w.alloy'], { cwd: dir })).stdout;
    // The unknown attribute's excerpt shows the password line above it, masked.
    expect(stylish).toContain('7 |       password = "***************"\n8 |       usernme  = "typo"\n  |       ^^^^^^^^^^^^^^^^^');
    expect(stylish).toContain('3 |     url = "https://bob:***********@loki:3100/loki/api/v1/push?token=************"');
  });

  it('also when the hardcoded-secret rule is off', async () => {
    const r = await run(['check', 'w.alloy', '--rule', 'hardcoded-secret=off'], { cwd: dir });
    expect(r.stdout).not.toContain('hardcoded-secret');
    for (const s of SECRETS) expect(r.stdout, s).not.toContain(s);
  });

  it('documented placeholders are not reported', async () => {
    const placeholders = ['<PASSWORD>', '${LOKI_PASSWORD}', 'changeme', 'YOUR_SECRET_KEY', '****'];
    const files = Object.fromEntries(placeholders.map((p, i) => [`p${i}.alloy`, CONFIG.replace('hunter2-literal', p).replace('      usernme  = "typo"\n', '')]));
    const d = tempTree(files);
    const r = await run(['check', '.', '--format', 'json'], { cwd: d });
    expect(JSON.parse(r.stdout).filter((x: { code: string }) => x.code === 'hardcoded-secret')).toEqual([]);
    const real = tempTree({ 'r.alloy': CONFIG.replace('      usernme  = "typo"\n', '') });
    const found = JSON.parse((await run(['check', 'r.alloy', '--format', 'json'], { cwd: real })).stdout);
    expect(found.filter((x: { code: string }) => x.code === 'hardcoded-secret')).toHaveLength(1);
  });
});
