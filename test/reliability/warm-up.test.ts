import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogSource } from '../../src/catalog/load-catalog';
import { EntryEditor } from '../../src/catalog/entry-editor';
import { buildSnapshot, type CatalogSnapshot } from '../../src/catalog/snapshot';
import { screenDeclaration } from '../../src/screening/screen-declaration';
import { warmUp, warmUpDeclarations } from '../../src/warm-up';
import { BUNDLED_CATALOG, startTestService, type TestService } from '../support/service';

const LIMITS = { items: 250, descriptionLength: 500 };
const now = () => new Date('2020-02-10T03:00:00Z');

async function bundledSnapshot(): Promise<CatalogSnapshot> {
  const loaded = await loadCatalogSource(BUNDLED_CATALOG);
  if (!loaded.ok) throw new Error('the bundled catalog does not load');
  return buildSnapshot(loaded.source, new Date());
}

// One bundled snapshot for the tests that only read it; the test of decisions builds its own two.
let snapshot: CatalogSnapshot;
beforeAll(async () => {
  snapshot = await bundledSnapshot();
});

const goldenCount = async (dir: string) => (await readFile(join(dir, 'golden.jsonl'), 'utf8')).split('\n').filter((l) => l.trim()).length;

describe('the declarations a snapshot is warmed up with', () => {
  it('are the golden decisions, then every entry example not already among them', async () => {
    const all = await warmUpDeclarations(snapshot, BUNDLED_CATALOG, 100_000);
    const golden = await goldenCount(BUNDLED_CATALOG);
    const examples = snapshot.source.entries.flatMap((e) => [...e.examples.reject, ...e.examples.review, ...e.examples.accept]);
    expect(all.length).toBeGreaterThan(golden * 0.9);
    expect(all.length).toBeLessThanOrEqual(golden + examples.length);
    const first = JSON.parse((await readFile(join(BUNDLED_CATALOG, 'golden.jsonl'), 'utf8')).split('\n')[0]);
    expect(all[0].items[0].description).toBe(first.description);
    expect(all[0].date).toBe(first.date);
    const described = new Set(all.map((d) => d.items[0].description));
    for (const x of examples) expect(described.has(typeof x === 'string' ? x : x.description)).toBe(true);
  });

  it('are at most the number asked, taken evenly through the list', async () => {
    const all = await warmUpDeclarations(snapshot, BUNDLED_CATALOG, 100_000);
    const ten = await warmUpDeclarations(snapshot, BUNDLED_CATALOG, 10);
    expect(ten).toHaveLength(10);
    expect(ten[0]).toEqual(all[0]);
    expect(ten[9]).toEqual(all[Math.floor((9 * all.length) / 10)]);
  });

  it('are the examples alone when the folder has no golden file, and skip a golden line that does not parse', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'warm-up-'));
    try {
      const none = await warmUpDeclarations(snapshot, dir, 100_000);
      expect(none.length).toBeGreaterThan(10);
      expect(none.length).toBeLessThan(200);
      await writeFile(join(dir, 'golden.jsonl'), '{"description": "Găng tay y tế", "expect": "REJECT"}\nnot json\n{"description": "", "expect": "ACCEPT"}\n');
      const withGolden = await warmUpDeclarations(snapshot, dir, 100_000);
      expect(withGolden).toHaveLength(none.length + 1);
      expect(withGolden[0].items[0].description).toBe('Găng tay y tế');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('warming up a snapshot', () => {
  it('screens every golden decision and example of the bundled catalog as a request would, none failing', async () => {
    const declarations = await warmUpDeclarations(snapshot, BUNDLED_CATALOG, 100_000);
    const outcome = await warmUp(snapshot, declarations, { limits: LIMITS, now, current: () => true });
    expect(outcome).toMatchObject({ version: snapshot.version, screened: declarations.length, of: declarations.length, failed: [], finished: true });
  });

  it('reports a declaration that a request would be refused for, and goes on', async () => {
    const declarations = await warmUpDeclarations(snapshot, BUNDLED_CATALOG, 3);
    const bad = { ...declarations[1], items: [{ description: 'Găng tay', hsCode: '12' }] };
    const outcome = await warmUp(snapshot, [declarations[0], bad, declarations[2]], { limits: LIMITS, now, current: () => true });
    expect(outcome.screened).toBe(3);
    expect(outcome.failed).toEqual([{ description: 'Găng tay', error: expect.stringContaining('hsCode') }]);
  });

  it('gives the event loop a turn between slices, and stops when the snapshot is no longer current', async () => {
    const declarations = await warmUpDeclarations(snapshot, BUNDLED_CATALOG, 50);
    let checks = 0;
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    // A slice of 0 ms screens one declaration per turn; the fourth look finds the snapshot replaced.
    const outcome = await warmUp(snapshot, declarations, { limits: LIMITS, now, current: () => ++checks <= 3, sliceMs: 0 }).finally(() => clearInterval(ticker));
    expect(outcome).toMatchObject({ screened: 3, of: 50, finished: false });
    expect(checks).toBe(4);
    expect(turns).toBeGreaterThanOrEqual(1);
  });

  it('changes no decision: a warmed-up snapshot and a cold one decide every golden line alike', async () => {
    const warm = await bundledSnapshot();
    const declarations = await warmUpDeclarations(warm, BUNDLED_CATALOG, 100_000);
    await warmUp(warm, declarations.slice(0, Math.floor(declarations.length / 2)), { limits: LIMITS, now, current: () => true });
    const cold = await bundledSnapshot();
    const decide = (s: CatalogSnapshot) => declarations.map((d) => screenDeclaration(d, s).items.map((i) => [i.decision, i.matches.map((m) => m.entryId)]));
    expect(decide(warm)).toEqual(decide(cold));
  });
});

describe('the service warming up', () => {
  let service: TestService;
  afterEach(async () => {
    await service?.cleanup();
  });

  it('warms up the snapshot it starts with in the background, leaving the analysis cache and the metrics to real traffic', async () => {
    service = await startTestService({ env: { WARM_UP_DECLARATIONS: '1000' } });
    const outcome = await service.warmedUp();
    expect(outcome).toMatchObject({ version: service.store.current()!.version, failed: [], finished: true });
    expect(outcome!.screened).toBe(outcome!.of);
    expect(outcome!.screened).toBeGreaterThan(500);
    expect(service.cache.stats()).toEqual({ hits: 0, misses: 0, keys: 0 });
    const metrics = await service.metrics.registry.metrics();
    expect(metrics).not.toMatch(/^screening_items_total\{[^}]*\} [1-9]/m);
  });

  it('warms up each new snapshot: one published by an edit', async () => {
    service = await startTestService({ env: { WARM_UP_DECLARATIONS: '100' } });
    const first = await service.warmedUp();
    const editor = new EntryEditor(service.store);
    const current = (await editor.get('medical-gloves'))!;
    const entry = { ...current.entry, names: { ...current.entry.names, en: `${current.entry.names.en} (edited)` } };
    const result = await editor.put({ id: 'medical-gloves', actor: 'test', reason: 'a new name', ifMatch: current.etag }, entry);
    const second = await service.warmedUp();
    expect(second).toMatchObject({ version: result.version, screened: 100, finished: true });
    expect(second!.version).not.toBe(first!.version);
  });

  it('warms up nothing when WARM_UP_DECLARATIONS is 0', async () => {
    service = await startTestService({ env: { WARM_UP_DECLARATIONS: '0' } });
    await expect(service.warmedUp()).resolves.toBeNull();
  });

  it('stops warming up when the service closes', async () => {
    // 20,000 golden lines take seconds to warm up: closing right after the start stops them early.
    const dir = await mkdtemp(join(tmpdir(), 'warm-up-long-'));
    await cp(BUNDLED_CATALOG, dir, { recursive: true, filter: (src) => !src.includes('.history') });
    const lines = Array.from({ length: 20_000 }, (_, k) => JSON.stringify({ description: `Khẩu trang vải ${k} cái`, expect: 'REVIEW' }));
    await writeFile(join(dir, 'golden.jsonl'), `${lines.join('\n')}\n`);
    try {
      service = await startTestService({ catalogDir: dir, env: { WARM_UP_DECLARATIONS: '100000' } });
      service.close();
      const outcome = await service.warmedUp();
      expect(outcome!.of).toBeGreaterThanOrEqual(20_000);
      expect(outcome!.finished).toBe(false);
      expect(outcome!.screened).toBeLessThan(outcome!.of);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
