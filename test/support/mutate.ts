const enc = new TextEncoder();

export interface Edit {
  at: number;
  del: number;
  ins: string;
}

/** Applies random edits to a byte string (for property tests): each deletes `del` bytes at `at` and inserts `ins`. */
export function applyEdits(base: Uint8Array, edits: Edit[]): Uint8Array {
  let b = base;
  for (const e of edits) {
    const at = e.at % (b.length + 1);
    const ins = enc.encode(e.ins);
    const next = new Uint8Array(b.length - Math.min(e.del, b.length - at) + ins.length);
    next.set(b.subarray(0, at));
    next.set(ins, at);
    next.set(b.subarray(Math.min(at + e.del, b.length)), at + ins.length);
    b = next;
  }
  return b;
}
