import { cp, mkdtemp, readdir, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as parseFile from '../../src/catalog/parse-file';
import { CatalogStore } from '../../src/catalog/catalog-store';
import { screenDeclaration } from '../../src/screening/screen-declaration';
import { BUNDLED_CATALOG } from '../support/service';

// A restart, a reload after a change, an edit: only the catalog files changed since the last load
// are read and validated again; every other file keeps its value, and the catalog in force is the
// one on disk.

/** A file written this recently is read at every load until it is older (file systems with coarse times). */
const SETTLE_MS = 2100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let work: string;
let pristine: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'read-files-'));
  pristine = join(work, 'pristine');
  await cp(BUNDLED_CATALOG, pristine, { recursive: true, filter: (src) => !src.includes('.history') });
  await sleep(SETTLE_MS);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

afterEach(() => {
  jest.restoreAllMocks();
});

let serial = 0;
/** A history folder and a catalog folder: the pristine copy itself (settled) unless `own` asks for a copy. */
async function dirs(own = false): Promise<{ catalogDir: string; historyDir: string }> {
  const base = join(work, `case-${++serial}`);
  const catalogDir = own ? join(base, 'catalog') : pristine;
  if (own) await cp(pristine, catalogDir, { recursive: true });
  return { catalogDir, historyDir: join(base, 'history') };
}

async function fileCount(catalogDir: string): Promise<number> {
  return (await readdir(join(catalogDir, 'entries'))).filter((n) => n.endsWith('.yaml')).length + 1;
}

function countParses(): jest.SpyInstance {
  return jest.spyOn(parseFile, 'parseCatalogFile');
}

const decide = (store: CatalogStore, description: string) =>
  screenDeclaration(
    { date: '2020-02-10', event: 'acceptance', origin: 'VN', destination: 'US', documents: [], items: [{ description }] },
    store.current()!,
  ).decision;

describe('files read by an earlier load', () => {
  it('a restart on the same history folder reads no file that did not change, and publishes the same version', async () => {
    const { catalogDir, historyDir } = await dirs();
    const first = new CatalogStore({ catalogDir, historyDir });
    const parses = countParses();
    const started = await first.reload('start');
    expect(parses).toHaveBeenCalledTimes(await fileCount(catalogDir));

    parses.mockClear();
    const restarted = new CatalogStore({ catalogDir, historyDir });
    const again = await restarted.reload('start');
    expect(parses).not.toHaveBeenCalled();
    expect(again).toEqual(started);
    expect(restarted.current()!.source).toEqual(first.current()!.source);
    expect(decide(restarted, 'Khẩu trang y tế 3 lớp')).toBe('REJECT');
    expect(decide(restarted, 'Mặt nạ dưỡng da')).toBe('ACCEPT');
  });

  it('a reload reads again only the file that changed, and the change is in force', async () => {
    const { catalogDir, historyDir } = await dirs(true);
    await sleep(SETTLE_MS);
    const store = new CatalogStore({ catalogDir, historyDir });
    await store.reload('start');
    const before = store.current()!.version;
    expect(decide(store, 'Bao tay chống nắng y tế')).not.toBe('ACCEPT');

    const file = join(catalogDir, 'entries', 'medical-gloves.yaml');
    const text = await readFile(file, 'utf8');
    // A new synonym for gloves, written by hand: the next reload must know it.
    expect(text).toContain('\n        găng tay y tế,\n');
    await writeFile(file, text.replace('\n        găng tay y tế,\n', '\n        găng tay y tế,\n        bít tất xanh phẫu thuật,\n'));
    const parses = countParses();
    const outcome = await store.reload('watch');
    expect(parses).toHaveBeenCalledTimes(1);
    expect(parses.mock.calls[0][0]).toBe(file);
    expect(outcome).toMatchObject({ ok: true, changed: true });
    expect(store.current()!.version).not.toBe(before);
    expect(decide(store, 'bít tất xanh phẫu thuật')).toBe('REJECT');

    // A restart now: the changed file was too recent to be trusted by its stamp, so it is read again.
    parses.mockClear();
    const restarted = new CatalogStore({ catalogDir, historyDir });
    await restarted.reload('start');
    expect(parses.mock.calls.map((c) => c[0])).toEqual([file]);
    expect(restarted.current()!.version).toBe(store.current()!.version);
  });

  it('a file rewritten with text of the same length and its old modification time put back is read again', async () => {
    const { catalogDir, historyDir } = await dirs(true);
    await sleep(SETTLE_MS);
    const store = new CatalogStore({ catalogDir, historyDir });
    await store.reload('start');
    const file = join(catalogDir, 'entries', 'medical-masks.yaml');
    const text = await readFile(file, 'utf8');
    const { mtime, size } = await stat(file);
    // A change of one letter keeps the length; the old time is set back as `cp -p` or an unpacked archive would.
    const changed = text.replace('en: Medical masks', 'en: Medical maskz');
    expect(changed).not.toBe(text);
    expect(Buffer.byteLength(changed)).toBe(size);
    await writeFile(file, changed);
    await utimes(file, mtime, mtime);
    const parses = countParses();
    const outcome = await store.reload('watch');
    expect(parses.mock.calls.map((c) => c[0])).toEqual([file]);
    expect(outcome).toMatchObject({ ok: true, changed: true });
    expect(store.current()!.entries.find((e) => e.id === 'medical-masks')!.names.en).toBe('Medical maskz');
  });

  it('files added and removed since the last load are seen at a restart', async () => {
    const { catalogDir, historyDir } = await dirs(true);
    await sleep(SETTLE_MS);
    await new CatalogStore({ catalogDir, historyDir }).reload('start');
    const gloves = join(catalogDir, 'entries', 'medical-gloves.yaml');
    const text = await readFile(gloves, 'utf8');
    await unlink(gloves);
    const restarted = new CatalogStore({ catalogDir, historyDir });
    await restarted.reload('start');
    expect(restarted.current()!.entries.map((e) => e.id)).not.toContain('medical-gloves');
    expect(decide(restarted, 'Găng tay y tế nitrile')).toBe('ACCEPT');

    await writeFile(gloves, text);
    const parses = countParses();
    await restarted.reload('watch');
    expect(parses.mock.calls.map((c) => c[0])).toEqual([gloves]);
    expect(decide(restarted, 'Găng tay y tế nitrile')).toBe('REJECT');
  });

  it.each([
    ['is not JSON', (text: string) => text.slice(0, 20)],
    ['was written by another build of the loader', (text: string) => text.replace(/"code":"[0-9a-f]+"/, '"code":"0000000000000000"')],
    ['names a version the archive does not hold', (text: string) => text.replace(/"version":"[0-9a-f]+"/, '"version":"ffffffffffffffff"')],
    ['is of another catalog folder', (text: string) => text.replace(/"catalogDir":"[^"]+"/, '"catalogDir":"/elsewhere"')],
  ])('a record of the files that %s is not used: every file is read', async (_name, spoil) => {
    const { catalogDir, historyDir } = await dirs();
    await new CatalogStore({ catalogDir, historyDir }).reload('start');
    const record = join(historyDir, 'read-files.json');
    await writeFile(record, spoil(await readFile(record, 'utf8')));
    const parses = countParses();
    const restarted = new CatalogStore({ catalogDir, historyDir });
    const outcome = await restarted.reload('start');
    expect(outcome.ok).toBe(true);
    expect(parses).toHaveBeenCalledTimes(await fileCount(catalogDir));
    expect(decide(restarted, 'Khẩu trang y tế 3 lớp')).toBe('REJECT');
  });

  it('files written less than two seconds before a load are read again at the next one', async () => {
    const { catalogDir, historyDir } = await dirs(true);
    // Not settled: the copy was just made.
    const store = new CatalogStore({ catalogDir, historyDir });
    await store.reload('start');
    const parses = countParses();
    await store.reload('watch');
    expect(parses).toHaveBeenCalledTimes(await fileCount(catalogDir));
  });
});
