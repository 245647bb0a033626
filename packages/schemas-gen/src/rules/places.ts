// The places of one release's schemas: every block and attribute, as rule keys.
import { type Catalog, ruleKey } from '@alloy-lint/schemas';

export class Places {
  readonly blocks = new Set<string>();
  readonly attrs = new Set<string>();
  /** Attribute and block names directly inside each block key. */
  private readonly inside = new Map<string, Set<string>>();

  constructor(catalog: Catalog) {
    for (const name of [...catalog.names(), ...catalog.blockNames()]) {
      const info = catalog.info(name)!;
      this.blocks.add(name);
      for (const b of info.blocks) this.add(name, b.path, this.blocks);
      for (const a of info.attributes) this.add(name, a.path, this.attrs);
    }
  }

  private add(name: string, path: string[], set: Set<string>): void {
    set.add(ruleKey(name, path));
    const parent = ruleKey(name, path.slice(0, -1));
    let s = this.inside.get(parent);
    if (!s) this.inside.set(parent, (s = new Set()));
    s.add(path[path.length - 1]);
  }

  has(applies: 'block' | 'value', key: string): boolean {
    return (applies === 'block' ? this.blocks : this.attrs).has(key);
  }

  /** Whether any of the blocks `keys` has a field (attribute or block) named `field`. */
  hasField(keys: string[], field: string): boolean {
    return keys.some((k) => this.inside.get(k)?.has(field));
  }
}
