// Test helper: loads committed schemas/<version>/ into a catalog.
import { readFileSync } from 'node:fs';
import { loadCatalog, type Catalog } from '../src/model.js';

const root = new URL('../../../schemas/', import.meta.url);

export function committedCatalog(version: string): Catalog {
  const read = (f: string) => JSON.parse(readFileSync(new URL(`${version}/${f}`, root), 'utf8'));
  return loadCatalog(read('index.json'), read);
}
