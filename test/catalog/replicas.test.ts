import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { BUNDLED_CATALOG, declaration, OFFICER_TOKEN, OTHER_TOKEN, startTestService, type TestService } from '../support/service';

// Two replicas sharing one catalog folder and one history folder (versions, audit, lock), as behind a
// load balancer with a shared volume: an edit through one reaches the other, by watching or reloading.
const AN = { Authorization: `Bearer ${OFFICER_TOKEN}` };
const BINH = { Authorization: `Bearer ${OTHER_TOKEN}` };

let root: string;
let a: TestService;
let b: TestService;

async function startPair(watch: boolean): Promise<void> {
  root = await mkdtemp(join(tmpdir(), 'replicas-'));
  const catalogDir = join(root, 'catalog');
  await cp(BUNDLED_CATALOG, catalogDir, { recursive: true, filter: (src) => !src.includes('.history') });
  const env = { CATALOG_HISTORY_DIR: join(root, 'history'), CATALOG_WATCH: String(watch) };
  a = await startTestService({ catalogDir, env });
  b = await startTestService({ catalogDir, env });
}

async function stopPair(): Promise<void> {
  await a.cleanup();
  await b.cleanup();
  await rm(root, { recursive: true, force: true });
}

async function endMaskRule(on: TestService, auth: Record<string, string>, to: string) {
  const read = await request(on.app).get('/v1/admin/catalog/entries/medical-masks').set(auth);
  const entry = read.body;
  entry.rules[0].effective.to = to;
  return request(on.app)
    .put('/v1/admin/catalog/entries/medical-masks')
    .set({ ...auth, 'If-Match': read.headers.etag, 'X-Change-Reason': encodeURIComponent(`Kết thúc ngày ${to}`) })
    .send(entry);
}

async function until(done: () => boolean, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

const mask = (date: string) => declaration([{ description: 'Khẩu trang y tế 4 lớp' }], { date });
const withoutId = ({ screeningId: _id, ...rest }: Record<string, unknown>) => rest;

type Convergence = { watch: boolean; converge: (replica: TestService) => Promise<void> };
const WAYS: [string, Convergence][] = [
  ['the other replica watches the folder (CATALOG_WATCH=true)', { watch: true, converge: async () => until(() => b.store.current()!.version === a.store.current()!.version) }],
  ['the other replica is told to reload (store.reload, as on SIGHUP)', { watch: false, converge: async (r) => void (await r.store.reload('SIGHUP')) }],
  [
    'the other replica is told to reload through POST /v1/admin/catalog/reload',
    { watch: false, converge: async (r) => expect((await request(r.app).post('/v1/admin/catalog/reload').set(BINH)).status).toBe(200) },
  ],
];

describe.each(WAYS)('an edit through replica A, when %s', (_name, { watch, converge }) => {
  beforeEach(() => startPair(watch));
  afterEach(() => stopPair());

  it('B converges on the same catalog version and decides the same', async () => {
    const start = a.store.current()!.version;
    expect(b.store.current()!.version).toBe(start);

    const res = await endMaskRule(a, AN, '2020-03-01');
    expect(res.status).toBe(200);
    const edited = res.body.version;
    expect(edited).not.toBe(start);
    expect(a.store.current()!.version).toBe(edited);

    await converge(b);
    expect(b.store.current()!.version).toBe(edited);
    for (const date of ['2020-02-10', '2020-03-05']) {
      const [fromA, fromB] = await Promise.all([a, b].map((r) => request(r.app).post('/v1/screenings').send(mask(date))));
      expect(withoutId(fromB.body)).toEqual(withoutId(fromA.body));
      expect(fromB.body.catalog.version).toBe(edited);
    }
    expect((await request(b.app).post('/v1/screenings').send(mask('2020-03-05'))).body.decision).toBe('ACCEPT');

    // Both replicas replay the version before the edit: the archive is shared.
    const replay = await request(b.app).post(`/v1/screenings?catalogVersion=${start}`).send(mask('2020-03-05'));
    expect({ decision: replay.body.decision, version: replay.body.catalog.version }).toEqual({ decision: 'REJECT', version: start });

    // One change, one audit record: B reloading a version A published does not record it again.
    const { body } = await request(b.app).get('/v1/admin/catalog/audit').set(BINH);
    const about = body.records.filter((r: { toVersion: string }) => r.toVersion === edited);
    expect(about.map((r: Record<string, string>) => [r.action, r.actor])).toEqual([['update', 'Nguyễn Văn An']]);
    expect((await request(b.app).get('/readyz')).body.catalog).toMatchObject({ ready: true, version: edited });
  });
});

describe('without watching or reloading', () => {
  beforeEach(() => startPair(false));
  afterEach(() => stopPair());

  it('B keeps deciding with its snapshot until it reloads, and says which version decided', async () => {
    const start = b.store.current()!.version;
    const res = await endMaskRule(a, AN, '2020-03-01');
    expect(res.status).toBe(200);
    const stale = await request(b.app).post('/v1/screenings').send(mask('2020-03-05'));
    expect({ decision: stale.body.decision, version: stale.body.catalog.version }).toEqual({ decision: 'REJECT', version: start });
    // B can already screen with A's version on demand: it is in the shared archive.
    const pinned = await request(b.app).post(`/v1/screenings?catalogVersion=${res.body.version}`).send(mask('2020-03-05'));
    expect({ decision: pinned.body.decision, version: pinned.body.catalog.version }).toEqual({ decision: 'ACCEPT', version: res.body.version });
  });

  it('concurrent edits through both replicas on one ETag: one succeeds, the other gets 412', async () => {
    const read = await request(a.app).get('/v1/admin/catalog/entries/medical-masks').set(AN);
    const put = (r: TestService, auth: Record<string, string>, to: string) => {
      const entry = structuredClone(read.body);
      entry.rules[0].effective.to = to;
      return request(r.app)
        .put('/v1/admin/catalog/entries/medical-masks')
        .set({ ...auth, 'If-Match': read.headers.etag, 'X-Change-Reason': `end ${to}` })
        .send(entry);
    };
    const [fromA, fromB] = await Promise.all([put(a, AN, '2020-03-01'), put(b, BINH, '2020-04-01')]);
    expect([fromA.status, fromB.status].sort()).toEqual([200, 412]);
    const winner = fromA.status === 200 ? fromA : fromB;
    await Promise.all([a.store.reload('test'), b.store.reload('test')]);
    expect([a.store.current()!.version, b.store.current()!.version]).toEqual([winner.body.version, winner.body.version]);
  });
});
