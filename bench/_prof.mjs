import { setup } from './cases/language-service.js';
import { performance } from 'node:perf_hooks';
const f = await setup();
for (const name of ['parse', 'diagnostics', 'completion', 'hover']) {
  for (let i = 0; i < 30; i++) f[name]();
  const t = [];
  for (let i = 0; i < 60; i++) { const t0 = performance.now(); f[name](); t.push(performance.now() - t0); }
  t.sort((a, b) => a - b);
  console.log(name, t[30].toFixed(2));
}
