import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseCatalogFile, positionOf, type CatalogProblem } from './parse-file';
import { entrySchema, settingsSchema, type EntryFile } from './schema';
import type { CatalogSource } from './snapshot';

export const SETTINGS_FILE = 'catalog.yaml';
export const ENTRIES_DIR = 'entries';
const ENTRY_FILE = /^([a-z0-9-]+)\.ya?ml$/;
/** Entry files read and parsed between two turns of the event loop. */
const FILES_PER_TURN = 64;

export type LoadResult = { ok: true; source: CatalogSource } | { ok: false; problems: CatalogProblem[] };

function idProblem(file: string, id: unknown, source?: string): CatalogProblem | null {
  const stem = basename(file).replace(/\.ya?ml$/, '');
  if (typeof id !== 'string' || id === stem) return null;
  return { file, ...(source ? positionOf(source, 'id') : {}), field: 'id', message: `id "${id}" must match the file name "${stem}"` };
}

/** Checks what no single file can (ids match file names and are unique), file by file in order. */
function crossChecker(): (file: string, entry: EntryFile, source?: string) => CatalogProblem[] {
  const seen = new Map<string, string>();
  return (file, entry, source) => {
    const problems: CatalogProblem[] = [];
    const wrongName = idProblem(file, entry.id, source);
    if (wrongName) problems.push(wrongName);
    const other = seen.get(entry.id);
    if (other) {
      problems.push({ file, ...(source ? positionOf(source, 'id') : {}), field: 'id', message: `id "${entry.id}" is already used by ${other}` });
    }
    seen.set(entry.id, file);
    return problems;
  };
}

/** Checks what no single file can: ids match file names and are unique. */
export function crossCheck(files: { file: string; entry: EntryFile; source?: string }[]): CatalogProblem[] {
  const check = crossChecker();
  return files.flatMap(({ file, entry, source }) => check(file, entry, source));
}

/**
 * Reads and validates a catalog folder: `catalog.yaml` (settings) and `entries/*.yaml` (one file per
 * restricted-goods entry). Reports every problem of every file at once.
 */
export async function loadCatalogSource(dir: string, options: { skipEntry?: string } = {}): Promise<LoadResult> {
  const problems: CatalogProblem[] = [];
  let settingsText: string;
  try {
    settingsText = await readFile(join(dir, SETTINGS_FILE), 'utf8');
  } catch (err) {
    return { ok: false, problems: [{ file: join(dir, SETTINGS_FILE), field: '', message: `cannot read: ${(err as Error).message}` }] };
  }
  const settings = parseCatalogFile(join(dir, SETTINGS_FILE), settingsText, settingsSchema);
  if (!settings.ok) problems.push(...settings.problems);

  let names: string[] = [];
  try {
    names = (await readdir(join(dir, ENTRIES_DIR)))
      .filter((n) => ENTRY_FILE.test(n) && ENTRY_FILE.exec(n)![1] !== options.skipEntry)
      .sort();
  } catch (err) {
    problems.push({ file: join(dir, ENTRIES_DIR), field: '', message: `cannot read: ${(err as Error).message}` });
  }
  if (names.length === 0 && problems.length === 0 && !options.skipEntry) {
    problems.push({ file: join(dir, ENTRIES_DIR), field: '', message: 'the catalog has no entries' });
  }
  // Files are read and parsed one after the other (a synchronous read of a small file costs a fraction of
  // an asynchronous one), giving the event loop a turn every few files so a reload never holds requests
  // for long; each file's text is dropped once it has been checked.
  const entries: EntryFile[] = [];
  const crossProblems: CatalogProblem[] = [];
  const check = crossChecker();
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && i % FILES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const file = join(dir, ENTRIES_DIR, names[i]);
    const source = readFileSync(file, 'utf8');
    const parsed = parseCatalogFile(file, source, entrySchema);
    if (parsed.ok) {
      crossProblems.push(...check(file, parsed.value, source));
      entries.push(parsed.value);
      continue;
    }
    problems.push(...parsed.problems);
    // Said now, not after the other problems are fixed.
    const wrongName = idProblem(file, (parsed.raw as { id?: unknown } | null)?.id, source);
    if (wrongName && !parsed.problems.some((p) => p.field === 'id')) problems.push(wrongName);
  }
  problems.push(...crossProblems);
  if (problems.length > 0 || !settings.ok) return { ok: false, problems };
  return { ok: true, source: { settings: settings.value, entries } };
}
