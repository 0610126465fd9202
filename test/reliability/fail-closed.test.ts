import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { AnalysisCache } from '../../src/catalog/analysis-cache';
import { createApp } from '../../src/http/app';
import { EntryEditor } from '../../src/catalog/entry-editor';
import { declaration, OFFICER_TOKEN, startTestService, type TestService } from '../support/service';
import { capturedLogger } from './support/log-capture';

// Fail closed: no valid catalog, no ACCEPT; a catalog broken later leaves the last good one in force;
// an unexpected error is a 500 problem without internals, logged with the request id, never a decision.
const MASK = { description: 'Khẩu trang y tế 4 lớp', hsCode: '6307.90.40' };
const HARMLESS = { description: 'Áo thun cotton' };
const screen = (t: TestService, body: object, path = '/v1/screenings') => request(t.app).post(path).send(body);

function expectProblem(res: request.Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), requestId: res.headers['x-request-id'] });
  expect(res.body.decision).toBeUndefined();
}

describe('without a valid catalog at start', () => {
  const cases: [string, (dir: string) => Promise<void>][] = [
    ['an empty catalog folder', async () => undefined],
    ['settings but no entries', async (dir) => {
      await writeFile(join(dir, 'catalog.yaml'), 'jurisdiction: { country: VN, timeZone: Asia/Ho_Chi_Minh }\n');
      await mkdir(join(dir, 'entries'));
    }],
    ['every file broken', async (dir) => {
      await writeFile(join(dir, 'catalog.yaml'), 'jurisdiction: [unclosed\n');
      await mkdir(join(dir, 'entries'));
      await writeFile(join(dir, 'entries', 'medical-masks.yaml'), 'id: medical-masks\nnames: 5\n');
    }],
  ];
  it.each(cases)('%s: not ready, 503 for every screening, never an ACCEPT', async (_name, arrange) => {
    const dir = await mkdtemp(join(tmpdir(), 'screening-empty-'));
    await arrange(dir);
    const t = await startTestService({ catalogDir: dir });
    try {
      const ready = await request(t.app).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'not-ready', catalog: { ready: false, version: null, lastReload: { ok: false } } });
      expect(ready.body.catalog.lastReload.problems.length).toBeGreaterThan(0);
      expect((await request(t.app).get('/healthz')).status).toBe(200);
      for (const items of [[HARMLESS], [MASK], [HARMLESS, MASK]]) {
        expectProblem(await screen(t, declaration(items)), 503);
        expectProblem(await screen(t, { declarations: [declaration(items)] }, '/v1/screenings/batch'), 503);
      }
      expectProblem(await request(t.app).get('/v1/catalog'), 503);
      expect((await request(t.app).get('/metrics')).text).toMatch(/^catalog_ready 0$/m);
    } finally {
      await t.cleanup();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('every catalog file broken while it runs', () => {
  let t: TestService;
  let goodVersion: string;

  beforeAll(async () => {
    t = await startTestService();
    goodVersion = t.store.current()!.version;
    const entries = join(t.config.catalogDir, 'entries');
    await writeFile(join(t.config.catalogDir, 'catalog.yaml'), 'scoring: {{{ not yaml\n');
    for (const name of await readdir(entries)) await writeFile(join(entries, name), `id: ${name}\nrules: "broken"\n`);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('refuses the reload an officer asks for, naming the problems', async () => {
    const res = await request(t.app).post('/v1/admin/catalog/reload').set('Authorization', `Bearer ${OFFICER_TOKEN}`);
    expect(res.status).toBe(409);
    expect(res.body.problems.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a SIGHUP-style reload too', async () => {
    expect(await t.store.reload('SIGHUP')).toMatchObject({ ok: false });
  });

  it('still REJECTs a medical mask with the last good catalog', async () => {
    const res = await screen(t, declaration([MASK]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decision: 'REJECT', catalog: { version: goodVersion }, items: [{ matches: [{ entryId: 'medical-masks' }] }] });
  });

  it('stays ready and says on /readyz what is wrong', async () => {
    const res = await request(t.app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.catalog).toMatchObject({ ready: true, version: goodVersion, lastReload: { ok: false, trigger: 'SIGHUP' } });
    const files = res.body.catalog.lastReload.problems.map((p: { file: string }) => p.file).join(' ');
    for (const f of ['catalog.yaml', 'medical-masks.yaml', 'medical-gloves.yaml', 'disinfectants.yaml']) expect(files).toContain(f);
  });

  it('counts the failed reloads in /metrics', async () => {
    const text = (await request(t.app).get('/metrics')).text;
    expect(text).toMatch(/^catalog_reload_failures_total 2$/m);
    expect(text).toContain(`catalog_info{version="${goodVersion}"} 1`);
  });

  it('refuses an edit on top of the broken files, writing nothing', async () => {
    const editor = new EntryEditor(t.store);
    await expect(editor.put({ id: 'medical-masks', actor: 'x', reason: 'r', ifMatch: '*' }, {})).rejects.toMatchObject({ rejection: { kind: expect.stringMatching(/invalid|catalog-broken|precondition-failed/) } });
    expect(t.store.current()!.version).toBe(goodVersion);
  });
});

describe('every catalog file broken under a watching service', () => {
  it('notices by itself, keeps the last good catalog and still REJECTs the mask', async () => {
    const t = await startTestService({ env: { CATALOG_WATCH: 'true' } });
    try {
      const good = t.store.current()!.version;
      await writeFile(join(t.config.catalogDir, 'catalog.yaml'), '{{{');
      for (const name of await readdir(join(t.config.catalogDir, 'entries'))) await writeFile(join(t.config.catalogDir, 'entries', name), '- [');
      const deadline = Date.now() + 10_000;
      while (t.store.status().lastReload?.trigger !== 'watch' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(t.store.status()).toMatchObject({ ready: true, version: good, lastReload: { trigger: 'watch', ok: false } });
      const res = await screen(t, declaration([MASK]));
      expect(res.body).toMatchObject({ decision: 'REJECT', catalog: { version: good } });
    } finally {
      await t.cleanup();
    }
  });
});

describe('an unexpected error', () => {
  let t: TestService;
  const log = capturedLogger('info');
  let app: ReturnType<typeof createApp>;
  const secret = 'analyzer exploded at /srv/secret/path.ts:42';

  beforeAll(async () => {
    t = await startTestService();
    const throwing = { analyzerFor: () => () => { throw new Error(secret); }, stats: () => t.cache.stats(), close() {} } as unknown as AnalysisCache;
    app = createApp({ config: t.config, store: t.store, editor: new EntryEditor(t.store), cache: throwing, metrics: t.metrics, logger: log.logger });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('answers a 500 problem without internals, never a decision', async () => {
    for (const items of [[HARMLESS], [MASK]]) {
      const res = await request(app).post('/v1/screenings').set('X-Request-Id', 'counter-7.req-42').send(declaration(items));
      expectProblem(res, 500);
      expect(res.headers['x-request-id']).toBe('counter-7.req-42');
      expect(res.text).not.toMatch(/exploded|secret|\.ts|at [A-Za-z]+ \(/);
    }
  });

  it('logs the error with the request id, and not the declaration', async () => {
    const errors = log.lines().filter((l) => l.level === 50);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => l.requestId === 'counter-7.req-42')).toBe(true);
    expect(log.text()).toContain('exploded');
    expect(log.text()).not.toMatch(/Khẩu trang|Áo thun/);
  });
});
