import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beginFileAtomic, type PendingFile, writeFileAtomic } from './atomic-write';
import type { CatalogSource } from './snapshot';

const VERSION = /^[0-9a-f]{16}$/;

/** Every published catalog version, kept by its content version so past decisions can be replayed. */
export class VersionArchive {
  constructor(private readonly dir: string) {}

  private path(version: string): string {
    return join(this.dir, 'versions', `${version}.json`);
  }

  async has(version: string): Promise<boolean> {
    if (!VERSION.test(version)) return false;
    return stat(this.path(version)).then(() => true, () => false);
  }

  /** Stores a version once; the same content always has the same version, so it is never rewritten. */
  async put(version: string, source: CatalogSource): Promise<void> {
    if (await this.has(version)) return;
    await writeFileAtomic(this.path(version), JSON.stringify({ version, source }));
  }

  /**
   * Starts storing a version the caller knows is not stored yet (`has` said so): its text is written
   * at once, under a temporary name, while the caller builds the snapshot; `commit` puts it in place
   * once the snapshot is built, `abort` throws it away when it cannot be. A version is only ever in
   * place when it was published (or about to be).
   */
  begin(version: string, source: CatalogSource): PendingFile {
    if (!VERSION.test(version)) throw new Error(`not a catalog version: ${version}`);
    return beginFileAtomic(this.path(version), JSON.stringify({ version, source }));
  }

  async get(version: string): Promise<CatalogSource | null> {
    if (!VERSION.test(version)) return null;
    try {
      const data = JSON.parse(await readFile(this.path(version), 'utf8')) as { version: string; source: CatalogSource };
      return data.version === version ? data.source : null;
    } catch {
      return null;
    }
  }
}
