import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginFileAtomic } from '../../src/catalog/atomic-write';
import { CatalogStore } from '../../src/catalog/catalog-store';
import * as snapshotModule from '../../src/catalog/snapshot';
import { BUNDLED_CATALOG } from '../bench/catalog-generator';

// A reload writes the version archive while it builds the snapshot: the version must still be on
// disk, whole and in the archive's format, before anything can answer under it.

describe('the version archive on reload', () => {
  let dir: string;
  let catalogDir: string;
  let historyDir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'archive-reload-'));
    catalogDir = join(dir, 'catalog');
    historyDir = join(dir, 'history');
    await cp(BUNDLED_CATALOG, catalogDir, { recursive: true, filter: (src) => !src.includes('.history') });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes a version only once the archive holds it on disk', async () => {
    const store = new CatalogStore({ catalogDir, historyDir });
    const begin = store.archive.begin.bind(store.archive);
    const seen: { published: boolean; onDisk: boolean }[] = [];
    jest.spyOn(store.archive, 'begin').mockImplementation((version, source) => {
      const pending = begin(version, source);
      return {
        ...pending,
        async commit() {
          // The disk is slow today: the snapshot is long built by now.
          await new Promise((r) => setTimeout(r, 50));
          seen.push({ published: store.current() !== null, onDisk: await store.archive.has(version) });
          await pending.commit();
          seen.push({ published: store.current() !== null, onDisk: await store.archive.has(version) });
        },
      };
    });
    const outcome = await store.reload('start');
    expect(outcome).toMatchObject({ ok: true, changed: true });
    // Written meanwhile, but in place only once the snapshot was built, and before it was published.
    expect(seen).toEqual([{ published: false, onDisk: false }, { published: false, onDisk: true }]);
    const version = store.current()!.version;
    const text = await readFile(join(historyDir, 'versions', `${version}.json`), 'utf8');
    expect(text).toBe(JSON.stringify({ version, source: store.current()!.source }));
    expect(await store.archive.get(version)).toEqual(store.current()!.source);
    expect((await readdir(join(historyDir, 'versions'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await store.audit.list()).toHaveLength(1);
    store.close();
  });

  it('keeps no version whose snapshot could not be built, and audits nothing', async () => {
    const store = new CatalogStore({ catalogDir, historyDir });
    jest.spyOn(snapshotModule, 'buildSnapshot').mockImplementation(() => {
      throw new Error('no snapshot today');
    });
    await expect(store.reload('start')).rejects.toThrow('no snapshot today');
    expect(store.current()).toBeNull();
    expect(await readdir(join(historyDir, 'versions')).catch(() => [])).toEqual([]);
    expect(await store.audit.list()).toEqual([]);
    store.close();
  });

  it('a process that dies while building leaves no version in place: the next start archives and audits it', async () => {
    const dying = new CatalogStore({ catalogDir, historyDir });
    const begin = dying.archive.begin.bind(dying.archive);
    let written: Promise<void> | undefined;
    jest.spyOn(dying.archive, 'begin').mockImplementation((version, source) => {
      const pending = begin(version, source);
      written = pending.written;
      // Killed in the middle of the build: nothing is cleaned up after it.
      return { ...pending, abort: async () => {} };
    });
    jest.spyOn(snapshotModule, 'buildSnapshot').mockImplementationOnce(() => {
      throw new Error('killed');
    });
    await dying.reload('start').catch(() => undefined);
    await written;
    dying.close();
    jest.restoreAllMocks();
    const next = new CatalogStore({ catalogDir, historyDir });
    expect(await next.reload('start')).toMatchObject({ ok: true, changed: true });
    expect(await next.audit.list()).toHaveLength(1);
    next.close();
  });

  it('does not write a version the archive already holds', async () => {
    const first = new CatalogStore({ catalogDir, historyDir });
    await first.reload('start');
    first.close();
    const second = new CatalogStore({ catalogDir, historyDir });
    const begin = jest.spyOn(second.archive, 'begin');
    expect(await second.reload('start')).toMatchObject({ ok: true, changed: true });
    expect(begin).not.toHaveBeenCalled();
    expect(await second.audit.list()).toHaveLength(1);
    second.close();
  });
});

describe('beginFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'begin-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces the target whole on commit, leaving no temporary file', async () => {
    const target = join(dir, 'deep', 'file.json');
    await beginFileAtomic(target, 'first').commit();
    const pending = beginFileAtomic(target, 'second, longer');
    await pending.written;
    expect(await readFile(target, 'utf8')).toBe('first');
    await pending.commit();
    expect(await readFile(target, 'utf8')).toBe('second, longer');
    expect(await readdir(join(dir, 'deep'))).toEqual(['file.json']);
  });

  it('abort throws the written text away and leaves the target as it was', async () => {
    const target = join(dir, 'file.json');
    await beginFileAtomic(target, 'kept').commit();
    await beginFileAtomic(target, 'dropped').abort();
    expect(await readFile(target, 'utf8')).toBe('kept');
    expect(await readdir(dir)).toEqual(['file.json']);
  });

  it('throws at once when the file cannot be created', async () => {
    await writeFile(join(dir, 'a-file'), 'not a folder');
    expect(() => beginFileAtomic(join(dir, 'a-file', 'x.json'), 'text')).toThrow();
  });
});
