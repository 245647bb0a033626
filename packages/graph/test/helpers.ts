import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { analyze } from '@alloy-lint/analyzer';
import { buildGraph, type GraphModel } from '@alloy-lint/graph';
import { loadSchemaCatalog } from '@alloy-lint/schemas/node';

/** The committed v1.18.1 schemas. */
export const catalog = loadSchemaCatalog('v1.18.1');

export const repoFile = (rel: string) => new URL(`../../../${rel}`, import.meta.url).pathname;

/** The graph model of one configuration given as files (name → text). */
export function modelOf(files: Record<string, string | Uint8Array>): GraphModel {
  const analysis = analyze(
    Object.entries(files).map(([name, text]) => ({ name, text })),
    { catalog },
  );
  return buildGraph(analysis, catalog);
}

export const seed = (name: string) => ({ [`examples/${name}`]: readFileSync(repoFile(`examples/${name}`)) });

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether a test that needs an outside tool should run. Missing tools fail the
 * test under CI (it runs and throws); elsewhere the test is skipped with a warning.
 */
export function haveTool(what: string, present: boolean): boolean {
  if (present) return true;
  if (process.env.CI) return true;
  console.warn(`skipping: ${what} is not installed`);
  return false;
}

export const dotPresent = () => spawnSync('dot', ['-V'], { encoding: 'utf8' }).status === 0;
export const chromiumPresent = () => existsSync(CHROMIUM);

const fixture = (name: string) => ({ [name]: readFileSync(new URL(`./fixtures/${name}`, import.meta.url)) });

/** The configurations every renderer is tried on. */
export const CASES: Record<string, () => GraphModel> = {
  'k8s-logs': () => modelOf(seed('k8s-logs.alloy')),
  'otlp-traces': () => modelOf(seed('otlp-traces.alloy')),
  everything: () => modelOf(fixture('everything.alloy')),
  clusters: () => modelOf(fixture('clusters.alloy')),
};

/** Nodes drawn as nodes: all but the instance of a declare used once (drawn as its cluster). */
export function drawnNodes(m: GraphModel): GraphModel['nodes'] {
  const once = new Set(m.clusters.filter((c) => c.kind === 'declare' && c.instances.length === 1).flatMap((c) => c.instances));
  return m.nodes.filter((n) => !once.has(n.id));
}
