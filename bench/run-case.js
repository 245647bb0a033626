// Runs one bench case in a fresh process and prints its result as JSON (see run.js).
import { join } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const mod = await import(join(here, 'cases', `${process.argv[2]}.js`));
process.stdout.write(JSON.stringify(await mod.default()));
