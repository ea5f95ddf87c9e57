// The tool's version, recorded in every document (source.generator) and printed by --version, so
// that CI can pin the reportx that made an output. Read from package.json: one place to bump.
import { createRequire } from 'node:module';

// From src/model/ (vitest), dist/model/ and dist/bundle/ alike, the package root is two levels up.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export const VERSION: string = version;

/** source.generator: "reportx 0.1.0". */
export const GENERATOR = `reportx ${VERSION}`;
