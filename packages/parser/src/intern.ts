/**
 * One string per distinct short token text, found from the source bytes: names and values
 * repeat across a config, and one string each instead of one per occurrence is a tenth of a
 * tree's heap. Looking up bytes (FNV-1a, open addressing) avoids making a string per token.
 * Only for ASCII text, where a string's char codes are its bytes.
 */
export class TextTable {
  private hashes = new Int32Array(1024);
  private texts: (string | undefined)[] = new Array(1024);
  private size = 0;

  /**
   * The string of `src[start, end)`, which must be ASCII, given `hash` = hashBytes(src, start,
   * end); on a miss, a slice of `text` (the source decoded).
   */
  get(src: Uint8Array, text: string, start: number, end: number, hash: number): string {
    const h = hash | 1; // 0 marks an empty slot
    const mask = this.hashes.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const k = this.hashes[slot];
      if (k === 0) break;
      if (k === h) {
        const t = this.texts[slot]!;
        if (t.length === end - start && sameChars(t, src, start)) return t;
      }
    }
    const t = text.slice(start, end);
    this.insert(h, t);
    return t;
  }

  private insert(h: number, text: string): void {
    if (++this.size * 2 > this.hashes.length) this.grow();
    const mask = this.hashes.length - 1;
    let slot = h & mask;
    while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = h;
    this.texts[slot] = text;
  }

  private grow(): void {
    const { hashes, texts } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.texts = new Array(hashes.length * 2);
    this.size = 0;
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) this.insert(hashes[i], texts[i]!);
  }
}

export const HASH_SEED = 0x811c9dc5 | 0;

/** One step of FNV-1a. */
export const hashStep = (h: number, byte: number): number => Math.imul(h ^ byte, 0x01000193);

export function hashBytes(src: Uint8Array, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = hashStep(h, src[i]);
  return h;
}

function sameChars(t: string, src: Uint8Array, start: number): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) !== src[start + i]) return false;
  return true;
}
