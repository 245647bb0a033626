import { quote } from '@alloy-lint/gostd';
import type { Block, SourceFile, Stmt } from '@alloy-lint/parser';
import { stringValue } from './literal.js';
import { loadModule, type ModuleDeclares, type ModuleLoader } from './modules.js';
import { Dag } from './dag.js';
import { diag, type FileDiagnostic, pushAll } from './diagnostic.js';
import { Registry } from './registry.js';
import { ANY_BODY, type BodySpec, type ComponentCatalog, type Stability } from './schema.js';
import { stabilityError } from './stability.js';
import { DEPRECATED_STDLIB, EXPERIMENTAL_STDLIB, STDLIB } from './stdlib-names.js';
import { forEachTraversal, traversalText } from './traversal.js';
import { closest } from './suggest.js';
import { nameOf, typecheckBlock, type TypecheckOptions } from './typecheck.js';
import type { ConfigGraph, GraphNode } from './graph-types.js';
import { ANY, replacementOf, structOf, typeOf, type StaticType, type TypeEnv } from '@alloy-lint/values';
import { catalogExample, fits } from './type-facts.js';
import type { RuleRunner } from './rules/runner.js';
import { ExprChecker, type Example } from './expr-check.js';
import { componentExports, scopeEnv } from './scope-types.js';

/** A block together with the file it came from. */
export interface Located {
  file: string;
  block: Block;
}

export interface ValidateOptions {
  catalog: ComponentCatalog;
  minStability: Stability;
  community: boolean;
  /** Service blocks by name; `configurable` false for services without arguments. */
  services: Map<string, { configurable: boolean }>;
  /** Only what `alloy validate` reports, none of our extra checks. */
  parity?: boolean;
  /** Supplies the modules of import blocks; without it imports are not followed. */
  loader?: ModuleLoader;
  /** Files being imported above this configuration, to find cycles. */
  importStack?: string[];
  /** The rules that visit components, blocks and attributes (not in parity mode). */
  rules?: RuleRunner;
  /** Checks an imported module's files; returns what they declare. */
  checkModule?: (files: { name: string; text: string | Uint8Array }[], stack: string[]) => {
    diagnostics: FileDiagnostic[];
    sources: Map<string, SourceFile>;
    declares: ModuleDeclares;
  };
}

const CONFIG_BLOCKS = new Set([
  'foreach', 'argument', 'export', 'logging', 'tracing', 'import.file', 'import.string', 'import.http', 'import.git',
]);
/** Stability of the foreach block in v1.18.1. */
const FOREACH_STABILITY: Stability = 'experimental';
const IMPORT_BLOCKS = new Set(['import.file', 'import.string', 'import.http', 'import.git']);

type VNode =
  | { kind: 'plain'; id: string; at: Located; diags: FileDiagnostic[]; args?: BodySpec; body: Stmt[] }
  | { kind: 'component'; id: string; at: Located; diags: FileDiagnostic[]; body: Stmt[] }
  | { kind: 'module' | 'foreach'; id: string; at: Located; diags: FileDiagnostic[]; args?: BodySpec; body: Stmt[]; state: State };

interface State {
  root: boolean;
  foreach: boolean;
  /** Variables in scope; shared with enclosing scopes, as Alloy shares the map. */
  scope: Set<string>;
  graph: Dag<VNode>;
  declares: Located[];
  configs: Located[];
  components: Located[];
  services: Located[];
  registry: Registry;
  arguments: Block[];
  /** The scope a foreach template is in. */
  parent?: State;
  /** Types of the names in scope (built on first use). */
  env?: TypeEnv;
  /** The exports of an instance, for a declare's scope: computed on first use (null while computing). */
  exportTypes?: StaticType | null;
}

export const blockName = nameOf;
export const blockId = (b: Block) => (b.label ? `${nameOf(b)}.${b.label}` : nameOf(b));

export type { ConfigGraph, GraphEdge, GraphNode } from './graph-types.js';

/** Alloy's `alloy validate` over the top-level blocks of one configuration. */
export class Validator {
  /** Every node and reference edge seen, nested scopes included. */
  readonly graph: ConfigGraph = { nodes: [], edges: [] };
  /** Top-level declares of the configuration, with the arguments they take. */
  readonly declares: ModuleDeclares = new Map();
  /** Source files of imported modules. */
  readonly importedSources = new Map<string, SourceFile>();
  private top?: State;

  constructor(
    private readonly opts: ValidateOptions,
    private readonly position: (file: string, offset: number) => string,
  ) {}

  run(declares: Located[], configs: Located[], components: Located[], root = true): FileDiagnostic[] {
    const comps: Located[] = [];
    const services: Located[] = [];
    for (const c of components) (this.opts.services.has(blockId(c.block)) ? services : comps).push(c);
    const state: State = {
      root,
      foreach: false,
      scope: new Set(['module_path']),
      graph: new Dag(),
      declares,
      configs,
      components: comps,
      services,
      registry: new Registry(this.opts.catalog, this.opts.minStability, this.opts.community),
      arguments: [],
    };
    if (!root) state.scope.add('argument');
    this.top = state;
    return this.validateGraph(this.validate(state));
  }

  private validate(s: State): State {
    this.validateDeclares(s);
    this.validateConfigs(s);
    this.validateComponents(s);
    this.validateServices(s);
    return s;
  }

  /** Adds a node to a scope's graph; a duplicate's suffixed id is not reachable by references. */
  private put(s: State, id: string, node: VNode): void {
    const b = node.at.block;
    const reachable = id === blockId(b);
    s.graph.add(id, node, reachable ? b.name : [], reachable ? b.label : '');
  }

  private alreadyDefined(mem: Map<string, Located>, at: Located): FileDiagnostic | undefined {
    const id = blockId(at.block);
    const orig = mem.get(id);
    if (!orig) {
      mem.set(id, at);
      return undefined;
    }
    const d = diag(
      at.file,
      'duplicate-block',
      `block ${id} already declared at ${this.position(orig.file, orig.block.start)}`,
      at.block.start,
      at.block.start + id.length - 1,
    );
    d.related = [{ file: orig.file, start: orig.block.start, end: orig.block.nameSpan.end, message: 'first defined here' }];
    return d;
  }

  private nameDiag(at: Located, code: string, message: string): FileDiagnostic {
    const name = blockName(at.block);
    return diag(at.file, code, message, at.block.start, at.block.start + name.length - 1);
  }

  private missingLabel(at: Located): FileDiagnostic | undefined {
    if (at.block.label !== '') return undefined;
    return this.nameDiag(at, 'missing-label', `${blockName(at.block)} block must have a label`);
  }

  private disallowed(s: State, at: Located): FileDiagnostic | undefined {
    const id = blockId(at.block);
    const where = !s.root ? 'module' : s.foreach ? 'foreach' : undefined;
    if (!where) return undefined;
    return diag(at.file, 'block-placement', `${id} not allowed in ${where}`, at.block.start, at.block.start + id.length - 1);
  }

  private validateDeclares(s: State): void {
    const mem = new Map<string, Located>();
    s.declares.forEach((at, i) => {
      const diags: FileDiagnostic[] = [];
      let id = blockId(at.block);
      if (at.block.label === '') diags.push(this.nameDiag(at, 'missing-label', 'declare block must have a label'));
      const dup = this.alreadyDefined(mem, at);
      if (dup) {
        diags.push(dup);
        id = `${id}-${i}`;
      }
      const parts = this.extractBlocks(at.file, at.block.body, diags);
      const moduleState: State = {
        root: false,
        foreach: false,
        scope: s.scope,
        graph: new Dag(),
        ...parts,
        registry: s.registry.child(),
        arguments: [],
      };
      this.put(s, id, { kind: 'module', id, at, diags, body: [], state: this.validate(moduleState) });
      if (at.block.label !== '') {
        moduleState.scope.add('argument');
        const args = argumentsSpec(moduleState.arguments);
        const exports = () => this.declareExports(moduleState);
        s.registry.registerCustom(at.block, args, undefined, exports);
        if (s === this.top) this.declares.set(at.block.label, { args, exports });
      }
    });
  }

  private validateConfigs(s: State): void {
    const mem = new Map<string, Located>();
    s.configs.forEach((at, i) => {
      const diags: FileDiagnostic[] = [];
      let id = blockId(at.block);
      let register = false;
      const dup = this.alreadyDefined(mem, at);
      if (dup) {
        diags.push(dup);
        id = `${id}-${i}`;
      } else {
        register = true;
      }
      const name = blockName(at.block);
      const node: VNode = { kind: 'plain', id, at, diags, body: at.block.body, args: this.opts.catalog.block(name) ?? ANY_BODY };
      switch (name) {
        case 'logging':
        case 'tracing': {
          const d = this.disallowed(s, at);
          if (d) diags.push(d);
          this.put(s, id, node);
          return;
        }
        case 'foreach':
          this.validateForeach(node, s);
          return;
        case 'argument':
        case 'export': {
          if (s.root) {
            diags.push(diag(at.file, 'block-placement', `${name} blocks only allowed inside a module`, at.block.start, at.block.rcurly));
          }
          const d = this.missingLabel(at);
          if (d) diags.push(d);
          else if (register && name === 'argument') s.arguments.push(at.block);
          this.put(s, id, node);
          return;
        }
        default: {
          const d = this.missingLabel(at);
          if (d) {
            register = false;
            diags.push(d);
          }
          if (IMPORT_BLOCKS.has(name)) this.put(s, id, node);
          if (register) s.registry.registerCustom(at.block, undefined, this.importModule(at, diags));
        }
      }
    });
  }

  /** Follows an import block (unless checking for parity); returns its declares when known. */
  private importModule(at: Located, diags: FileDiagnostic[]): ModuleDeclares | undefined {
    if (this.opts.parity || !this.opts.checkModule || !IMPORT_BLOCKS.has(blockName(at.block))) return undefined;
    const m = loadModule(at.file, at.block, this.opts.loader, this.opts.importStack ?? [at.file], this.opts.checkModule);
    pushAll(diags, m.diagnostics);
    for (const [k, v] of m.sources) this.importedSources.set(k, v);
    return m.declares;
  }

  private validateForeach(node: VNode & { kind: 'plain' }, s: State): void {
    const at = node.at;
    const name = blockName(at.block);
    const gate = stabilityError(FOREACH_STABILITY, this.opts.minStability, `foreach block ${quote(name)}`);
    if (gate) node.diags.push(this.nameDiag(at, 'stability', gate));
    const d = this.missingLabel(at);
    if (d) node.diags.push(d);
    const body: Stmt[] = [];
    let template: Block | undefined;
    for (const stmt of at.block.body) {
      if (stmt.kind === 'Block' && blockName(stmt) === 'template') template = stmt;
      else body.push(stmt);
    }
    node.body = body;
    // The template is not an argument: Alloy takes it out before checking the rest.
    if (node.args?.kind === 'struct') node.args = { ...node.args, fields: node.args.fields.filter((f) => f.name !== 'template') };
    if (!template) {
      node.diags.push(diag(at.file, 'missing-required', 'missing required block "template"', at.block.start, at.block.rcurly));
      this.put(s, node.id, node);
      return;
    }
    const parts = this.extractBlocks(at.file, template.body, node.diags);
    const state: State = {
      root: s.root,
      foreach: true,
      scope: s.scope,
      graph: new Dag(s.graph),
      ...parts,
      registry: s.registry.child(),
      arguments: [],
      parent: s,
    };
    const v = body.find((x) => x.kind === 'Attribute' && x.name.name === 'var');
    if (v && v.kind === 'Attribute' && v.value.kind === 'Literal' && v.value.litKind === 'STRING') {
      const name = stringValue(v.value);
      if (name !== undefined) state.scope.add(name);
    }
    this.put(s, node.id, { ...node, kind: 'foreach', state: this.validate(state) });
  }

  private validateComponents(s: State): void {
    const mem = new Map<string, Located>();
    s.components.forEach((at, i) => {
      const diags: FileDiagnostic[] = [];
      let id = blockId(at.block);
      if (at.block.label === '') {
        diags.push(this.nameDiag(at, 'missing-label', `component ${quote(blockName(at.block))} must have a label`));
      }
      const dup = this.alreadyDefined(mem, at);
      if (dup) {
        diags.push(dup);
        id = `${id}-${i}`;
      }
      this.put(s, id, { kind: 'component', id, at, diags, body: at.block.body });
    });
  }

  private validateServices(s: State): void {
    const mem = new Map<string, Located>();
    s.services.forEach((at, i) => {
      const diags: FileDiagnostic[] = [];
      let id = blockId(at.block);
      const dup = this.alreadyDefined(mem, at);
      if (dup) {
        diags.push(dup);
        id = `${id}-${i}`;
      }
      const d = this.disallowed(s, at);
      if (d) diags.push(d);
      const def = this.opts.services.get(blockId(at.block));
      let args: BodySpec | undefined;
      if (!def?.configurable) {
        diags.push(diag(at.file, 'service', `service ${quote(blockId(at.block))} does not support being configured`, at.block.start, at.block.rcurly));
      } else {
        args = this.opts.catalog.block(blockId(at.block)) ?? ANY_BODY;
      }
      this.put(s, id, { kind: 'plain', id, at, diags, args, body: at.block.body });
    });
  }

  private extractBlocks(file: string, body: Stmt[], diags: FileDiagnostic[]): Pick<State, 'declares' | 'configs' | 'components' | 'services'> {
    const out = { declares: [] as Located[], configs: [] as Located[], components: [] as Located[], services: [] as Located[] };
    for (const stmt of body) {
      if (stmt.kind !== 'Block') {
        diags.push(diag(file, 'unsupported-statement', 'unsupported statement type *ast.AttributeStmt', stmt.start, stmt.end - 1));
        continue;
      }
      const name = blockName(stmt);
      const at = { file, block: stmt };
      if (CONFIG_BLOCKS.has(name)) out.configs.push(at);
      else if (name === 'declare') out.declares.push(at);
      else if (this.opts.services.has(blockId(stmt))) out.services.push(at);
      else out.components.push(at);
    }
    return out;
  }

  private validateGraph(s: State, parent?: string): FileDiagnostic[] {
    const diags: FileDiagnostic[] = [];
    const typed = this.opts.parity ? undefined : { types: new ExprChecker(this.envFor(s), (t: StaticType) => this.exampleOf(s, t)), rules: this.opts.rules };
    const opts = (component: string): TypecheckOptions => ({ parity: this.opts.parity, ...typed, component });
    for (const id of s.graph.ids) {
      const n = s.graph.own(id)!;
      const node: GraphNode = {
        id,
        kind: n.kind === 'module' ? 'declare' : n.kind === 'plain' ? (this.opts.services.has(id) ? 'service' : 'config') : n.kind,
        name: blockName(n.at.block),
        label: n.at.block.label,
        file: n.at.file,
        block: n.at.block,
        parent,
        custom: n.kind === 'component' && s.registry.isCustom(n.at.block.name[0]),
      };
      this.graph.nodes.push(node);
      switch (n.kind) {
        case 'plain':
          pushAll(diags, n.diags);
          if (n.args) typecheckBlock(n.at.file, withBody(n.at.block, n.body), n.args, opts(node.name), diags);
          break;
        case 'component': {
          const name = node.name;
          const reg = s.registry.get(name);
          if (!reg.ok) {
            const d = this.nameDiag(n.at, reg.code, reg.message);
            if (reg.code === 'unknown-component') {
              const best = closest(name, this.opts.catalog.names());
              if (best) {
                d.hint = `did you mean ${quote(best)}?`;
                d.fix = { title: `Rename to ${best}`, edits: [{ start: n.at.block.start, end: n.at.block.nameSpan.end, text: best }] };
              }
            }
            n.diags.push(d);
            pushAll(diags, n.diags);
            continue;
          }
          pushAll(diags, n.diags);
          if (reg.spec) typecheckBlock(n.at.file, n.at.block, reg.spec, opts(name), diags);
          if (typed?.rules?.visits('component')) {
            typed.rules.sink = diags;
            typed.rules.component({ file: n.at.file, node, spec: reg.component });
          }
          break;
        }
        case 'module':
        case 'foreach':
          pushAll(diags, n.diags);
          if (n.args) typecheckBlock(n.at.file, withBody(n.at.block, n.body), n.args, opts(node.name), diags);
          pushAll(diags, this.validateGraph(n.state, id));
          break;
      }
      this.references(n, s, diags, id);
    }
    for (const comp of s.graph.components()) {
      if (comp.length < 2) continue;
      const ids = [...comp].sort();
      for (const id of ids) {
        const n = s.graph.own(id)!;
        diags.push(diag(n.at.file, 'cycle', `cycle detected: ${ids.join(', ')}`, n.at.block.start, n.at.block.lcurly));
      }
    }
    for (const [from, to] of s.graph.edges) {
      if (from !== to) continue;
      const n = s.graph.own(from)!;
      diags.push(diag(n.at.file, 'self-reference', 'cannot reference self', n.at.block.start, n.at.block.lcurly));
    }
    return diags;
  }

  /** The types of the names in scope `s`. */
  private envFor(s: State): TypeEnv {
    if (s.env) return s.env;
    let mod: State | undefined = s;
    while (mod?.foreach) mod = mod.parent;
    return (s.env = scopeEnv({
      step: (names) => s.graph.step(names),
      exportsOf: (id) => this.exportsOf(s, id),
      argumentLabels: () => (mod && !mod.root ? mod.arguments.map((a) => a.label) : undefined),
      hasVariable: (name) => s.scope.has(name),
    }));
  }

  /** The exports of the block with id `id` as seen from scope `s`. */
  private exportsOf(s: State, id: string): StaticType {
    const n = s.graph.get(id);
    if (!n) return ANY;
    const name = blockName(n.at.block);
    if (n.kind === 'plain') return name === 'argument' ? ARGUMENT_EXPORTS : ANY;
    if (n.kind !== 'component') return ANY;
    const reg = s.registry.get(name);
    if (!reg.ok) return ANY;
    if (reg.component) return componentExports(reg.component);
    return reg.exports?.() ?? ANY;
  }

  /** The exports of an instance of the declare whose scope is `s`: one field per `export` block. */
  private declareExports(s: State): StaticType {
    if (s.exportTypes !== undefined) return s.exportTypes ?? ANY;
    s.exportTypes = null;
    const env = this.envFor(s);
    const fields = new Map<string, StaticType>();
    for (const { block } of s.configs) {
      if (block.fullName !== 'export' || !block.label) continue;
      const value = block.body.find((x) => x.kind === 'Attribute' && x.name.name === 'value');
      fields.set(block.label, value?.kind === 'Attribute' ? typeOf(value.value, env) : ANY);
    }
    return (s.exportTypes = structOf(fields));
  }

  /** References in scope whose type fits `type` (with their blocks), or an example from the catalog, to show in a hint. */
  private exampleOf(s: State, type: StaticType): Example | undefined {
    const found: Example['blocks'] = [];
    for (const id of s.graph.ids) {
      const n = s.graph.own(id)!;
      if (n.kind !== 'component' || found.length >= 3) continue;
      const e = this.opts.catalog.component(blockName(n.at.block))?.exports.find((x) => fits(x.type, type));
      if (e) found.push({ reference: `${id}.${e.name}`, file: n.at.file, start: n.at.block.start, end: n.at.block.nameSpan.end });
    }
    if (found.length) return { text: found.map((f) => f.reference).join(', '), blocks: found };
    const text = catalogExample(this.opts.catalog, type);
    return text === undefined ? undefined : { text, blocks: [] };
  }

  /** Resolves the references of one node into graph edges; reports the ones that do not resolve. */
  private references(n: VNode, s: State, diags: FileDiagnostic[], from: string): void {
    const file = n.at.file;
    forEachTraversal(n.body, (t, count) => {
      const found = s.graph.resolve(t, count);
      const first = t[0].name;
      const start = t[0].start;
      const last = t[count - 1].end - 1;
      if (!found && !(s.scope.has(first) || STDLIB.has(first))) {
        diags.push(diag(file, 'unknown-reference', `component ${quote(traversalText(t, count))} does not exist or is out of scope`, start, last));
        return;
      }
      if (found) {
        if (STDLIB.has(first)) {
          diags.push(diag(file, 'stdlib-shadowing', 'a component is shadowing an existing stdlib name', start, t[0].end - 1, 'warning'));
        }
        this.graph.edges.push({ from, to: found, traversal: traversalText(t, count), file, start, end: last + 1 });
        if (!s.graph.isFromParent(found)) s.graph.addEdge(from, found);
      } else if (DEPRECATED_STDLIB.has(first)) {
        const d = diag(file, 'deprecated-function', 'this stdlib function is deprecated; please refer to the documentation for updated usage and alternatives', start, last, 'warning');
        const now = replacementOf(first);
        if (now) {
          d.hint = `use ${now}`;
          d.fix = { title: `Use ${now}`, edits: [{ start, end: t[0].end, text: now }] };
        }
        diags.push(d);
      } else if (count > 1) {
        const text = traversalText(t, count);
        if (EXPERIMENTAL_STDLIB.has(text)) {
          const err = stabilityError('experimental', this.opts.minStability, text);
          if (err) diags.push(diag(file, 'stability', err, start, last));
        }
      }
    });
  }

}

/** A module argument as a reference sees it: `argument.<label>.value`. */
const ARGUMENT_EXPORTS = structOf(new Map([['value', ANY]]));

function withBody(b: Block, body: Stmt[]): Block {
  return body === b.body ? b : { ...b, body };
}


/** The arguments a declared component accepts: one attribute per `argument` block. */
function argumentsSpec(args: Block[]): BodySpec {
  return {
    kind: 'struct',
    fields: args.map((a) => {
      const opt = a.body.find((x) => x.kind === 'Attribute' && x.name.name === 'optional');
      const optional = opt?.kind === 'Attribute' && opt.value.kind === 'Literal' && opt.value.raw === 'true';
      return { kind: 'attr' as const, name: a.label, type: 'any', required: !optional };
    }),
  };
}
