#!/usr/bin/env node
// The esbuild bundle of dist/cli/main.js (scripts/bundle.mjs, run by npm run build and prepare):
// one file to load instead of ~60, which is most of a cold start after Node and the dictionary.
import { main } from '../dist/bundle/reportx.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`reportx: internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 70;
  },
);
