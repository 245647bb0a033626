/** A directed graph of string ids that keeps insertion order, with an optional parent for lookups. */
export class Dag<N> {
  readonly ids: string[] = [];
  private readonly nodes = new Map<string, N>();
  private readonly out = new Map<string, Set<string>>();
  readonly edges: [string, string][] = [];

  constructor(readonly parent?: Dag<N>) {}

  add(id: string, node: N): void {
    if (!this.nodes.has(id)) this.ids.push(id);
    this.nodes.set(id, node);
  }

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
    let s = this.out.get(from);
    if (!s) this.out.set(from, (s = new Set()));
    if (s.has(to)) return;
    s.add(to);
    this.edges.push([from, to]);
  }

  successors(id: string): Iterable<string> {
    return this.out.get(id) ?? [];
  }

  /** Strongly connected components (Tarjan), visiting roots in insertion order. */
  components(): string[][] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const result: string[][] = [];
    let counter = 0;
    const strong = (v: string) => {
      // Iterative Tarjan so deep chains cannot overflow the stack.
      const work: { v: string; it: Iterator<string> }[] = [];
      const open = (x: string) => {
        index.set(x, counter);
        low.set(x, counter);
        counter++;
        stack.push(x);
        onStack.add(x);
        work.push({ v: x, it: this.successors(x)[Symbol.iterator]() });
      };
      open(v);
      while (work.length > 0) {
        const top = work[work.length - 1];
        const n = top.it.next();
        if (!n.done) {
          const w = n.value;
          if (!this.nodes.has(w)) continue;
          if (!index.has(w)) open(w);
          else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
          continue;
        }
        work.pop();
        if (work.length > 0) {
          const parent = work[work.length - 1].v;
          low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
        }
        if (low.get(top.v) === index.get(top.v)) {
          const comp: string[] = [];
          let w: string;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            comp.push(w);
          } while (w !== top.v);
          result.push(comp);
        }
      }
    };
    for (const id of this.ids) if (!index.has(id)) strong(id);
    return result;
  }
}
