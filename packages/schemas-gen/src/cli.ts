#!/usr/bin/env node
// alloy-schemas-gen <alloy-source-tree> --version v1.18.1 [--out <data dir>]   schemas and rules.json
// alloy-schemas-gen rules <alloy-source-tree> --version v1.18.1 [--out <data dir>]   rules.json only
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';
import { CATALOGUE, formatReport, writeRules } from './rules/write.js';

/** packages/schemas/data of this checkout. */
const DEFAULT_OUT = fileURLToPath(new URL('../../schemas/data/', import.meta.url));

function usage(): never {
  process.stderr.write(
    'usage: alloy-schemas-gen [rules] <alloy-source-tree> --version <vX.Y.Z> [--out <dir>] [--checks <argument-checks.json>] [--verbose]\n',
  );
  process.exit(2);
}

async function schemas(src: string, version: string, out: string, verbose: boolean): Promise<void> {
  const t0 = Date.now();
  const res = await generate({ src, version });
  const dir = join(out, version);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, schema] of res.files) {
    const p = join(dir, file);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, JSON.stringify(schema, null, 2) + '\n');
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify(res.index, null, 2) + '\n');
  const comps = res.index.entries.filter((e) => e.kind === 'component').length;
  const total = [...res.unresolved.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(
    `${version}: ${comps} components, ${res.index.entries.length - comps} config blocks -> ${dir}\n` +
      `unresolved types: ${res.unresolved.size} distinct, ${total} uses; ${res.parsedFiles} Go files parsed in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`,
  );
  const sorted = [...res.unresolved].sort((a, b) => b[1] - a[1]);
  for (const [t, n] of verbose ? sorted : sorted.slice(0, 10)) process.stdout.write(`  ${n}\t${t}\n`);
}

async function main(argv: string[]): Promise<void> {
  let rulesOnly = false;
  let src: string | undefined;
  let version: string | undefined;
  let out = DEFAULT_OUT;
  let checks: string | URL = CATALOGUE;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--version') version = argv[++i];
    else if (a === '--out') out = argv[++i];
    else if (a === '--checks') checks = argv[++i];
    else if (a === '--verbose') verbose = true;
    else if (a.startsWith('-')) usage();
    else if (a === 'rules' && !src && !rulesOnly) rulesOnly = true;
    else src = a;
  }
  if (!src || !version) usage();
  src = resolve(src);
  if (!rulesOnly) await schemas(src, version, out, verbose);
  const report = writeRules({ src, version, out, catalogue: checks });
  const total = (JSON.parse(readFileSync(checks, 'utf8')) as { checks: unknown[] }).checks.length;
  process.stdout.write(formatReport(report, total));
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
