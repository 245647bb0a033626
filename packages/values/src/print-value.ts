// Value → Alloy text, as Alloy's token builder renders values (in diagnostics,
// the UI and `alloy fmt`-style output): objects on several lines with aligned
// `=`, map keys sorted, secrets as `(secret)`.

import { byteLength, quote } from '@alloy-lint/gostd';
import { isValidIdentifier } from '@alloy-lint/parser';
import { numberToString } from './numbers.js';
import { capsuleGoType, capsuleToObject, objectKeys, type ObjectValue, type Value } from './value.js';

class Unprintable {}

/**
 * Renders a value as Alloy text. Returns '' when Alloy cannot print it
 * (a value holding an infinity or NaN), as Alloy's builder does.
 */
export function printValue(v: Value): string {
  try {
    return print(v, 0);
  } catch (e) {
    if (e instanceof Unprintable) return '';
    throw e;
  }
}

/** Quotes an object key the way the builder and printer together do (raw keys are re-quoted). */
export function printKey(key: string): string {
  if (isValidIdentifier(key)) return key;
  return quote(quote(key).slice(1, -1));
}

function print(v: Value, indent: number): string {
  switch (v.t) {
    case 'null':
      return 'null';
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'number': {
      if (typeof v.v === 'number' && !Number.isFinite(v.v)) throw new Unprintable();
      return numberToString(v);
    }
    case 'string':
      return quote(v.v);
    case 'array':
      return printArray(v.v, indent);
    case 'object':
      return printObject(v, indent);
    case 'function':
      return 'function';
    case 'capsule': {
      if (v.kind === 'secret') return '(secret)';
      if (v.kind === 'optional_secret') return v.isSecret ? '(secret)' : quote(v.v);
      const obj = capsuleToObject(v);
      if (obj) return printObject({ t: 'object', v: obj }, indent);
      return `capsule(${quote(capsuleGoType(v))})`;
    }
  }
}

function printArray(items: readonly Value[], indent: number): string {
  return '[' + items.map((e) => print(e, indent)).join(', ') + ']';
}

function printObject(o: ObjectValue, indent: number): string {
  const keys = objectKeys(o);
  if (keys.length === 0) return '{}';
  const tabs = '\t'.repeat(indent + 1);
  const names = keys.map(printKey);
  const values = keys.map((k) => print(o.v.get(k)!, indent + 1));
  // A run of fields aligns its `=`; a field whose value spans lines ends the run.
  const pad: number[] = new Array(keys.length).fill(0);
  let start = 0;
  for (let i = 0; i < keys.length; i++) {
    if (values[i].includes('\n') || i === keys.length - 1) {
      let w = 0;
      for (let j = start; j <= i; j++) w = Math.max(w, byteLength(names[j]));
      for (let j = start; j <= i; j++) pad[j] = w - byteLength(names[j]);
      start = i + 1;
    }
  }
  let out = '{\n';
  for (let i = 0; i < keys.length; i++) out += tabs + names[i] + ' '.repeat(pad[i]) + ' = ' + values[i] + ',\n';
  return out + '\t'.repeat(indent) + '}';
}
