import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beginFileAtomic, removeFileDurably, writeFileAtomic } from './atomic-write';
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
   * Stores a version the caller knows is not stored yet (`has` said so), in two halves: its text is
   * written at once, and the returned promise settles once it is durable in place. The caller can build
   * the snapshot meanwhile, and must not publish the version before the promise has settled.
   */
  begin(version: string, source: CatalogSource): Promise<void> {
    if (!VERSION.test(version)) throw new Error(`not a catalog version: ${version}`);
    return beginFileAtomic(this.path(version), JSON.stringify({ version, source }));
  }

  /** Forgets a version stored by `begin` that was then never published. */
  async remove(version: string): Promise<void> {
    if (VERSION.test(version)) await removeFileDurably(this.path(version));
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
