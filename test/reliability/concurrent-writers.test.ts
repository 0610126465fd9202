import request from 'supertest';
import { OFFICER_TOKEN, startTestService, type TestService } from '../support/service';

// Twenty officers edit the same entry at once through two replicas sharing the catalog and history
// folders, each re-reading on 412: every edit lands, none overwrites another, one audit record each.
jest.setTimeout(120_000);

const WRITERS = 20;
const ENTRY = '/v1/admin/catalog/entries/medical-masks';
let replicas: TestService[] = [];

beforeAll(async () => {
  const first = await startTestService();
  const second = await startTestService({ catalogDir: first.config.catalogDir, env: { CATALOG_HISTORY_DIR: first.config.historyDir } });
  replicas = [first, second];
});
afterAll(async () => {
  for (const r of replicas.reverse()) await r.cleanup();
});

const tag = (w: number) => `[w${String(w).padStart(2, '0')}]`;

async function writer(w: number): Promise<{ attempts: number; statuses: number[] }> {
  const app = replicas[w % replicas.length].app;
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 200; attempt++) {
    const read = await request(app).get(ENTRY).set('Authorization', `Bearer ${OFFICER_TOKEN}`);
    if (read.status !== 200) throw new Error(`read ${read.status} ${read.text}`);
    const entry = read.body;
    entry.description = { ...entry.description, en: `${entry.description.en} ${tag(w)}` };
    const put = await request(app)
      .put(ENTRY)
      .set('Authorization', `Bearer ${OFFICER_TOKEN}`)
      .set('If-Match', read.headers.etag)
      .set('X-Change-Reason', `writer ${w}`)
      .send(entry);
    statuses.push(put.status);
    if (put.status === 200) return { attempts: attempt, statuses };
    if (put.status !== 412) throw new Error(`writer ${w}: ${put.status} ${put.text.slice(0, 300)}`);
  }
  throw new Error(`writer ${w} never got through`);
}

describe(`${WRITERS} concurrent writers with fresh ETags, retrying on 412`, () => {
  let results: { attempts: number; statuses: number[] }[];

  beforeAll(async () => {
    results = await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  });

  it('all get through, some after a 412, none with another error', () => {
    expect(results).toHaveLength(WRITERS);
    const statuses = new Set(results.flatMap((r) => r.statuses));
    expect([...statuses].sort()).toEqual(statuses.has(412) ? [200, 412] : [200]);
    expect(results.some((r) => r.attempts > 1)).toBe(true);
  });

  it('lose no update: the entry on disk carries every writer exactly once', async () => {
    const read = await request(replicas[0].app).get(ENTRY).set('Authorization', `Bearer ${OFFICER_TOKEN}`);
    const text: string = read.body.description.en;
    for (let w = 0; w < WRITERS; w++) expect({ w, times: text.split(tag(w)).length - 1 }).toEqual({ w, times: 1 });
  });

  it('audit one update per successful PUT, whichever replica took it', async () => {
    const records = await replicas[1].store.audit.list({ limit: 1000, entryId: 'medical-masks' });
    const updates = records.filter((r) => r.action === 'update');
    expect(updates.map((r) => r.reason).sort()).toEqual(Array.from({ length: WRITERS }, (_, w) => `writer ${w}`).sort());
    expect(new Set(updates.map((r) => r.toVersion)).size).toBe(WRITERS);
  });

  // fromVersion is the catalog on disk the edit was applied to, even on a replica that has not reloaded.
  it('chain the audit: each record starts from the version the one before it made', async () => {
    const records = await replicas[1].store.audit.list({ limit: 1000, entryId: 'medical-masks' });
    const chain = records.filter((r) => r.action === 'update').reverse();
    for (let i = 1; i < chain.length; i++) expect(chain[i].fromVersion).toBe(chain[i - 1].toVersion);
  });

  it('leave both replicas screening with a valid catalog', async () => {
    for (const r of replicas) {
      await r.store.reload('test');
      expect(r.store.status()).toMatchObject({ ready: true, lastReload: { ok: true } });
    }
    expect(replicas[0].store.current()?.version).toBe(replicas[1].store.current()?.version);
  });
});
