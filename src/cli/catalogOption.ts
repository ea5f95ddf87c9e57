// The --catalog FILE option shared by parse, table, check and catalog: repeatable, each file read
// over the bundled catalogue in the order given. The files are loaded here once, in the main
// thread, so a bad file is a usage error before any report is parsed; workers load them again
// by path (parseWorker.ts).
import { resolve } from 'node:path';
import { loadCatalog } from '../indicators/catalogFiles.js';
import { type Catalog, CatalogError } from '../indicators/compileCatalog.js';
import { UsageError } from './exitCodes.js';

export const CATALOG_FLAGS = '--catalog <file>';
export const CATALOG_HELP =
  'read indicator catalogue FILE (YAML, docs/catalog.md) over the bundled one: its entries add to or replace those with the same key; repeatable';

export const collectCatalog = (file: string, files: string[] = []): string[] => [...files, file];

/** The option's files as absolute paths (a worker resolves them alike), checked by loading them. */
export function catalogFilesOption(files: string[] | undefined): { files: string[]; catalog: Catalog } {
  const absolute = (files ?? []).map((f) => resolve(f));
  try {
    return { files: absolute, catalog: loadCatalog(absolute) };
  } catch (err) {
    if (err instanceof CatalogError) throw new UsageError(`--catalog: ${err.message}`);
    throw err;
  }
}
