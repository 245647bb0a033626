// Finds components registered through component.Register in the packages that
// internal/component/all imports, and the Go types of the top-level config blocks.
import type { Evaluator } from '../go/eval.js';
import type { GoFile, GoPackage, Workspace } from '../go/loader.js';
import { field, named, type Node } from '../go/ts.js';
import type { GoType, Types } from '../go/types.js';

export type Stability = 'generally-available' | 'public-preview' | 'experimental' | 'undefined';

export interface Registration {
  name: string;
  stability: Stability;
  community: boolean;
  args: GoType | null;
  exports: GoType | null;
  pkg: string;
  file: string;
}

const STABILITY: Record<string, Stability> = {
  StabilityGenerallyAvailable: 'generally-available',
  StabilityPublicPreview: 'public-preview',
  StabilityExperimental: 'experimental',
  StabilityUndefined: 'undefined',
};

export function findRegistrations(ws: Workspace, types: Types, ev: Evaluator, allPkgPath: string): Registration[] {
  const all = ws.load(allPkgPath);
  if (!all) throw new Error(`package ${allPkgPath} not found in ${ws.root}`);
  const out: Registration[] = [];
  const seen = new Set<string>();
  const visit = (pkg: GoPackage, depth: number) => {
    const found = registrationsIn(pkg, types, ev);
    for (const f of found) out.push(f);
    if (found.length || depth > 3) return;
    for (const f of pkg.files) {
      for (const imp of f.imports) {
        if (imp.alias !== '_' || seen.has(imp.path)) continue;
        seen.add(imp.path);
        const p = ws.load(imp.path);
        if (p) visit(p, depth + 1);
      }
    }
  };
  visit(all, 0);
  const byName = new Map<string, Registration>();
  for (const r of out) if (!byName.has(r.name)) byName.set(r.name, r);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function registrationsIn(pkg: GoPackage, types: Types, ev: Evaluator): Registration[] {
  const out: Registration[] = [];
  for (const file of pkg.files) {
    for (const call of file.root.descendantsOfType('call_expression')) {
      if (!call) continue;
      const fn = field(call, 'function');
      if (!fn || !/(^|\.)Register$/.test(fn.text)) continue;
      const lit = named(field(call, 'arguments'))[0];
      if (lit?.type !== 'composite_literal' || !/Registration$/.test(field(lit, 'type')?.text ?? '')) continue;
      const r = readRegistration(lit, file, types, ev);
      if (r) out.push(r);
    }
  }
  return out;
}

/** Keyed elements of a composite literal as name -> value node. */
export function keyedElements(lit: Node): Map<string, Node> {
  const m = new Map<string, Node>();
  for (const e of named(field(lit, 'body'))) {
    if (e.type !== 'keyed_element') continue;
    const [k, v] = named(e).map((c) => named(c)[0] ?? c);
    if (k && v) m.set(k.text, v);
  }
  return m;
}

/** The type of `T{}` / `&T{}` / `pkg.T{}`; null for `nil`. */
export function literalType(v: Node | undefined, file: GoFile, types: Types): GoType | null {
  if (!v || v.type === 'nil') return null;
  if (v.type === 'unary_expression') return literalType(field(v, 'operand') ?? undefined, file, types);
  if (v.type !== 'composite_literal') return null;
  const t = field(v, 'type');
  return t ? types.resolve(t, file) : null;
}

function readRegistration(lit: Node, file: GoFile, types: Types, ev: Evaluator): Registration | null {
  const els = keyedElements(lit);
  const nameNode = els.get('Name');
  const nameVal = nameNode ? ev.eval(nameNode, file) : null;
  if (!nameVal || nameVal.v !== 'str') return null;
  const stab = els.get('Stability')?.text.split('.').pop() ?? 'StabilityUndefined';
  return {
    name: nameVal.s,
    stability: STABILITY[stab] ?? 'undefined',
    community: els.get('Community')?.text === 'true',
    args: literalType(els.get('Args'), file, types),
    exports: literalType(els.get('Exports'), file, types),
    pkg: file.pkg.path,
    file: file.path,
  };
}

export interface ConfigBlockDef {
  name: string;
  /** Package path relative to the module root, and the Go type name; null for free-form bodies. */
  goType: [string, string] | null;
  labelled: boolean;
  /** Extra free-form blocks (e.g. foreach's template). */
  bodyBlocks?: string[];
  /** Body accepts arbitrary statements (declare). */
  freeForm?: boolean;
}

export const CONFIG_BLOCKS: ConfigBlockDef[] = [
  { name: 'logging', goType: ['internal/runtime/logging', 'Options'], labelled: false },
  { name: 'tracing', goType: ['internal/runtime/tracing', 'Options'], labelled: false },
  { name: 'http', goType: ['internal/service/http', 'Arguments'], labelled: false },
  { name: 'remotecfg', goType: ['internal/service/remotecfg', 'Arguments'], labelled: false },
  { name: 'livedebugging', goType: ['internal/service/livedebugging', 'Arguments'], labelled: false },
  { name: 'argument', goType: ['internal/nodeconf/argument', 'Arguments'], labelled: true },
  { name: 'export', goType: ['internal/nodeconf/export', 'Arguments'], labelled: true },
  { name: 'declare', goType: null, labelled: true, freeForm: true },
  { name: 'import.file', goType: ['internal/nodeconf/importsource', 'FileArguments'], labelled: true },
  { name: 'import.string', goType: ['internal/nodeconf/importsource', 'StringArguments'], labelled: true },
  { name: 'import.http', goType: ['internal/nodeconf/importsource', 'HTTPArguments'], labelled: true },
  { name: 'import.git', goType: ['internal/nodeconf/importsource', 'GitArguments'], labelled: true },
  { name: 'foreach', goType: ['internal/nodeconf/foreach', 'Arguments'], labelled: true, bodyBlocks: ['template'] },
];
