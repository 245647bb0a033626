import { readFileSync } from 'node:fs';
import { catalogFromJson } from '../src/index.js';

const dir = new URL('../../../schemas/v1.18.1/', import.meta.url);

/** The committed v1.18.1 schemas, read straight from the repository. */
export const v1181 = catalogFromJson(JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')), (f) =>
  JSON.parse(readFileSync(new URL(f, dir), 'utf8')),
);
