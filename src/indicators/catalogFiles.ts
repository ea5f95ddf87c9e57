// Reading catalogue files. The bundled catalogue (catalog/*.yaml) is compiled to JSON at build
// time (scripts/compile-catalog.mjs: parsed and validated there), so a start-up reads one JSON
// file and never loads the YAML parser; only a user's --catalog FILE is parsed as YAML here.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogFileProblems, catalogFileSchema, type CatalogFile } from './catalogSchema.js';
import { type Catalog, CatalogError, compileCatalog } from './compileCatalog.js';

/** Where the build writes the bundled catalogue; the same from dist/indicators/, dist/bundle/ and src/indicators/. */
const COMPILED = new URL('../../dist/catalog.json', import.meta.url);
/** The catalogue's source folder, read when no build has compiled it (tests run from src/). */
export const CATALOG_DIR = fileURLToPath(new URL('../../catalog/', import.meta.url));

/** One catalogue file's text (YAML, or JSON, which is YAML too) → its checked content. */
export function parseCatalogText(text: string, name: string): CatalogFile {
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new CatalogError(`${name}: not YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const checked = catalogFileSchema.safeParse(data);
  if (!checked.success) throw new CatalogError(`${name}: ${catalogFileProblems(checked.error).join(`\n${name}: `)}`);
  return checked.data;
}

export function readCatalogFile(path: string): CatalogFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CatalogError(
      `${path}: cannot read catalogue: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  return parseCatalogText(text, path);
}

/** The catalogue's source files (catalog/*.yaml), parsed and checked, in name order. */
export function readCatalogSources(dir = CATALOG_DIR): CatalogFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readCatalogFile(join(dir, f)));
}

let bundledFiles: CatalogFile[] | null = null;

/** The bundled catalogue's files: the build's JSON, else (no build yet) the YAML sources. */
export function bundledCatalogFiles(): CatalogFile[] {
  if (!bundledFiles) {
    try {
      bundledFiles = JSON.parse(readFileSync(COMPILED, 'utf8')) as CatalogFile[];
    } catch {
      bundledFiles = readCatalogSources();
    }
  }
  return bundledFiles;
}

const compiled = new Map<string, Catalog>();

/** The bundled catalogue with the user's files over it (later files override earlier ones by key), compiled once per list. */
export function loadCatalog(userFiles: readonly string[] = []): Catalog {
  const id = JSON.stringify(userFiles);
  let catalog = compiled.get(id);
  if (!catalog) {
    catalog = compileCatalog([...bundledCatalogFiles(), ...userFiles.map(readCatalogFile)]);
    compiled.set(id, catalog);
  }
  return catalog;
}
