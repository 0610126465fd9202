import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { declaration, OFFICER_TOKEN, OTHER_TOKEN, startTestService, type TestService } from '../support/service';

// Issue 4 through the admin API, each test on its own copy of the bundled catalog.
let service: TestService;

beforeEach(async () => {
  service = await startTestService();
});
afterEach(async () => {
  await service.cleanup();
});

const ENTRY = '/v1/admin/catalog/entries';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const AN = bearer(OFFICER_TOKEN);
const BINH = bearer(OTHER_TOKEN);
/** Vietnamese survives an HTTP header only percent-encoded. */
const reason = (text: string) => ({ 'X-Change-Reason': encodeURIComponent(text) });

type Entry = Record<string, any>;

async function read(id: string, auth = AN): Promise<{ entry: Entry; etag: string }> {
  const res = await request(service.app).get(`${ENTRY}/${id}`).set(auth);
  expect(res.status).toBe(200);
  expect(res.headers.etag).toMatch(/^"[0-9a-f]{16}"$/);
  return { entry: res.body, etag: res.headers.etag };
}

function put(id: string, body: unknown, headers: Record<string, string>) {
  return request(service.app).put(`${ENTRY}/${id}`).set(headers).send(body as object);
}

/** The mask rule ended on `to` (exclusive): the last day in force is the day before. */
function endMaskRule(entry: Entry, to: string): Entry {
  const next = structuredClone(entry);
  const rule = next.rules.find((r: { id: string }) => r.id === 'vn-outbound-suspension-2020');
  rule.effective.to = to;
  return next;
}

const screenMask = (date: string, query = '') =>
  request(service.app).post(`/v1/screenings${query}`).send(declaration([{ description: 'Khẩu trang y tế 4 lớp' }], { date }));

/** Every catalog file, byte for byte. */
async function filesOf(dir: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[p.slice(dir.length)] = await readFile(p);
    }
  };
  await walk(dir);
  return out;
}

describe('authentication', () => {
  const cases: [string, { given: Record<string, string>; want: number }][] = [
    ['no Authorization header', { given: {}, want: 401 }],
    ['a wrong token', { given: bearer('not-an-officer-token-at-all'), want: 401 }],
    ['a prefix of a real token', { given: bearer(OFFICER_TOKEN.slice(0, -1)), want: 401 }],
    ['the token under another scheme', { given: { Authorization: `Basic ${OFFICER_TOKEN}` }, want: 401 }],
    ['an empty bearer', { given: { Authorization: 'Bearer ' }, want: 401 }],
    ['the first officer', { given: AN, want: 200 }],
    ['the second officer', { given: BINH, want: 200 }],
  ];
  it.each(cases)('GET an entry with %s', async (_name, { given, want }) => {
    const res = await request(service.app).get(`${ENTRY}/medical-masks`).set(given);
    expect(res.status).toBe(want);
    if (want === 401) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(JSON.stringify(res.body)).not.toContain(OFFICER_TOKEN.slice(0, 12));
    }
  });

  it.each([
    ['PUT an entry', () => request(service.app).put(`${ENTRY}/medical-masks`).set(reason('x')).set('If-Match', '*').send({})],
    ['DELETE an entry', () => request(service.app).delete(`${ENTRY}/medical-masks`).set(reason('x')).set('If-Match', '*')],
    ['read the audit', () => request(service.app).get('/v1/admin/catalog/audit')],
    ['reload', () => request(service.app).post('/v1/admin/catalog/reload')],
  ])('%s without a token is 401 and changes nothing', async (_name, call) => {
    const before = await filesOf(service.config.catalogDir);
    const res = await call();
    expect(res.status).toBe(401);
    expect(await filesOf(service.config.catalogDir)).toEqual(before);
  });
});

describe('preconditions', () => {
  it('428 without If-Match, 412 with a stale one, 200 with the current one', async () => {
    const { entry, etag } = await read('medical-masks');
    const edit = endMaskRule(entry, '2020-03-01');

    const missing = await put('medical-masks', edit, { ...AN, ...reason('no precondition') });
    expect({ status: missing.status, type: missing.body.type }).toEqual({ status: 428, type: '/problems/precondition-required' });

    const ok = await put('medical-masks', edit, { ...AN, ...reason('first'), 'If-Match': etag });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).not.toBe(etag);

    const stale = await put('medical-masks', endMaskRule(entry, '2020-04-01'), { ...AN, ...reason('stale'), 'If-Match': etag });
    expect({ status: stale.status, type: stale.body.type, current: stale.body.currentEtag }).toEqual({
      status: 412,
      type: '/problems/precondition-failed',
      current: ok.headers.etag,
    });
    expect((await read('medical-masks')).entry.rules[0].effective.to).toBe('2020-03-01');
  });

  it('a reason is required for every change', async () => {
    const { entry, etag } = await read('medical-masks');
    const res = await put('medical-masks', endMaskRule(entry, '2020-03-01'), { ...AN, 'If-Match': etag });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['X-Change-Reason']);
  });

  it('two concurrent edits on one ETag: exactly one succeeds, the other gets 412', async () => {
    const { entry, etag } = await read('medical-masks');
    const [a, b] = await Promise.all([
      put('medical-masks', endMaskRule(entry, '2020-03-01'), { ...AN, ...reason('An ends it on 1 March'), 'If-Match': etag }),
      put('medical-masks', endMaskRule(entry, '2020-04-01'), { ...BINH, ...reason('Bình ends it on 1 April'), 'If-Match': etag }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? '2020-03-01' : '2020-04-01';
    expect((await read('medical-masks')).entry.rules[0].effective.to).toBe(winner);
    const { body } = await request(service.app).get('/v1/admin/catalog/audit?entryId=medical-masks').set(AN);
    expect(body.records.filter((r: { action: string }) => r.action === 'update')).toHaveLength(1);
  });
});

describe('invalid edits are refused and nothing is written', () => {
  type Mutation = (e: Entry) => void;
  const cases: [string, { given: Mutation; want: { status: number; type: string; field?: string } }][] = [
    ['a window that ends before it starts', { given: (e) => void (e.rules[0].effective.to = '2020-01-15'), want: { status: 422, type: '/problems/invalid-catalog-entry', field: 'rules[0].effective.to' } }],
    ['an impossible date', { given: (e) => void (e.rules[0].effective.from = '2020-02-30'), want: { status: 422, type: '/problems/invalid-catalog-entry', field: 'rules[0].effective.from' } }],
    ['an unknown action', { given: (e) => void (e.rules[0].action = 'ban'), want: { status: 422, type: '/problems/invalid-catalog-entry', field: 'rules[0].action' } }],
    ['no rules at all', { given: (e) => void (e.rules = []), want: { status: 422, type: '/problems/invalid-catalog-entry', field: 'rules' } }],
    ['a country that is not ISO', { given: (e) => void (e.rules[0].scope.origin = { countries: ['XX'] }), want: { status: 422, type: '/problems/invalid-catalog-entry', field: 'rules[0].scope.origin.countries[0]' } }],
    ['an HS code that is not one', { given: (e) => void (e.hsCodes[0].code = 'masks'), want: { status: 422, type: '/problems/invalid-catalog-entry', field: 'hsCodes[0].code' } }],
    ['a rule id used twice', { given: (e) => void e.rules.push(structuredClone(e.rules[0])), want: { status: 422, type: '/problems/invalid-catalog-entry', field: 'rules[1].id' } }],
    ['an id that differs from the address', { given: (e) => void (e.id = 'medical-hats'), want: { status: 422, type: '/problems/invalid-catalog-entry', field: 'id' } }],
    ['a field the schema does not know', { given: (e) => void (e.severity = 'high'), want: { status: 422, type: '/problems/invalid-catalog-entry' } }],
    [
      "an edit whose own examples fail (a T-shirt must be refused)",
      { given: (e) => void e.examples.reject.push('Áo thun cotton'), want: { status: 422, type: '/problems/catalog-examples-failed' } },
    ],
    [
      "an edit that breaks its examples (the term 'khẩu trang y tế' removed while an example needs it)",
      {
        given: (e) => {
          e.match.terms.vi = e.match.terms.vi.filter((t: string) => !t.startsWith('khẩu trang'));
          e.match.heads.vi = e.match.heads.vi.filter((t: string) => t !== 'khẩu trang');
        },
        want: { status: 422, type: '/problems/catalog-examples-failed' },
      },
    ],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const dir = service.config.catalogDir;
    const before = await filesOf(dir);
    const version = service.store.current()!.version;
    const auditBefore = (await request(service.app).get('/v1/admin/catalog/audit').set(AN)).body.records.length;
    const { entry, etag } = await read('medical-masks');
    given(entry);

    const res = await put('medical-masks', entry, { ...AN, ...reason('an invalid edit'), 'If-Match': etag });
    expect({ status: res.status, type: res.body.type }).toEqual({ status: want.status, type: want.type });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (want.field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(want.field);
    if (want.type === '/problems/catalog-examples-failed') expect(res.body.failures.length).toBeGreaterThan(0);

    expect(await filesOf(dir)).toEqual(before);
    expect(service.store.current()!.version).toBe(version);
    expect((await request(service.app).get('/v1/admin/catalog/audit').set(AN)).body.records).toHaveLength(auditBefore);
    expect((await read('medical-masks')).etag).toBe(etag);
  });

  it('a body that is not JSON is refused before the editor sees it', async () => {
    const { etag } = await read('medical-masks');
    const before = await filesOf(service.config.catalogDir);
    const res = await request(service.app).put(`${ENTRY}/medical-masks`).set({ ...AN, ...reason('x'), 'If-Match': etag, 'Content-Type': 'application/json' }).send('{"id": ');
    expect(res.status).toBe(400);
    expect(await filesOf(service.config.catalogDir)).toEqual(before);
  });
});

describe('an officer ends the mask rule on 2020-03-01', () => {
  const OFFICER = 'Nguyễn Văn An';
  const WHY = 'Kết thúc tạm dừng gửi khẩu trang ra nước ngoài từ 01/03/2020 theo chỉ đạo mới';

  it('decisions follow the declaration date; the version changes; the old version replays exactly; the audit names who and why', async () => {
    const oldVersion = service.store.current()!.version;
    const beforeEdit = await screenMask('2020-03-05');
    expect(beforeEdit.body.decision).toBe('REJECT');

    const { entry, etag } = await read('medical-masks');
    const res = await put('medical-masks', endMaskRule(entry, '2020-03-01'), { ...AN, ...reason(WHY), 'If-Match': etag });
    expect(res.status).toBe(200);
    const newVersion = res.body.version;
    expect(newVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(newVersion).not.toBe(oldVersion);

    const cases: [string, { given: string; want: { decision: string; version: string } }][] = [
      ['10/02, inside the window', { given: '2020-02-10', want: { decision: 'REJECT', version: newVersion } }],
      ['29/02, the last day in force', { given: '2020-02-29', want: { decision: 'REJECT', version: newVersion } }],
      ['01/03, the end (exclusive)', { given: '2020-03-01', want: { decision: 'ACCEPT', version: newVersion } }],
      ['05/03, after the end', { given: '2020-03-05', want: { decision: 'ACCEPT', version: newVersion } }],
      ['31/01, before the start', { given: '2020-01-31', want: { decision: 'ACCEPT', version: newVersion } }],
    ];
    for (const [name, { given, want }] of cases) {
      const r = await screenMask(given);
      expect({ name, decision: r.body.decision, version: r.body.catalog.version }).toEqual({ name, ...want });
    }
    const ended = await screenMask('2020-03-05');
    expect(ended.body.items[0].reasons.map((r: { code: string }) => r.code)).toContain('RESTRICTION_NOT_IN_FORCE');
    const inForce = await screenMask('2020-02-10');
    expect(inForce.body.items[0].rules[0].effective).toEqual({ from: '2020-02-01', to: '2020-03-01' });
    expect(inForce.body.items[0].reasons[0].message.vi).toContain('đến trước ngày 01/03/2020');

    const catalog = await request(service.app).get('/v1/catalog');
    expect(catalog.body.version).toBe(newVersion);
    const masks = catalog.body.entries.find((e: { id: string }) => e.id === 'medical-masks');
    expect(masks.rules[0].effective).toEqual({ from: '2020-02-01', to: '2020-03-01' });

    // Replay: the old version decides as it did, field for field, except the screening id.
    const replay = await screenMask('2020-03-05', `?catalogVersion=${oldVersion}`);
    expect(replay.status).toBe(200);
    const { screeningId: _a, ...replayed } = replay.body;
    const { screeningId: _b, ...original } = beforeEdit.body;
    expect(replayed).toEqual(original);
    expect(replayed.catalog.version).toBe(oldVersion);
    const current = await screenMask('2020-03-05', `?catalogVersion=${newVersion}`);
    expect(current.body.decision).toBe('ACCEPT');

    const audit = await request(service.app).get('/v1/admin/catalog/audit').set(AN);
    expect(audit.status).toBe(200);
    const [last] = audit.body.records;
    expect(last).toMatchObject({ actor: OFFICER, action: 'update', entryId: 'medical-masks', reason: WHY, fromVersion: oldVersion, toVersion: newVersion });
    expect(Number.isNaN(Date.parse(last.at))).toBe(false);
    expect(last.before.rules[0].effective).toEqual({ from: '2020-02-01', to: null });
    expect(last.after.rules[0].effective).toEqual({ from: '2020-02-01', to: '2020-03-01' });
  });

  it('the edit is on disk: a restarted service decides the same', async () => {
    const { entry, etag } = await read('medical-masks');
    const res = await put('medical-masks', endMaskRule(entry, '2020-03-01'), { ...AN, ...reason(WHY), 'If-Match': etag });
    expect(res.status).toBe(200);
    const text = await readFile(join(service.config.catalogDir, 'entries', 'medical-masks.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server/);
    expect(text).toMatch(/to: ["']?2020-03-01/);

    const restarted = await startTestService({ catalogDir: service.config.catalogDir });
    try {
      expect(restarted.store.current()!.version).toBe(res.body.version);
      const r = await request(restarted.app).post('/v1/screenings').send(declaration([{ description: 'Khẩu trang y tế' }], { date: '2020-03-05' }));
      expect(r.body.decision).toBe('ACCEPT');
    } finally {
      await restarted.cleanup();
    }
  });

  it('the audit lists changes newest first, each with its officer and reason', async () => {
    const first = await read('medical-masks');
    expect((await put('medical-masks', endMaskRule(first.entry, '2020-04-01'), { ...AN, ...reason('Lần 1: đến 01/04'), 'If-Match': first.etag })).status).toBe(200);
    const second = await read('medical-masks', BINH);
    expect((await put('medical-masks', endMaskRule(second.entry, '2020-03-01'), { ...BINH, ...reason('Lần 2: sửa lại 01/03'), 'If-Match': second.etag })).status).toBe(200);

    const { body } = await request(service.app).get('/v1/admin/catalog/audit?entryId=medical-masks').set(AN);
    expect(body.records.map((r: Record<string, unknown>) => [r.actor, r.reason])).toEqual([
      ['Trần Thị Bình', 'Lần 2: sửa lại 01/03'],
      ['Nguyễn Văn An', 'Lần 1: đến 01/04'],
    ]);
    expect(body.records[0].fromVersion).toBe(body.records[1].toVersion);
    expect(body.records[0].before.rules[0].effective.to).toBe('2020-04-01');
    const limited = await request(service.app).get('/v1/admin/catalog/audit?limit=1').set(AN);
    expect(limited.body.records).toHaveLength(1);
    expect(limited.body.records[0].reason).toBe('Lần 2: sửa lại 01/03');
  });
});

describe('creating and deleting an entry', () => {
  const THERMOMETERS: Entry = {
    id: 'medical-thermometers',
    names: { vi: 'Nhiệt kế y tế', en: 'Medical thermometers', fr: 'Thermomètres médicaux' },
    match: { terms: { vi: ['nhiệt kế điện tử', 'nhiệt kế hồng ngoại'], en: ['digital thermometer', 'infrared thermometer'], fr: ['thermomètre médical'] } },
    hsCodes: [{ code: '9025.19', strength: 'indicative' }],
    rules: [
      {
        id: 'test-rule-2020',
        action: 'reject',
        scope: { origin: { countries: ['VN'] }, destination: { except: ['VN'] }, events: ['acceptance', 'dispatch'] },
        effective: { from: '2020-02-15', to: null },
        legalBasis: [
          {
            kind: 'test',
            number: 'TEST-001',
            date: '2020-02-14',
            issuer: { vi: 'Đơn vị thử nghiệm', en: 'Test unit' },
            title: { vi: 'Mục nhập thử nghiệm', en: 'A test entry' },
          },
        ],
      },
    ],
    examples: { reject: ['Nhiệt kế điện tử Omron', 'infrared thermometer'], accept: ['Áo thun cotton'] },
  };
  const screenThermometer = (date: string) =>
    request(service.app).post('/v1/screenings').send(declaration([{ description: 'Nhiệt kế điện tử Omron' }], { date }));

  it('If-None-Match: * creates (201); the entry screens from its start date; DELETE with If-Match and a reason removes it', async () => {
    expect((await screenThermometer('2020-02-20')).body.decision).toBe('ACCEPT');

    const created = await put('medical-thermometers', THERMOMETERS, { ...AN, ...reason('Thêm mục nhiệt kế (thử nghiệm)'), 'If-None-Match': '*' });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toMatch(/^"[0-9a-f]{16}"$/);
    const file = join(service.config.catalogDir, 'entries', 'medical-thermometers.yaml');
    expect(await readFile(file, 'utf8')).toContain('id: medical-thermometers');

    const cases: [string, { given: string; want: string }][] = [
      ['before its start', { given: '2020-02-14', want: 'ACCEPT' }],
      ['on its start', { given: '2020-02-15', want: 'REJECT' }],
    ];
    for (const [name, { given, want }] of cases) {
      expect({ name, decision: (await screenThermometer(given)).body.decision }).toEqual({ name, decision: want });
    }

    const again = await put('medical-thermometers', THERMOMETERS, { ...AN, ...reason('twice'), 'If-None-Match': '*' });
    expect(again.status).toBe(412);

    const noMatch = await request(service.app).delete(`${ENTRY}/medical-thermometers`).set({ ...AN, ...reason('Xoá mục thử nghiệm') });
    expect(noMatch.status).toBe(428);
    const noReason = await request(service.app).delete(`${ENTRY}/medical-thermometers`).set({ ...AN, 'If-Match': created.headers.etag });
    expect(noReason.status).toBe(400);

    const deleted = await request(service.app).delete(`${ENTRY}/medical-thermometers`).set({ ...AN, ...reason('Xoá mục thử nghiệm'), 'If-Match': created.headers.etag });
    expect(deleted.status).toBe(200);
    expect(deleted.body.version).not.toBe(created.body.version);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    expect((await screenThermometer('2020-02-20')).body.decision).toBe('ACCEPT');
    expect((await request(service.app).get(`${ENTRY}/medical-thermometers`).set(AN)).status).toBe(404);
    expect((await request(service.app).get('/v1/catalog/entries/medical-thermometers')).status).toBe(404);

    const { body } = await request(service.app).get('/v1/admin/catalog/audit?entryId=medical-thermometers').set(AN);
    expect(body.records.map((r: Record<string, any>) => [r.action, r.reason, r.before?.id ?? null, r.after?.id ?? null])).toEqual([
      ['delete', 'Xoá mục thử nghiệm', 'medical-thermometers', null],
      ['create', 'Thêm mục nhiệt kế (thử nghiệm)', null, 'medical-thermometers'],
    ]);
  });

  it('deleting an entry that does not exist is 404', async () => {
    const res = await request(service.app).delete(`${ENTRY}/medical-hats`).set({ ...AN, ...reason('x'), 'If-Match': '"0000000000000000"' });
    expect(res.status).toBe(404);
  });

  it.each([
    ['upper case', 'Medical-Masks'],
    ['a dot', 'medical.masks'],
  ])('an id with %s is refused', async (_name, id) => {
    const res = await put(id, { ...THERMOMETERS, id }, { ...AN, ...reason('x'), 'If-None-Match': '*' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('id');
  });
});
