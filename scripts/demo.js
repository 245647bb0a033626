#!/usr/bin/env node
// `npm run demo`: the seed pipelines through alloy-lint, as a user would run it.
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@alloy-lint/cli';

const root = new URL('..', import.meta.url).pathname;
const seed = ['examples/k8s-logs.alloy', 'examples/otlp-traces.alloy'];
process.chdir(root);

async function step(title, argv) {
  console.log(`\n\u001b[1m$ alloy-lint ${argv.join(' ')}\u001b[0m   # ${title}`);
  const code = await main(argv);
  console.log(`(exit ${code})`);
}

await step('the two seed pipelines are valid', ['check', ...seed]);

// The same pipeline with a typo an SRE makes: a list split over lines without a trailing comma.
const broken = readFileSync('examples/k8s-logs.alloy', 'utf8').replace(
  'forward_to = [loki.process.pod_logs.receiver]',
  'forward_to = [\n        loki.process.pod_logs.receiver\n    ]',
);
const dir = mkdtempSync(join(tmpdir(), 'alloy-demo-'));
const brokenPath = join(dir, 'k8s-logs-broken.alloy');
writeFileSync(brokenPath, broken);
await step('a missing trailing comma, caught before Alloy starts', ['check', brokenPath]);
await step('the same, for CI tools', ['check', '--format', 'json', brokenPath]);
