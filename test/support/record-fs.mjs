// Preloaded into the real `alloy-lint` process (`node --import`) by the security suite: every
// path the process opens or lists through node:fs is appended to $ALLOY_LINT_RECORD. The
// suite then asserts that none of them lies outside the configuration's root.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const log = process.env.ALLOY_LINT_RECORD;
const append = fs.appendFileSync;

function record(op, p) {
  if (typeof p === 'number' || p === undefined || p === null) return; // a descriptor already opened
  const path = p instanceof URL ? p.pathname : Buffer.isBuffer(p) ? p.toString() : String(p);
  append(log, `${op}\t${resolve(path)}\n`);
}

if (log) {
  const wrap = (obj, names, op) => {
    for (const name of names) {
      const original = obj[name];
      if (typeof original !== 'function') continue;
      obj[name] = function (path, ...rest) {
        record(op, path);
        return original.call(this, path, ...rest);
      };
    }
  };
  wrap(fs, ['openSync', 'open', 'readFileSync', 'readFile', 'createReadStream'], 'open');
  wrap(fs, ['readdirSync', 'readdir', 'opendirSync', 'opendir'], 'list');
  wrap(fs.promises, ['open', 'readFile'], 'open');
  wrap(fs.promises, ['readdir', 'opendir'], 'list');
  syncBuiltinESMExports();
}
