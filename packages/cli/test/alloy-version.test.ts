// `--alloy-version` selects a release's schemas and argument checks: the same file gets each
// release's own messages (read from that release's source into data/<version>/rules.json).
import { describe, expect, it } from 'vitest';
import { run, tempTree } from './helpers.js';

const REMOTE_WRITE = `prometheus.remote_write "default" {
  endpoint {
    url = "https://prometheus.example/api/v1/write"

    sigv4 {
      region = "us-east-1"
    }

    azuread {
      cloud = "AzurePublic"

      managed_identity {
        client_id = "00000000-0000-0000-0000-000000000000"
      }

      oauth {
        client_id     = "00000000-0000-0000-0000-000000000000"
        client_secret = "s"
        tenant_id     = "00000000-0000-0000-0000-000000000000"
      }
    }
  }
}
`;

function argumentChecks(args: string[]): { line: number; column: number; message: string }[] {
  const dir = tempTree({ 'rw.alloy': REMOTE_WRITE });
  const r = run(['check', '--format', 'json', ...args, 'rw.alloy'], { cwd: dir });
  expect(r.code, r.stderr).toBe(1);
  const diags = JSON.parse(r.stdout) as { code: string; line: number; column: number; message: string }[];
  return diags
    .filter((d) => d.code === 'argument-check')
    .map(({ line, column, message }) => ({ line, column, message }))
    .sort((a, b) => a.line - b.line);
}

describe('alloy-lint check --alloy-version', () => {
  it("v1.18.1 (the default) reports v1.18.1's messages", () => {
    const want = [
      { line: 9, column: 5, message: 'at most one of sigv4, azuread, google_iam, basic_auth, oauth2, bearer_token & bearer_token_file must be configured' },
      { line: 16, column: 7, message: 'cannot provide multiple authentication methods in the Azure AD config' },
    ];
    expect(argumentChecks([])).toEqual(want);
    expect(argumentChecks(['--alloy-version', 'v1.18.1'])).toEqual(want);
  });

  it("v1.17.1 reports v1.17.1's: no google_iam, one message per pair of Azure AD methods", () => {
    const want = [
      { line: 9, column: 5, message: 'at most one of sigv4, azuread, basic_auth, oauth2, bearer_token & bearer_token_file must be configured' },
      { line: 16, column: 7, message: 'cannot provide both Azure Managed Identity and Azure OAuth in the Azure AD config' },
    ];
    expect(argumentChecks(['--alloy-version', 'v1.17.1'])).toEqual(want);
    expect(argumentChecks(['--alloy-version', '1.17.1'])).toEqual(want);
  });

  it('names the releases it has when asked for another', () => {
    const dir = tempTree({ 'rw.alloy': REMOTE_WRITE });
    const r = run(['check', '--alloy-version', 'v1.2.3', 'rw.alloy'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no schemas for Alloy v1.2.3 (available: v1.17.1, v1.18.1, v1.19.0-rc.3)');
  });
});
