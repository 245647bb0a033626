// Deterministic generator of large, valid Alloy configs for benchmarks (our own text, no corpus files).

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function componentBlock(r, i) {
  const name = `svc_${i}`;
  switch (i % 6) {
    case 0:
      return [
        `discovery.kubernetes "${name}" {`,
        `  role = "pod"`,
        `  namespaces {`,
        `    names = ["ns-${i}", "default"]`,
        `  }`,
        `  selectors {`,
        `    role  = "pod"`,
        `    label = "app=${name},tier in (web, api)"`,
        `  }`,
        `}`,
      ];
    case 1:
      return [
        `discovery.relabel "${name}" {`,
        `  targets = discovery.kubernetes.svc_${i - 1}.targets`,
        ``,
        `  rule {`,
        `    source_labels = ["__meta_kubernetes_namespace", "__meta_kubernetes_pod_name"]`,
        `    separator     = "/"`,
        `    regex         = "(.+)/(.+)"`,
        `    target_label  = "job"`,
        `    replacement   = "$1/$2"`,
        `  }`,
        `  rule {`,
        `    action = "labeldrop"`,
        `    regex  = "__meta_kubernetes_pod_label_${pick(r, ['a', 'b', 'c'])}.*"`,
        `  }`,
        `}`,
      ];
    case 2:
      return [
        `loki.source.kubernetes "${name}" {`,
        `  targets    = discovery.relabel.svc_${i - 1}.output`,
        `  forward_to = [loki.process.svc_${i + 1}.receiver]`,
        `}`,
      ];
    case 3:
      return [
        `loki.process "${name}" {`,
        `  forward_to = [loki.write.svc_${i + 2}.receiver]`,
        ``,
        `  stage.regex {`,
        "    expression = `^(?P<ts>\\S+) (?P<level>\\w+) (?P<msg>.*)$`",
        `  }`,
        `  stage.labels {`,
        `    values = { level = "", service = "${name}" }`,
        `  }`,
        `  stage.match {`,
        `    selector = "{level=\\"debug\\"}"`,
        `    action   = "drop"`,
        `  }`,
        `}`,
      ];
    case 4:
      return [
        `prometheus.scrape "${name}" {`,
        `  targets         = discovery.relabel.svc_${i - 3}.output`,
        `  forward_to      = [prometheus.remote_write.default.receiver]`,
        `  scrape_interval = "${pick(r, ['15s', '30s', '1m'])}"`,
        `  job_name        = "${name}" + "-" + string.to_lower(sys.env("CLUSTER"))`,
        `  params          = { "format" = ["prometheus"], "x" = [string.format("%d", ${i})] }`,
        `  honor_labels    = ${pick(r, ['true', 'false'])} && !(${i} % 2 == 0 || ${i} > 100 * 2 ^ 3)`,
        `}`,
      ];
    default:
      return [
        `// Writer for ${name}.`,
        `loki.write "${name}" {`,
        `  endpoint {`,
        `    url       = "http://loki-${i}.example.svc:3100/loki/api/v1/push"`,
        `    tenant_id = coalesce(sys.env("TENANT"), "t-${i}")`,
        `    basic_auth {`,
        `      username = "user"`,
        `      password = sys.env("LOKI_PASSWORD")`,
        `    }`,
        `  }`,
        `  external_labels = {`,
        `    cluster = "c-${i}",`,
        `    region  = "${pick(r, ['eu-west-1', 'us-east-1', 'ap-south-1'])}",`,
        `  }`,
        `}`,
      ];
  }
}

/** Returns an Alloy config of about `lines` lines. */
export function generateConfig(lines = 10000, seed = 42) {
  const r = rng(seed);
  const out = [
    '// Generated benchmark config.',
    'logging {',
    '  level  = "info"',
    '  format = "logfmt"',
    '}',
    '',
    'prometheus.remote_write "default" {',
    '  endpoint {',
    '    url = "http://mimir:8080/api/v1/push"',
    '  }',
    '}',
    '',
  ];
  for (let i = 0; out.length < lines || i % 6 !== 0; i++) {
    out.push(...componentBlock(r, i), '');
  }
  return out.join('\n') + '\n';
}

/** A JSON text of about `bytes` bytes with a config-like shape, for JSON.parse baselines. */
export function generateJson(bytes, seed = 7) {
  const r = rng(seed);
  const items = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const item = JSON.stringify({
      name: `svc_${i}`,
      role: pick(r, ['pod', 'node', 'service']),
      labels: { app: `app-${i}`, tier: pick(r, ['web', 'api']) },
      ports: [80, 443, i],
      enabled: r() > 0.5,
      ratio: r(),
    });
    items.push(item);
    size += item.length + 1;
  }
  return '[' + items.join(',') + ']';
}
