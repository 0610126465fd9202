import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { ENTRIES_DIR, SETTINGS_FILE, type FileStamp, type ReadFiles } from './load-catalog';
import type { VersionArchive } from './version-archive';

/** Files of an earlier load and the catalog version they made. */
export type KnownFiles = { version: string; files: ReadFiles };

type Record = { format: number; code: string; catalogDir: string; version: string; stamps: { [name: string]: FileStamp } };

const FORMAT = 1;
const FILE = 'read-files.json';

function packageVersion(name: string): string {
  try {
    let dir = dirname(require.resolve(name));
    while (dir !== dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) {
        const data = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (data.name === name) return `${name}@${data.version}`;
      }
      dir = dirname(dir);
    }
  } catch {
    // Not installed where this module can see it: the version counts as unknown.
  }
  return `${name}@?`;
}

let codeHash: string | undefined;

/**
 * What a file's validated value depends on besides its text: the loader's own code and the versions
 * of the libraries that parse and validate. Another build of the service reads every file again.
 */
function loaderCode(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  for (const module of ['./load-catalog', './parse-file', './schema', './yaml-lib']) hash.update(readFileSync(require.resolve(module)));
  for (const name of ['zod', 'js-yaml', 'yaml']) hash.update(packageVersion(name));
  return (codeHash = hash.digest('hex').slice(0, 16));
}

/**
 * What the last load of a catalog folder read, kept in the history folder: each file's stamp and the
 * version the files made, whose content the version archive holds. A restart then reads and
 * validates only the files that changed since: at 10,000 entries, parsing is half of a start.
 */
export class ReadFilesRecord {
  private readonly path: string;
  private readonly catalogDir: string;

  constructor(historyDir: string, catalogDir: string, private readonly archive: VersionArchive) {
    this.path = join(historyDir, FILE);
    this.catalogDir = resolve(catalogDir);
  }

  /** The files of the last load, their values taken from the archived version; null when there is none to trust. */
  async recall(): Promise<KnownFiles | null> {
    let record: Record;
    try {
      record = JSON.parse(await readFile(this.path, 'utf8')) as Record;
    } catch {
      return null;
    }
    if (record?.format !== FORMAT || record.code !== loaderCode() || record.catalogDir !== this.catalogDir || typeof record.stamps !== 'object') return null;
    const source = await this.archive.get(record.version);
    if (!source) return null;
    const byId = new Map(source.entries.map((e) => [e.id, e]));
    const files = new Map<string, { stamp: FileStamp; value: unknown }>();
    for (const [name, stamp] of Object.entries(record.stamps)) {
      if (typeof stamp !== 'string') continue;
      if (name === SETTINGS_FILE) files.set(name, { stamp, value: source.settings });
      else if (name.startsWith(`${ENTRIES_DIR}/`)) {
        const entry = byId.get(basename(name).replace(/\.ya?ml$/, ''));
        if (entry) files.set(name, { stamp, value: entry });
      }
    }
    return { version: record.version, files };
  }

  /** Records the files of a load whose version is archived. */
  async keep(known: KnownFiles): Promise<void> {
    const record: Record = {
      format: FORMAT,
      code: loaderCode(),
      catalogDir: this.catalogDir,
      version: known.version,
      stamps: Object.fromEntries([...known.files].map(([name, f]) => [name, f.stamp])),
    };
    await writeFileAtomic(this.path, JSON.stringify(record));
  }
}
