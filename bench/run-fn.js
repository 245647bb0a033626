// Times one named function of a bench case in this fresh process; prints its median ms.
import { measure } from './lib.js';

const [caseFile, name, minMs] = process.argv.slice(2);
const mod = await import(caseFile);
const fn = (await mod.setup())[name];
fn();
process.stdout.write(String(measure(fn, { minMs: Number(minMs) })));
