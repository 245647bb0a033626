// remote.kubernetes.secret / configmap: the object's data from the samples, secret values kept
// secret (usable where Alloy takes a secret, never printed); a missing object fails as the
// API server's "not found" fails Alloy's first poll. Also: components that cannot run offline say why;
// discovery components named with digits take targets from the samples.
import { describe, expect, it } from 'vitest';
import { readSamples, type Samples } from '../src/index.js';
import { runText, sink } from './helpers.js';

const CONFIG = `remote.kubernetes.secret "creds" {
  namespace = "monitoring"
  name      = "loki-creds"
}
remote.kubernetes.configmap "settings" {
  namespace = "monitoring"
  name      = "loki-settings"
}
loki.source.api "in" {
  http {}
  forward_to = [loki.write.w.receiver]
}
loki.write "w" {
  endpoint {
    url = remote.kubernetes.configmap.settings.data["url"]
    basic_auth {
      username = remote.kubernetes.configmap.settings.data["user"]
      password = remote.kubernetes.secret.creds.data["password"]
    }
  }
}
`;
const world = (secret: Record<string, unknown>): Samples => {
  const r = readSamples({
    kubernetes: {
      secrets: [{ name: 'loki-creds', namespace: 'monitoring', ...secret }, { name: 'loki-creds', data: { password: 'b3RoZXI=' } }],
      configmaps: [{ name: 'loki-settings', namespace: 'monitoring', data: { url: 'http://loki:3100/loki/api/v1/push', user: 'tenant-1' } }],
    },
    logs: { 'loki.source.api.in': [{ line: 'hello' }] },
  });
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.samples;
};
const status = (r: ReturnType<typeof runText>, id: string) => r.components.find((c) => c.id === id)!;

describe('remote.kubernetes.secret / configmap', () => {
  it('exports the data of the object in the named namespace (base64 data decoded); secrets stay secret', () => {
    // "czNjcmV0LXB3" is base64 for "s3cret-pw"; the default-namespace secret of the same name is not picked.
    const r = runText(CONFIG, world({ data: { password: 'czNjcmV0LXB3' } }));
    expect(status(r, 'remote.kubernetes.secret.creds').status).toBe('simulated');
    const w = sink(r, 'loki.write.w');
    expect(w.endpoints).toEqual([{ url: 'http://loki:3100/loki/api/v1/push', auth: 'basic_auth (username "tenant-1", password <secret>)' }]);
    expect(w.entries.map((e) => e.line)).toEqual(['hello']);
    expect(JSON.stringify(r)).not.toContain('s3cret-pw');
  });

  it('stringData wins over data, as the API server merges them', () => {
    const r = runText(`${CONFIG}\nlocal.file "probe" {\n  filename = nonsensitive(remote.kubernetes.secret.creds.data["password"])\n}\n`, world({ data: { password: 'czNjcmV0LXB3' }, stringData: { password: '/plain' } }));
    expect(status(r, 'local.file.probe').message).toContain('open /plain: no such file');
  });

  it('a secret the cluster does not have fails the component, and what uses it is skipped', () => {
    const r = runText(CONFIG, world({ name: 'other' }));
    expect(status(r, 'remote.kubernetes.secret.creds')).toMatchObject({ status: 'failed', message: expect.stringContaining('secrets "loki-creds" not found') });
    expect(status(r, 'loki.write.w').status).toBe('skipped');
  });

  it('data that is not base64 is refused without echoing it', () => {
    const r = runText(CONFIG, world({ data: { password: 'not base64!' } }));
    const s = status(r, 'remote.kubernetes.secret.creds');
    expect(s.message).toContain('kubernetes.secrets[0].data.password is not valid base64');
    expect(JSON.stringify(r)).not.toContain('not base64!');
  });

  it('a secret value where a plain string is required fails, as in Alloy', () => {
    const r = runText(`remote.kubernetes.secret "s" {\n  namespace = "monitoring"\n  name = "loki-creds"\n}\nlocal.file "f" {\n  filename = remote.kubernetes.secret.s.data["password"]\n}\n`, world({ stringData: { password: 'x' } }));
    expect(status(r, 'local.file.f').status).toBe('failed');
  });
});

describe('components that cannot run offline', () => {
  it('prometheus.operator.* is reported not simulated, saying it needs a cluster', () => {
    const r = runText('prometheus.operator.servicemonitors "sm" {\n  forward_to = [prometheus.remote_write.rw.receiver]\n}\nprometheus.remote_write "rw" {\n  endpoint {\n    url = "http://mimir/api/v1/push"\n  }\n}\n');
    expect(status(r, 'prometheus.operator.servicemonitors.sm')).toMatchObject({ status: 'not simulated', message: expect.stringContaining('cannot run offline: it needs a Kubernetes cluster') });
  });
});

describe('components named with digits', () => {
  it('discovery.ec2 takes its targets from the samples like every other discovery component', () => {
    const r = runText('discovery.ec2 "aws" {\n  region = "eu-west-1"\n}\n', { targets: { 'discovery.ec2.aws': [{ __address__: '10.0.0.9:9100' }] } });
    expect(status(r, 'discovery.ec2.aws').status).toBe('simulated');
    expect(r.targets.find((t) => t.component === 'discovery.ec2.aws')!.targets).toEqual([{ __address__: '10.0.0.9:9100' }]);
  });
});
