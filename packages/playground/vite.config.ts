import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// A static site: relative asset URLs (it works from any folder of any static host), the
// worker as an ES module so it can load schema chunks with dynamic imports. The runtime's one
// Node import, node:crypto (hashes), gets a browser implementation.
const crypto = fileURLToPath(new URL('./src/shims/node-crypto.ts', import.meta.url));

export default defineConfig({
  base: './',
  resolve: { alias: { 'node:crypto': crypto } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: 'es' },
});
