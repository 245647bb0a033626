// prometheus.enrich: expectations worked out by hand from Alloy's reference (match on
// paired labels, last target wins, labels_to_copy, every target label when it is empty).
import { describe, expect, it } from 'vitest';
import { expectClean, runText, sink } from './helpers.js';

const cfg = (enrich: string) => `prometheus.scrape "s" {
  targets    = [{"__address__" = "10.0.0.1:8080"}]
  forward_to = [prometheus.enrich.e.receiver]
}
prometheus.enrich "e" {
  targets = [
    {"service" = "checkout", "team" = "payments", "__address__" = "pay:80"},
    {"service" = "cart", "team" = ""},
    {"service" = "checkout", "team" = "payments-v2"},
  ]
${enrich}  forward_to = [prometheus.remote_write.rw.receiver]
}
prometheus.remote_write "rw" {
  endpoint {
    url = "http://mimir/api/v1/push"
  }
}
`;
const TEXT = 'app_requests_total{service="checkout"} 3\napp_requests_total{service="cart",team="web"} 1\napp_requests_total{svc="cart"} 2\n';
const run = (enrich: string) => expectClean(runText(cfg(enrich), { scrape: { '10.0.0.1:8080': TEXT } }, { trace: true, experimental: true }));
const app = (r: ReturnType<typeof run>) =>
  sink(r, 'prometheus.remote_write.rw')
    .samples!.filter((s) => s.name === 'app_requests_total')
    .map((s) => {
      const { job, instance, ...rest } = s.attributes as Record<string, string>;
      void job;
      void instance;
      return rest;
    });

describe('prometheus.enrich', () => {
  it('target_match_label with labels_to_copy: the last matching target wins; an empty value removes the label', () => {
    const r = run('  target_match_label = "service"\n  labels_to_copy = ["team"]\n');
    expect(app(r)).toEqual([{ service: 'checkout', team: 'payments-v2' }, { service: 'cart' }, { svc: 'cart' }]);
    const j = r.itemJourneys.find((x) => x.input.attributes.svc === 'cart')!;
    expect(j.steps.find((s) => s.component === 'prometheus.enrich.e')!.note).toBe('not enriched: no value for service');
  });

  it('target_to_metric_match pairs a target label with another sample label; every target label is copied', () => {
    const r = run('  target_to_metric_match = {"service" = "svc"}\n');
    expect(app(r)).toEqual([{ service: 'checkout' }, { service: 'cart', team: 'web' }, { svc: 'cart', service: 'cart' }]);
  });

  it('refuses a configuration without a match', () => {
    const r = runText(cfg('  labels_to_copy = ["team"]\n'), {}, { experimental: true });
    expect(r.components.find((c) => c.id === 'prometheus.enrich.e')!.message).toContain('at least one match mechanism must be specified');
  });
});
