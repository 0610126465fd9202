import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { BUNDLED_CATALOG, declaration, startTestService, type TestService } from '../support/service';

// Health, readiness and the catalog as counter software and clerks read it; fail closed without one.
describe('with the bundled catalog', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.cleanup();
  });

  it('/healthz: the process answers', async () => {
    const res = await request(service.app).get('/healthz');
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('/readyz: a valid catalog is loaded, with its version', async () => {
    const res = await request(service.app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', catalog: { ready: true, version: service.store.current()!.version, lastReload: { ok: true, problems: [] } } });
  });

  it('GET /v1/catalog: version, jurisdiction and the three entries with their rules and windows', async () => {
    const res = await request(service.app).get('/v1/catalog');
    expect(res.status).toBe(200);
    expect(res.body.version).toMatch(/^[0-9a-f]{16}$/);
    expect(res.body.jurisdiction).toMatchObject({ country: 'VN', timeZone: 'Asia/Ho_Chi_Minh' });
    const ids = res.body.entries.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['medical-masks', 'disinfectants', 'medical-gloves']));
    for (const id of ['medical-masks', 'disinfectants', 'medical-gloves']) {
      const entry = res.body.entries.find((e: { id: string }) => e.id === id);
      expect(Object.keys(entry.names).sort()).toEqual(['en', 'fr', 'vi']);
      expect(entry.rules).toContainEqual(
        expect.objectContaining({
          id: 'vn-outbound-suspension-2020',
          action: 'reject',
          effective: { from: '2020-02-01', to: null },
          scope: expect.objectContaining({ events: ['acceptance', 'dispatch'] }),
          legalBasis: expect.arrayContaining([expect.objectContaining({ number: '05/CT-BTTTT', date: '2020-02-02' })]),
        }),
      );
      expect(entry.hsCodes.length).toBeGreaterThan(0);
    }
  });

  it('the catalog version is the one screenings report', async () => {
    const [catalog, screening] = await Promise.all([
      request(service.app).get('/v1/catalog'),
      request(service.app).post('/v1/screenings').send(declaration([{ description: 'Áo thun' }])),
    ]);
    expect(screening.body.catalog.version).toBe(catalog.body.version);
  });

  const entries: [string, { given: string; want: { status: number; type?: string; nameVi?: string } }][] = [
    ['medical masks', { given: 'medical-masks', want: { status: 200, nameVi: 'Khẩu trang y tế' } }],
    ['disinfectants', { given: 'disinfectants', want: { status: 200, nameVi: expect.any(String) as unknown as string } }],
    ['medical gloves', { given: 'medical-gloves', want: { status: 200, nameVi: expect.any(String) as unknown as string } }],
    ['an unknown id', { given: 'medical-hats', want: { status: 404, type: '/problems/not-found' } }],
    ['a path that tries to leave the catalog', { given: '..%2F..%2Fpackage.json', want: { status: 404, type: '/problems/not-found' } }],
  ];
  it.each(entries)('GET /v1/catalog/entries/{id}: %s', async (_name, { given, want }) => {
    const res = await request(service.app).get(`/v1/catalog/entries/${given}`);
    expect(res.status).toBe(want.status);
    if (want.status === 200) {
      expect(res.body.entry.id).toBe(given);
      expect(res.body.entry.names.vi).toEqual(want.nameVi);
      expect(res.body.version).toBe(service.store.current()!.version);
      expect(res.body.entry.examples.reject.length).toBeGreaterThan(0);
    } else {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe(want.type);
    }
  });
});

describe('without a valid catalog the service is up but refuses to screen (fail closed)', () => {
  const layouts: [string, { given: (dir: string) => Promise<void>; want: { problem: RegExp } }][] = [
    ['an empty folder', { given: async () => {}, want: { problem: /catalog\.yaml/ } }],
    [
      'settings but no entries',
      {
        given: async (dir) => {
          await mkdir(join(dir, 'entries'), { recursive: true });
          await copyFile(join(BUNDLED_CATALOG, 'catalog.yaml'), join(dir, 'catalog.yaml'));
        },
        want: { problem: /no entries/ },
      },
    ],
  ];

  describe.each(layouts)('%s', (_name, { given, want }) => {
    let service: TestService;
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'empty-catalog-'));
      await given(dir);
      service = await startTestService({ catalogDir: dir });
    });
    afterAll(async () => {
      await service.cleanup();
      await rm(dir, { recursive: true, force: true });
    });

    it('/healthz is 200', async () => {
      expect((await request(service.app).get('/healthz')).status).toBe(200);
    });

    it('/readyz is 503 and says what is wrong', async () => {
      const res = await request(service.app).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'not-ready', catalog: { ready: false, version: null, lastReload: { ok: false } } });
      expect(JSON.stringify(res.body.catalog.lastReload.problems)).toMatch(want.problem);
    });

    it.each([
      ['a mask', 'Khẩu trang y tế'],
      ['a T-shirt, which would otherwise be accepted', 'Áo thun cotton'],
    ])('POST /v1/screenings with %s is a 503 problem, never a decision', async (_what, description) => {
      const res = await request(service.app).post('/v1/screenings').send(declaration([{ description }]));
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe('/problems/not-ready');
      expect(res.body.decision).toBeUndefined();
    });

    it('GET /v1/catalog is a 503 problem with the status', async () => {
      const res = await request(service.app).get('/v1/catalog');
      expect({ status: res.status, type: res.body.type, ready: res.body.catalog?.ready }).toEqual({ status: 503, type: '/problems/not-ready', ready: false });
    });
  });
});
