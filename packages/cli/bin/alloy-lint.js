#!/usr/bin/env node
// Launcher: turns on V8's compile cache where Node has it (22.1+), then runs the bundle.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../bundle/main.js');
process.exitCode = await main(process.argv.slice(2));
