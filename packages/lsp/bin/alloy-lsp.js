#!/usr/bin/env node
// alloy-lsp: the Alloy language server (stdio unless --node-ipc or --socket=N is given).
import { startNodeServer } from '../dist/node/main.js';

startNodeServer();
