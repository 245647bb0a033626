import { quote } from '@alloy-lint/gostd';
import type { Block } from '@alloy-lint/parser';
import type { StaticType } from '@alloy-lint/values';
import type { ModuleDeclares } from './modules.js';
import type { BodySpec, ComponentCatalog, ComponentSpec, Stability } from './schema.js';
import { stabilityError } from './stability.js';

export type Lookup =
  | {
      ok: true;
      spec?: BodySpec;
      component?: ComponentSpec;
      /** The exports of an instance of a custom component, when known. */
      exports?: () => StaticType;
    }
  | { ok: false; message: string; code: 'unknown-component' | 'stability' | 'community' };

/** Component lookup for one scope: custom components (declare, import) first, then the catalog. */
export class Registry {
  private readonly custom = new Map<string, BodySpec | undefined>();
  private readonly customExports = new Map<string, () => StaticType>();
  private readonly modules = new Map<string, ModuleDeclares>();

  constructor(
    private readonly catalog: ComponentCatalog,
    private readonly minStability: Stability,
    private readonly community: boolean,
    private readonly parent?: Registry,
  ) {}

  child(): Registry {
    return new Registry(this.catalog, this.minStability, this.community, this);
  }

  /** A declared component, or an imported module (with its declares when they are known). */
  registerCustom(b: Block, args: BodySpec | undefined, module?: ModuleDeclares, exports?: () => StaticType): void {
    this.custom.set(b.label, args);
    if (module) this.modules.set(b.label, module);
    if (exports) this.customExports.set(b.label, exports);
  }

  private customFor(first: string): { found: boolean; spec?: BodySpec } {
    if (this.custom.has(first)) return { found: true, spec: this.custom.get(first) };
    return this.parent ? this.parent.customFor(first) : { found: false };
  }

  private readonly memo = new Map<string, Lookup>();

  get(name: string): Lookup {
    let hit = this.memo.get(name);
    if (!hit) this.memo.set(name, (hit = this.lookup(name)));
    return hit;
  }

  private lookup(name: string): Lookup {
    const dot = name.indexOf('.');
    const first = dot === -1 ? name : name.slice(0, dot);
    const own = this.custom.has(first);
    if (own) {
      const mod = this.modules.get(first);
      if (!mod) return { ok: true, spec: this.custom.get(first), exports: dot === -1 ? this.customExports.get(first) : undefined };
      const rest = name.slice(first.length + 1);
      const declared = mod.get(rest);
      if (declared) return { ok: true, spec: declared.args, exports: declared.exports };
      const known = [...mod.keys()].sort().join(', ') || 'none';
      return { ok: false, code: 'unknown-component', message: `module ${quote(first)} has no declare named ${quote(rest)} (it declares: ${known})` };
    }
    // A child registry falls back to its parent, which checks its own custom components.
    if (this.parent) return this.parent.get(name);
    const c = this.catalog.component(name);
    if (!c) return { ok: false, code: 'unknown-component', message: `cannot find the definition of component name ${quote(name)}` };
    if (c.community) {
      if (!this.community) {
        return {
          ok: false,
          code: 'community',
          message: `the component ${quote(name)} is a community component. Use the --feature.community-components.enabled command-line flag to enable community components`,
        };
      }
      return { ok: true, spec: c.args, component: c };
    }
    const err = stabilityError(c.stability, this.minStability, `component ${quote(name)}`);
    if (err) return { ok: false, code: 'stability', message: err };
    return { ok: true, spec: c.args, component: c };
  }

  /** True when `first` names a custom component visible here. */
  isCustom(first: string): boolean {
    return this.customFor(first).found;
  }
}
