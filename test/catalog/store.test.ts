import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { declaration, OFFICER_TOKEN, startTestService, type TestService } from '../support/service';

// A catalog file broken on disk while the service runs: the last good catalog keeps deciding, and
// /readyz and GET /v1/catalog say which file and field are wrong until it is fixed.
const AN = { Authorization: `Bearer ${OFFICER_TOKEN}` };
const MASK_FILE = ['entries', 'medical-masks.yaml'];

type Problem = { file: string; line?: number; field: string; message: string };
type Breakage = { text: (good: string) => string; want: { line?: number; field: string; message: RegExp } };

const BREAKAGES: [string, Breakage][] = [
  ['invalid YAML', { text: () => 'id: medical-masks\nnames: [unclosed\n  rules: {\n', want: { line: 2, field: '', message: /./ } }],
  [
    'valid YAML, an impossible end date',
    { text: (good) => good.replace(/to: null/, 'to: "2020-13-45"'), want: { field: 'rules.0.effective.to', message: /date/ } },
  ],
  [
    'valid YAML, an unknown action',
    { text: (good) => good.replace(/action: reject/, 'action: forbid'), want: { field: 'rules.0.action', message: /./ } },
  ],
  ['an empty file', { text: () => '', want: { field: '', message: /./ } }],
];

const TRIGGERS: [string, (s: TestService) => Promise<number | null>][] = [
  ['store.reload', async (s) => ((await s.store.reload('test')).ok ? 200 : null)],
  ['POST /v1/admin/catalog/reload', async (s) => (await request(s.app).post('/v1/admin/catalog/reload').set(AN)).status],
];

const screen = (s: TestService, items: { description: string }[]) =>
  request(s.app).post('/v1/screenings').send(declaration(items));
const ITEMS = [{ description: 'Khẩu trang y tế 4 lớp' }, { description: 'Găng tay y tế nitrile' }, { description: 'Áo thun cotton' }];
const withoutId = ({ screeningId: _id, ...rest }: Record<string, unknown>) => rest;

describe.each(TRIGGERS)('a file broken on disk, then %s', (_trigger, reload) => {
  let service: TestService;
  beforeEach(async () => {
    service = await startTestService();
  });
  afterEach(async () => {
    await service.cleanup();
  });

  it.each(BREAKAGES)('%s: decisions unchanged, the problem reported with file and field', async (_name, { text, want }) => {
    const file = join(service.config.catalogDir, ...MASK_FILE);
    const good = await readFile(file, 'utf8');
    const version = service.store.current()!.version;
    const before = await screen(service, ITEMS);
    expect(before.body.decision).toBe('REJECT');

    await writeFile(file, text(good));
    const status = await reload(service);
    expect(status === null || status === 409).toBe(true);

    const after = await screen(service, ITEMS);
    expect(withoutId(after.body)).toEqual(withoutId(before.body));
    expect(after.body.catalog.version).toBe(version);

    for (const path of ['/readyz', '/v1/catalog']) {
      const res = await request(service.app).get(path);
      const report = path === '/readyz' ? res.body.catalog : res.body.status;
      expect({ path, status: res.status, ready: report.ready, version: report.version, ok: report.lastReload.ok }).toEqual({
        path,
        status: 200,
        ready: true,
        version,
        ok: false,
      });
      const problems = report.lastReload.problems as Problem[];
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.file.endsWith(join(...MASK_FILE)))).toBe(true);
      const first = problems[0];
      expect(first.field).toBe(want.field);
      expect(first.message).toMatch(want.message);
      if (want.line !== undefined) expect(first.line).toBe(want.line);
    }

    // Fixed on disk: the next reload clears the problem and the same content has the same version.
    await writeFile(file, good);
    expect(await reload(service)).toBe(200);
    const ready = await request(service.app).get('/readyz');
    expect({ ok: ready.body.catalog.lastReload.ok, version: ready.body.catalog.version }).toEqual({ ok: true, version });
  });
});

describe('while a file is broken on disk', () => {
  let service: TestService;
  beforeEach(async () => {
    service = await startTestService();
  });
  afterEach(async () => {
    await service.cleanup();
  });

  it('an edit of another entry is refused (409) and writes nothing', async () => {
    const broken = join(service.config.catalogDir, 'entries', 'disinfectants.yaml');
    await writeFile(broken, 'id: [');
    const masks = join(service.config.catalogDir, ...MASK_FILE);
    const before = await readFile(masks);
    const read = await request(service.app).get('/v1/admin/catalog/entries/medical-masks').set(AN);
    const entry = read.body;
    entry.rules[0].effective.to = '2020-03-01';
    const res = await request(service.app)
      .put('/v1/admin/catalog/entries/medical-masks')
      .set({ ...AN, 'If-Match': read.headers.etag, 'X-Change-Reason': 'end the rule' })
      .send(entry);
    expect({ status: res.status, type: res.body.type }).toEqual({ status: 409, type: '/problems/catalog-broken' });
    expect(JSON.stringify(res.body.problems)).toContain('disinfectants.yaml');
    expect(await readFile(masks)).toEqual(before);
  });

  it('a restart with the broken file is not ready and refuses to screen', async () => {
    await writeFile(join(service.config.catalogDir, ...MASK_FILE), 'id: [');
    const restarted = await startTestService({ catalogDir: service.config.catalogDir });
    try {
      expect((await request(restarted.app).get('/readyz')).status).toBe(503);
      expect((await screen(restarted, ITEMS)).status).toBe(503);
    } finally {
      await restarted.cleanup();
    }
  });
});

describe('with CATALOG_WATCH=true', () => {
  let service: TestService;
  beforeEach(async () => {
    service = await startTestService({ env: { CATALOG_WATCH: 'true' } });
  });
  afterEach(async () => {
    await service.cleanup();
  });

  async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 5000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (done(v) || Date.now() > end) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('a good change on disk takes effect without a restart; a broken one is reported and ignored', async () => {
    const file = join(service.config.catalogDir, ...MASK_FILE);
    const good = await readFile(file, 'utf8');
    const version = service.store.current()!.version;

    await writeFile(file, good.replace(/to: null/, 'to: "2020-03-01"'));
    const changed = await until(() => Promise.resolve(service.store.current()!.version), (v) => v !== version);
    expect(changed).not.toBe(version);
    const res = await request(service.app).post('/v1/screenings').send(declaration([ITEMS[0]], { date: '2020-03-05' }));
    expect(res.body.decision).toBe('ACCEPT');

    await writeFile(file, 'id: [');
    const status = await until(
      async () => (await request(service.app).get('/readyz')).body.catalog,
      (c) => c.lastReload.ok === false,
    );
    expect({ ok: status.lastReload.ok, trigger: status.lastReload.trigger, version: status.version }).toEqual({ ok: false, trigger: 'watch', version: changed });
    const still = await request(service.app).post('/v1/screenings').send(declaration([ITEMS[0]], { date: '2020-02-10' }));
    expect({ decision: still.body.decision, version: still.body.catalog.version }).toEqual({ decision: 'REJECT', version: changed });
  });
});
