// Value identity as Go's reflect.Value comparison sees it: Go keeps small
// integers, bools and the empty string in shared static storage, so equal such
// values are the same key; everything else is its own allocation.

import type { Value } from './value.js';

export function identity(v: Value): unknown {
  switch (v.t) {
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'number':
      if (typeof v.v === 'bigint') {
        if ((v.v >= 0n && v.v < 256n) || v.go === 'int8') return v.go + ':' + v.v;
      } else if (v.v === 0 && !Object.is(v.v, -0)) return v.go + ':0';
      return v;
    case 'string':
      return v.v === '' && !v.go ? '""' : v;
    default:
      return v;
  }
}
