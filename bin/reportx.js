#!/usr/bin/env node
// The esbuild bundle of dist/cli/main.js (scripts/bundle.mjs, run by npm run build and prepare):
// one file to load instead of ~60, which is most of a cold start after Node and the dictionary.
// This file and the bundle are CommonJS (bin/package.json): an ES module entry would start Node's
// ESM loader first, ~20 ms of a cold start. The bundle is loaded with V8's code cache
// (compileCache.js).
const { join } = require('node:path');
const { loadWithCodeCache } = require('./compileCache.js');

const { exports: cli, saveCache } = loadWithCodeCache(
  join(__dirname, '..', 'dist', 'bundle', 'reportx.cjs'),
  process.argv[2] ?? '',
);

cli.main(process.argv).then(
  (code) => {
    process.exitCode = code;
    saveCache();
  },
  (err) => {
    process.stderr.write(`reportx: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 70;
  },
);
