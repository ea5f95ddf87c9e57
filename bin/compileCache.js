// Loads the command-line bundle (dist/bundle/reportx.cjs) with V8's code cache: the bytecode of
// the functions a run of the same command compiled, kept in a file of the user's cache directory
// and handed back to V8 at the next start (vm.Script cachedData; Node 20 has no
// module.enableCompileCache). V8 then neither compiles the bundle at start-up nor each function
// on its first call, which the first reports of a batch otherwise pay for at interpreter speed.
// Measured on the bench's 500 reports with --jobs 1: ~60–90 ms less CPU of ~1.8 s; a cold
// `reportx --version` 0.13 → 0.10 s.
//
// Anything wrong with the cache only costs the time it would have saved: a missing, unreadable,
// damaged or rejected cache (V8 rejects another V8 version or other flags) is compiled from source
// as without it, and the cache is written again at the end of the run; a cache that cannot be
// written is skipped. What V8 does not check is checked here: the file's name holds the bundle's
// size, modification time and inode (V8 compares only the source's length), the command (each
// command compiles different functions), Node's version, the architecture and the flags
// (NODE_OPTIONS too); the file starts with the sha256 of the rest (V8 checksums a code cache only
// in debug builds). A bundle at another path (another install or checkout), or run with other
// flags, has caches of its own. The directory must be the user's own and writable by no one else
// (the cache is code this user runs). REPORTX_COMPILE_CACHE=0 turns it off;
// REPORTX_COMPILE_CACHE=DIR puts it in DIR.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { homedir } = require('node:os');
const { basename, dirname, join } = require('node:path');
const vm = require('node:vm');

/**
 * Whether `directory` is this user's own: missing (it is made private when first written), or a
 * directory of this user that no one else may write to. A cache is code this user runs: one that
 * someone else could have put there is not used.
 */
function isPrivate(directory) {
  const stats = statSync(directory, { throwIfNoEntry: false });
  if (stats === undefined) return true;
  if (!stats.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

/** The directory the cache files go in, or null when turned off. Per user: the cache is code. */
function cacheDirectory(env) {
  const setting = env.REPORTX_COMPILE_CACHE;
  if (setting === '0') return null;
  if (setting) return setting;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'reportx');
}

/**
 * The cache file of this bundle, command and Node: COMMAND-PLACE-BUILD.v8cache, PLACE from the
 * bundle's path and Node's flags (installs or checkouts side by side, and runs with other flags
 * such as --cpu-prof, keep a cache each), BUILD from the bundle's file and Node's version.
 */
function cacheFileName(bundle, command) {
  const { size, mtimeMs, ino } = statSync(bundle);
  const place = [bundle, ...nodeFlags(process.execArgv), process.env.NODE_OPTIONS ?? ''].join('\0');
  const build = [size, mtimeMs, ino, process.version, process.arch].join('\0');
  const name = /^[a-z]+$/.test(command) ? command : 'other';
  return `${name}-${shortHash(place, 8)}-${shortHash(build, 16)}.v8cache`;
}

/** Node's flags without the code of -e or -p (a script run with `node -e CODE` would otherwise get a cache per text). */
function nodeFlags(execArgv) {
  const flags = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (/^--(?:eval|print)=/.test(arg)) continue;
    flags.push(arg);
    if (/^(?:-e|-p|-pe|--eval|--print)$/.test(arg)) i++;
  }
  return flags;
}

function shortHash(text, length) {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** At most this many cache files are kept (~1 MB each): the least recently written go first. */
const MAX_FILES = 16;

/**
 * Removes the caches of the same command and place for other builds or Node versions, so that
 * rebuilds do not pile them up, and the oldest caches beyond MAX_FILES (other places and flags).
 */
function removeOthers(directory, name) {
  const prefix = name.slice(0, name.lastIndexOf('-') + 1);
  const kept = [];
  for (const other of readdirSync(directory)) {
    if (other === name || !other.endsWith('.v8cache')) continue;
    const file = join(directory, other);
    if (other.startsWith(prefix)) rmSync(file, { force: true });
    else kept.push({ file, written: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 });
  }
  kept.sort((x, y) => y.written - x.written);
  for (const { file } of kept.slice(MAX_FILES - 1)) rmSync(file, { force: true });
}

const DIGEST_BYTES = 32;

/** The cache file's payload, or null when it is missing, unreadable or damaged. */
function readCache(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.length <= DIGEST_BYTES) return null;
  const payload = bytes.subarray(DIGEST_BYTES);
  return createHash('sha256').update(payload).digest().equals(bytes.subarray(0, DIGEST_BYTES)) ? payload : null;
}

/** The cache file's bytes: the payload's sha256, then the payload. */
function cacheFileBytes(payload) {
  return Buffer.concat([createHash('sha256').update(payload).digest(), payload]);
}

/** Written whole or not at all (a file of its own renamed over the old one), never half a cache for another run. */
function writeAtomically(file, bytes) {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, bytes, { mode: 0o600 });
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/**
 * Runs the CommonJS file `bundle` as Node's require would, with the code cache of `command`.
 * Returns its exports, `cache` (none, used or rejected) and `saveCache`, to call once the run is
 * over: it writes the cache when there was none or V8 rejected it (the bytecode of every function
 * compiled by then).
 */
function loadWithCodeCache(bundle, command, env = process.env) {
  let file = null;
  try {
    const directory = cacheDirectory(env);
    if (directory !== null && isPrivate(directory)) file = join(directory, cacheFileName(bundle, command));
  } catch {
    // No home directory, or the bundle cannot be stated (reading it below says why): no cache.
  }
  const cachedData = (file && readCache(file)) ?? undefined;
  const script = new vm.Script(wrap(readFileSync(bundle, 'utf8')), {
    filename: bundle,
    // The bundle makes no import() (scripts/bundle.mjs): run from a code cache, Node 20 loses a
    // script's import callback.
    cachedData,
  });
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;
  const saveCache = () => {
    if (file === null || (cachedData !== undefined && !script.cachedDataRejected)) return;
    try {
      writeAtomically(file, cacheFileBytes(script.createCachedData()));
      removeOthers(dirname(file), basename(file));
    } catch {
      // A read-only or full disk: the next run compiles from source, as this one did.
    }
  };
  /** What V8 was given: no cache, a cache it used, or one it rejected. */
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { exports: module.exports, saveCache, cache };
}

module.exports = { loadWithCodeCache, cacheDirectory, cacheFileName, nodeFlags };
