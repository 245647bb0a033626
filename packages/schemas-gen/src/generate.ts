// Generates the schema set of one Alloy source tree: components, config blocks and an index.
import { resolve } from 'node:path';
import { SchemaBuilder, type Schema } from './alloy/convert.js';
import { CONFIG_BLOCKS, findRegistrations, type ConfigBlockDef, type Registration } from './alloy/registry.js';
import { Evaluator } from './go/eval.js';
import { Workspace } from './go/loader.js';
import { initGoParser } from './go/ts.js';
import { Types, type GoType } from './go/types.js';
import { type IndexEntry, JSON_SCHEMA_DRAFT, type SchemaIndex } from '@alloy-lint/schemas';

export interface GenerateResult {
  version: string;
  files: Map<string, Schema>;
  index: SchemaIndex;
  unresolved: Map<string, number>;
  parsedFiles: number;
}

export interface GenerateOptions {
  /** Root of an Alloy source tree (a checkout or an exported tag). */
  src: string;
  version: string;
  /** Import path of the package importing every component (default internal/component/all). */
  allPackage?: string;
  /** Top-level config blocks to generate (default: all of CONFIG_BLOCKS). */
  configBlocks?: ConfigBlockDef[];
}

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  await initGoParser();
  const src = resolve(opts.src);
  const ws = new Workspace(src);
  const rootMod = ws.modules.find((m) => m.dir === src)?.path ?? ws.importPathOf(src);
  if (!rootMod) throw new Error(`no go.mod in ${src}`);
  const types = new Types(ws);
  const ev = new Evaluator(ws);
  const b = new SchemaBuilder(types, ev);
  const files = new Map<string, Schema>();
  const entries: IndexEntry[] = [];

  for (const reg of findRegistrations(ws, types, ev, opts.allPackage ?? `${rootMod}/internal/component/all`)) {
    const file = `components/${reg.name}.json`;
    files.set(file, componentSchema(reg, opts.version, b));
    entries.push({ name: reg.name, kind: 'component', stability: reg.stability, community: reg.community, file });
  }
  const unstable = configBlockStability(ev, rootMod);
  for (const def of opts.configBlocks ?? CONFIG_BLOCKS) {
    const stability = unstable.get(def.name) ?? 'generally-available';
    const t = def.goType ? types.namedIn(`${rootMod}/${def.goType[0]}`, def.goType[1]) : null;
    if (def.goType && !t) throw new Error(`config block ${def.name}: type ${def.goType.join('.')} not found`);
    const file = `blocks/${def.name}.json`;
    const body: Schema = t ? b.body(t, undefined).schema : { type: 'object', 'x-alloy-free-form': true };
    for (const extra of def.bodyBlocks ?? []) {
      (body.properties as Schema)[extra] = {
        'x-alloy-kind': 'block', 'x-alloy-repeatable': false, 'x-alloy-labelled': false, 'x-alloy-free-form': true, type: 'object',
      };
      body.required = [...((body.required as string[]) ?? []), extra];
    }
    const defs = b.takeDefs();
    files.set(file, {
      $schema: JSON_SCHEMA_DRAFT,
      title: def.name,
      description: `Body of the ${def.name} config block in Grafana Alloy ${opts.version} (generated; do not edit).`,
      'x-alloy-kind': 'config-block',
      'x-alloy-name': def.name,
      'x-alloy-version': opts.version,
      'x-alloy-stability': stability,
      'x-alloy-labelled': def.labelled,
      'x-alloy-docs': `https://grafana.com/docs/alloy/latest/reference/config-blocks/${def.name}/`,
      ...(t ? { 'x-alloy-go-type': goTypeName(t) } : {}),
      ...body,
      ...(defs ? { $defs: defs } : {}),
    });
    entries.push({ name: def.name, kind: 'config-block', stability, community: false, file });
  }
  return { version: opts.version, files, index: { version: opts.version, entries }, unresolved: b.unresolved, parsedFiles: ws.parsedFiles };
}

/** Config blocks below GA, from the controller's `configBlocksUnstable` map. */
function configBlockStability(ev: Evaluator, rootMod: string): Map<string, string> {
  const levels = ['undefined', 'experimental', 'public-preview', 'generally-available'];
  const v = ev.pkgValue(`${rootMod}/internal/runtime/internal/controller`, 'configBlocksUnstable');
  const out = new Map<string, string>();
  const entries = v.v === 'map' ? v.entries : v.v === 'struct' ? v.entries ?? [] : [];
  for (const [k, val] of entries) if (k.v === 'str' && val.v === 'num') out.set(k.s, levels[val.n] ?? 'undefined');
  return out;
}

function goTypeName(t: GoType): string {
  return t.k === 'named' ? `${t.pkgPath}.${t.name}` : 'struct{}';
}

function componentSchema(reg: Registration, version: string, b: SchemaBuilder): Schema {
  const args = reg.args ? b.body(reg.args, undefined).schema : { type: 'object', properties: {}, additionalProperties: false };
  const exports: Schema = {};
  if (reg.exports) {
    for (const f of b.flatten(reg.exports, undefined)) {
      if (f.kind === 'attr') exports[f.alloyName] = { 'x-alloy-kind': 'attribute', ...b.valueSchema(f.type) };
    }
  }
  const defs = b.takeDefs();
  const area = reg.name.split('.')[0];
  return {
    $schema: JSON_SCHEMA_DRAFT,
    title: reg.name,
    description: `Arguments of the ${reg.name} component in Grafana Alloy ${version} (generated; do not edit).`,
    'x-alloy-kind': 'component',
    'x-alloy-name': reg.name,
    'x-alloy-version': version,
    'x-alloy-stability': reg.stability,
    'x-alloy-community': reg.community,
    'x-alloy-labelled': true,
    'x-alloy-docs': `https://grafana.com/docs/alloy/latest/reference/components/${area}/${reg.name}/`,
    ...(reg.args ? { 'x-alloy-go-type': goTypeName(reg.args) } : {}),
    ...args,
    'x-alloy-exports': exports,
    ...(defs ? { $defs: defs } : {}),
  };
}

export { CONFIG_BLOCKS, type ConfigBlockDef } from './alloy/registry.js';
