// `node:crypto` in the browser build: the runtime hashes with createHash (relabel hashmod:
// md5; template functions: sha1, sha256, sha3-256; secretfilter: sha1). Same digests through
// @noble/hashes; the digest is a Uint8Array with the one Buffer method the runtime reads.
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const ALGORITHMS = { md5, sha1, sha256, 'sha3-256': sha3_256 } as const;

class Digest extends Uint8Array {
  readBigUInt64BE(offset = 0): bigint {
    return new DataView(this.buffer, this.byteOffset, this.byteLength).getBigUint64(offset, false);
  }
}

export function createHash(algorithm: string) {
  const fn = ALGORITHMS[algorithm as keyof typeof ALGORITHMS];
  if (!fn) throw new Error(`createHash: ${algorithm} is not available in the browser build`);
  const parts: Uint8Array[] = [];
  const hash = {
    update(data: string | Uint8Array) {
      parts.push(typeof data === 'string' ? utf8ToBytes(data) : data);
      return hash;
    },
    digest(encoding?: 'hex') {
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      const d = fn(all);
      return encoding === 'hex' ? bytesToHex(d) : new Digest(d);
    },
  };
  return hash;
}

export default { createHash };
