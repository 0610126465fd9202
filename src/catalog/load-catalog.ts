import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { parseCatalogFile, positionOf, type CatalogProblem } from './parse-file';
import { entrySchema, settingsSchema, type EntryFile } from './schema';
import type { CatalogSource } from './snapshot';

export const SETTINGS_FILE = 'catalog.yaml';
export const ENTRIES_DIR = 'entries';
const ENTRY_FILE = /^([a-z0-9-]+)\.ya?ml$/;
/** Entry files read and parsed between two turns of the event loop. */
const FILES_PER_TURN = 64;

/**
 * A file's identity on disk (inode, size, modification and change times in nanoseconds): any write
 * to the file, a rename over it or a copy in its place gives it another. The change time is set by
 * the system to the time of the change and cannot be set back by a tool (`touch -d`, `cp -p`, an
 * unpacked archive), so a file whose stamp is unchanged holds the same text.
 */
export type FileStamp = string;

/**
 * Files read by an earlier load, by their path in the catalog folder (`catalog.yaml`,
 * `entries/masks.yaml`): their stamp then and their validated value. A file whose stamp is the same
 * now is not read again.
 */
export type ReadFiles = ReadonlyMap<string, { stamp: FileStamp; value: unknown }>;

/**
 * A file changed this recently may change again within its file system's time resolution (a second
 * or two on some network and FAT file systems) without its stamp changing: it is read again at the
 * next load, as git does with its index.
 */
const SETTLED_MS = 2000;

function stampOf(path: string, now: number): FileStamp | null {
  const s = statSync(path, { bigint: true });
  const changed = Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1_000_000n);
  if (now - changed < SETTLED_MS) return null;
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Reads, parses and validates one file, unless `known` has its value under the same stamp. */
function readValidated<S extends z.ZodType>(
  dir: string,
  name: string,
  schema: S,
  known: ReadFiles | undefined,
  read: Map<string, { stamp: FileStamp; value: unknown }>,
  now: number,
): { parsed: ReturnType<typeof parseCatalogFile<S>>; source?: string } {
  const file = join(dir, name);
  const stamp = known ? stampOf(file, now) : null;
  const before = stamp === null ? undefined : known?.get(name);
  if (before && before.stamp === stamp) {
    read.set(name, before);
    return { parsed: { ok: true, value: before.value as z.output<S> } };
  }
  const source = readFileSync(file, 'utf8');
  const parsed = parseCatalogFile(file, source, schema);
  if (parsed.ok && stamp !== null) read.set(name, { stamp, value: parsed.value });
  return { parsed, source };
}

export type LoadResult =
  | {
      ok: true;
      source: CatalogSource;
      /** Every file of the catalog that had settled on disk, with its stamp and value, for the next load. */
      files: ReadFiles;
      /** How many files were taken from `known` instead of being read. */
      reused: number;
    }
  | { ok: false; problems: CatalogProblem[] };

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
 * restricted-goods entry). Reports every problem of every file at once. With `known` (the files of
 * an earlier load; an empty map the first time), every file is stamped for the next load, and a file
 * whose stamp has not changed keeps its value and is not read again.
 */
export async function loadCatalogSource(dir: string, options: { skipEntry?: string; known?: ReadFiles } = {}): Promise<LoadResult> {
  const problems: CatalogProblem[] = [];
  const { known } = options;
  const read = new Map<string, { stamp: FileStamp; value: unknown }>();
  const now = Date.now();
  let settings: ReturnType<typeof parseCatalogFile<typeof settingsSchema>>;
  try {
    settings = readValidated(dir, SETTINGS_FILE, settingsSchema, known, read, now).parsed;
  } catch (err) {
    return { ok: false, problems: [{ file: join(dir, SETTINGS_FILE), field: '', message: `cannot read: ${(err as Error).message}` }] };
  }
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
    const name = `${ENTRIES_DIR}/${names[i]}`;
    const file = join(dir, name);
    let parsed: ReturnType<typeof parseCatalogFile<typeof entrySchema>>;
    let source: string | undefined;
    try {
      ({ parsed, source } = readValidated(dir, name, entrySchema, known, read, now));
    } catch (err) {
      // Removed or made unreadable since the folder was listed.
      problems.push({ file, field: '', message: `cannot read: ${(err as Error).message}` });
      continue;
    }
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
  let reused = 0;
  for (const [name, file] of read) if (known?.get(name) === file) reused++;
  return { ok: true, source: { settings: settings.value, entries }, files: read, reused };
}
