// Component schemas loaded on demand: every JSON file of packages/schemas/data is its own
// chunk of the build (Vite's import.meta.glob), fetched the first time a catalog asks for it.
// The catalog reader is synchronous, so a file not loaded yet is a miss: the caller loads
// the misses and asks again (`withSchemas`). Only index.json and rules.json of the selected
// release load up front.
import { type Catalog, loadCatalog } from '@alloy-lint/schemas';

type Loader = () => Promise<unknown>;

const files = import.meta.glob<unknown>(['../../../schemas/data/*/index.json', '../../../schemas/data/*/rules.json', '../../../schemas/data/*/components/*.json', '../../../schemas/data/*/blocks/*.json'], { import: 'default' });

/** `v1.18.1/components/loki.write.json` → its loader. */
const LOADERS = new Map<string, Loader>(Object.entries(files).map(([k, v]) => [k.replace(/^.*\/data\//, ''), v]));

export const VERSIONS = [...new Set([...LOADERS.keys()].filter((k) => k.endsWith('/index.json')).map((k) => k.split('/')[0]))].sort();

interface Release {
  index: { version: string; rules?: string; entries: { name: string; kind: string; file: string }[] };
  inner: Catalog;
}

export class LazySchemas {
  private readonly loaded = new Map<string, unknown>();
  private readonly misses = new Set<string>();
  private readonly releases = new Map<string, Release>();
  /** Stable catalog objects: the language service keeps the one it was given per version. */
  private readonly facades = new Map<string, Catalog>();
  /** Files fetched so far (for the bench and tests). */
  fetched = 0;

  private async fetch(keys: Iterable<string>): Promise<number> {
    const todo = [...new Set(keys)].filter((k) => !this.loaded.has(k) && LOADERS.has(k));
    const data = await Promise.all(todo.map((k) => LOADERS.get(k)!()));
    todo.forEach((k, i) => this.loaded.set(k, data[i]));
    this.fetched += todo.length;
    return todo.length;
  }

  private build(version: string): void {
    const index = this.loaded.get(`${version}/index.json`) as Release['index'];
    const reader = (file: string) => {
      const key = `${version}/${file}`;
      if (!this.loaded.has(key)) this.misses.add(key);
      return this.loaded.get(key);
    };
    this.releases.set(version, { index, inner: loadCatalog(index, reader) });
  }

  /** Loads a release's index and rules, and the schemas of the block names in `text`. */
  async prepare(version: string, text = ''): Promise<boolean> {
    if (!VERSIONS.includes(version)) return false;
    await this.fetch([`${version}/index.json`]);
    const index = this.loaded.get(`${version}/index.json`) as Release['index'];
    const used = new Set(text.match(/\b[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+(?=\s*(?:"[^"\n]*"\s*)?\{)/g) ?? []);
    const wanted = index.entries.filter((e) => used.has(e.name)).map((e) => `${version}/${e.file}`);
    if (index.rules) wanted.push(`${version}/${index.rules}`);
    await this.fetch(wanted);
    if (!this.releases.has(version)) this.build(version);
    return true;
  }

  /** The catalog of a prepared release; undefined for a release the build has no schemas of. */
  catalog(version: string): Catalog | undefined {
    if (!this.releases.has(version)) return undefined;
    let f = this.facades.get(version);
    if (!f) {
      const cur = () => this.releases.get(version)!.inner;
      f = {
        get version() {
          return cur().version;
        },
        get index() {
          return cur().index;
        },
        schema: (n) => cur().schema(n),
        info: (n) => cur().info(n),
        component: (n) => cur().component(n),
        block: (n) => cur().block(n),
        names: () => cur().names(),
        blockNames: () => cur().blockNames(),
      };
      this.facades.set(version, f);
    }
    return f;
  }

  /**
   * Runs `fn` until it reads no schema that is not loaded yet: after a run with misses, they
   * are loaded, the catalogs rebuilt (their caches remember misses) and `invalidate` called.
   */
  async withSchemas<T>(fn: () => T | Promise<T>, invalidate: () => void): Promise<T> {
    for (;;) {
      this.misses.clear();
      let result: { value: T } | { error: unknown };
      try {
        result = { value: await fn() };
      } catch (error) {
        result = { error };
      }
      const done = () => {
        if ('error' in result) throw result.error;
        return result.value;
      };
      if (!this.misses.size) return done();
      const versions = new Set([...this.misses].map((k) => k.split('/')[0]));
      if (!(await this.fetch(this.misses))) return done();
      for (const v of versions) this.build(v);
      invalidate();
    }
  }
}
