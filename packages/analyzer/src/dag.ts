/** A directed graph of string ids that keeps insertion order, with an optional parent for lookups. */
interface TrieNode {
  id?: string;
  next?: Map<string, TrieNode>;
}

export class Dag<N> {
  readonly ids: string[] = [];
  private readonly nodes = new Map<string, N>();
  private readonly index = new Map<string, number>();
  /** Node ids split on `.`, so references resolve without building prefix strings. */
  private readonly trie: TrieNode = {};
  private readonly out = new Map<string, string[]>();
  readonly edges: [string, string][] = [];

  constructor(readonly parent?: Dag<N>) {}

  /** Adds a node; `path` is its id's parts (block name fragments, then the label, if any). */
  add(id: string, node: N, path: string[], label = ''): void {
    if (!this.nodes.has(id)) {
      this.index.set(id, this.ids.length);
      this.ids.push(id);
      let t = this.trie;
      const n = path.length === 0 ? 0 : path.length + (label ? 1 : 0);
      for (let i = 0; i < n; i++) {
        const part = i < path.length ? path[i] : label;
        t.next ??= new Map();
        let c = t.next.get(part);
        if (!c) t.next.set(part, (c = {}));
        t = c;
      }
      if (n > 0) t.id ??= id;
    }
    this.nodes.set(id, node);
  }

  /**
   * The id of the node named by the shortest prefix of `names` (`['loki', 'write', 'x',
   * 'receiver']` finds `loki.write.x`), here or in a parent graph; `used` says how many names.
   */
  resolve(names: { name: string }[], count = names.length): string | undefined {
    let t: TrieNode | undefined = this.trie;
    for (let k = 0; k < count && t; k++) {
      t = t.next?.get(names[k].name);
      if (t?.id !== undefined) {
        this.used = k + 1;
        return t.id;
      }
    }
    const id = this.parent?.resolve(names, count);
    if (id !== undefined) this.used = this.parent!.used;
    return id;
  }

  /**
   * Where the id path `names` leads, here or in a parent graph: the id it completes (if any)
   * and whether longer ids continue it.
   */
  step(names: readonly string[]): { id?: string; more: boolean } {
    let t: TrieNode | undefined = this.trie;
    for (let k = 0; k < names.length && t; k++) t = t.next?.get(names[k]);
    const up = this.parent?.step(names);
    return { id: t?.id ?? up?.id, more: (t?.next !== undefined && t.next.size > 0) || (up?.more ?? false) };
  }

  /** How many names the last successful `resolve` used. */
  used = 0;

  own(id: string): N | undefined {
    return this.nodes.get(id);
  }

  get(id: string): N | undefined {
    return this.nodes.get(id) ?? this.parent?.get(id);
  }

  isFromParent(id: string): boolean {
    return !this.nodes.has(id) && this.parent?.get(id) !== undefined;
  }

  addEdge(from: string, to: string): void {
    let list = this.out.get(from);
    if (!list) this.out.set(from, (list = []));
    if (list.includes(to)) return;
    list.push(to);
    this.edges.push([from, to]);
  }

  /** Strongly connected components (Tarjan, iterative), visiting roots in insertion order. */
  components(): string[][] {
    const n = this.ids.length;
    const none: string[] = [];
    const succ = (v: number) => this.out.get(this.ids[v]) ?? none;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const next = new Int32Array(n);
    // Nodes without edges form their own component; skip the bookkeeping for them.
    const stack: number[] = [];
    const work: number[] = [];
    const result: string[][] = [];
    let counter = 0;
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1) continue;
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      work.push(root);
      while (work.length > 0) {
        const v = work[work.length - 1];
        const edges = succ(v);
        if (next[v] < edges.length) {
          const w = this.index.get(edges[next[v]++]);
          if (w === undefined) continue;
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            work.push(w);
          } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
          continue;
        }
        work.pop();
        if (work.length > 0) {
          const parent = work[work.length - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] === index[v]) {
          const comp: string[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            comp.push(this.ids[w]);
          } while (w !== v);
          result.push(comp);
        }
      }
    }
    return result;
  }
}
