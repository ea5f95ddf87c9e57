#!/usr/bin/env node
// Bundles the command line (after tsc) into dist/bundle/ with esbuild, which bin/reportx.js runs.
// Why: a cold `reportx parse` spent ~0.1 s resolving, reading and linking ~60 ESM files of dist/
// plus commander, fast-glob and zod, file by file; one bundle is read and compiled in one go.
// Each command's module and the worker pool stay separate chunks (code splitting), still loaded
// only when used, as in src/cli/main.ts.
//
// Kept outside the bundle: @node-rs/jieba (a native addon, loaded by require at run time) and
// piscina (it starts its own worker script, found next to its own files), and jschardet (1.2 MB
// of detector models, required only when a file is not UTF-8: src/decode/detectEncoding.ts).
//
// The pool's worker (dist/cli/parseWorker.js) is a second entry of the same build, sharing its
// chunks: unbundled, each worker spent ~0.2 s of CPU (0.38 s on a loaded machine) resolving,
// reading and linking the ~60 files of the pipeline before it could parse anything.
//
// The bundle sits two levels below the package root like dist/cli/*.js, so the paths the code
// resolves from import.meta.url (../../package.json, ../../dist/bundle/parseWorker.js, the jieba
// package) are the same from either.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'bundle');

// The review page's script and style (src/review/client/), for a browser: one script with no
// imports and one stylesheet, both minified, which src/review/reviewPage.ts inlines into every
// page it writes. No framework: nothing else is needed at run time. Built before the CLI bundle,
// which test/bundle.test.ts requires to be the newest file of dist/.
await build({
  entryPoints: {
    client: join(ROOT, 'src', 'review', 'client', 'main.ts'),
  },
  outdir: join(ROOT, 'dist', 'review'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
await build({
  entryPoints: { client: join(ROOT, 'src', 'review', 'client', 'review.css') },
  outdir: join(ROOT, 'dist', 'review'),
  bundle: true,
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  logLevel: 'warning',
});

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: {
    reportx: join(ROOT, 'dist', 'cli', 'main.js'),
    parseWorker: join(ROOT, 'dist', 'cli', 'parseWorker.js'),
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@node-rs/jieba', '@node-rs/jieba/*', 'piscina', 'jschardet'],
  // The CommonJS packages in the bundle (commander, fast-glob) require Node's built-in modules,
  // which an ES module bundle can only do through a require of its own.
  banner: {
    js: "import { createRequire as __reportxRequire } from 'node:module'; const require = __reportxRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
