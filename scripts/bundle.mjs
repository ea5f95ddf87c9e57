#!/usr/bin/env node
// Bundles the command line (after tsc) into dist/bundle/ with esbuild, which bin/reportx.js runs.
// Why: a cold `reportx parse` spent ~0.1 s resolving, reading and linking ~60 ESM files of dist/
// plus commander, fast-glob and zod, file by file; one bundle is read and compiled in one go.
// Each command's module and the worker pool are still evaluated only when used, as in
// src/cli/main.ts.
//
// Kept outside the bundle: @node-rs/jieba (a native addon, loaded by require at run time) and
// piscina (it starts its own worker script, found next to its own files), and jschardet (1.2 MB
// of detector models, required only when a file is not UTF-8: src/decode/detectEncoding.ts).
//
// The pool's worker (dist/cli/parseWorker.js) is bundled too: unbundled, each worker spent ~0.2 s
// of CPU (0.38 s on a loaded machine) resolving, reading and linking the ~60 files of the
// pipeline before it could parse anything.
//
// The bundles sit two levels below the package root like dist/cli/*.js, so the paths the code
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

/** Packages required at run time, never bundled (see the head of this file). */
const EXTERNAL = ['@node-rs/jieba', '@node-rs/jieba/*', 'piscina', 'jschardet'];

// The command line: one CommonJS file, dist/bundle/reportx.cjs, which bin/reportx.js loads (with
// V8's code cache: bin/compileCache.js). CommonJS, not an ES module: Node 20 runs an ES module
// entry through its ESM loader, whose own start-up and the linking of the bundle's chunks made
// `reportx --version` take 0.15 s against 0.13 s for the same code as one CommonJS file (node -e
// 0: 0.05 s). Each command's module, cli-progress and the worker pool are in the file but
// evaluated only when used (esbuild wraps a dynamically imported module in a lazy initialiser),
// so a cold `reportx parse` still runs none of the table, check and review code. The HTML reader
// (src/decode/htmlText.ts and htmlparser2) is a file of its own, dist/bundle/htmlText.cjs,
// required when a page comes: text files never read or compile it.
await build({
  entryPoints: {
    reportx: join(ROOT, 'dist', 'cli', 'main.js'),
    htmlText: join(ROOT, 'dist', 'decode', 'htmlText.js'),
  },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() becomes require(): a script run from V8's code cache cannot import (Node 20 loses its
  // import callback), and an ES module import would also start the ESM loader.
  supported: { 'dynamic-import': false },
  external: EXTERNAL,
  plugins: [htmlReaderApart()],
  // The code finds package.json, the catalogue, jieba and the worker from its own URL, two levels
  // below the package root like dist/cli/*.js.
  define: { 'import.meta.url': '__reportxUrl' },
  banner: { js: "const __reportxUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The pool's worker (dist/bundle/parseWorker.js, an ES module, which piscina imports): the
// pipeline as one file plus the chunks of what it loads only when needed.
await build({
  entryPoints: { parseWorker: join(ROOT, 'dist', 'cli', 'parseWorker.js') },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // The CommonJS packages in the bundle require Node's built-in modules, which an ES module
  // bundle can only do through a require of its own.
  banner: {
    js: "import { createRequire as __reportxRequire } from 'node:module'; const require = __reportxRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

/** The command line's import of the HTML reader made a require of dist/bundle/htmlText.cjs, its own bundle. */
function htmlReaderApart() {
  return {
    name: 'html-reader-apart',
    setup(b) {
      b.onResolve({ filter: /\/htmlText\.js$/ }, (args) =>
        args.kind === 'dynamic-import' ? { path: './htmlText.cjs', external: true } : undefined,
      );
    },
  };
}
