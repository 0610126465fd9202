import request from 'supertest';
import { declaration, startTestService, type TestService } from '../support/service';

// POST /v1/screenings on the bundled catalog: the letter's rule, dated by the Vietnamese local date.
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service.cleanup();
});

const MASK = { description: 'Khẩu trang y tế 4 lớp', hsCode: '6307.90.40' };
const screen = (body: unknown, query = '') =>
  request(service.app).post(`/v1/screenings${query}`).set('Content-Type', 'application/json').send(JSON.stringify(body));

type Case = { given: Record<string, unknown>; want: { decision: string; date: string } };

describe('the first day of the rule, in Vietnamese local time', () => {
  const cases: [string, Case][] = [
    ['the day before the rule (date only)', { given: { date: '2020-01-31' }, want: { decision: 'ACCEPT', date: '2020-01-31' } }],
    ['the first day of the rule (date only)', { given: { date: '2020-02-01' }, want: { decision: 'REJECT', date: '2020-02-01' } }],
    ['long after the first day', { given: { date: '2021-06-15' }, want: { decision: 'REJECT', date: '2021-06-15' } }],
    ['17:00 UTC on 31/01 is 00:00 on 01/02 in Hanoi', { given: { date: '2020-01-31T17:00:00Z' }, want: { decision: 'REJECT', date: '2020-02-01' } }],
    ['16:59:59 UTC on 31/01 is 23:59:59 on 31/01 in Hanoi', { given: { date: '2020-01-31T16:59:59Z' }, want: { decision: 'ACCEPT', date: '2020-01-31' } }],
    ['fractional seconds and a lower-case z', { given: { date: '2020-01-31T16:59:59.999z' }, want: { decision: 'ACCEPT', date: '2020-01-31' } }],
    ['+07:00 just after midnight', { given: { date: '2020-02-01T00:00:00+07:00' }, want: { decision: 'REJECT', date: '2020-02-01' } }],
    ['+07:00 just before midnight', { given: { date: '2020-01-31T23:59:59+07:00' }, want: { decision: 'ACCEPT', date: '2020-01-31' } }],
    ['+09:00 (Tokyo) 01:59 on 01/02 is 23:59 on 31/01 in Hanoi', { given: { date: '2020-02-01T01:59:00+09:00' }, want: { decision: 'ACCEPT', date: '2020-01-31' } }],
    ['+09:00 (Tokyo) 02:00 on 01/02 is 00:00 on 01/02 in Hanoi', { given: { date: '2020-02-01T02:00:00+09:00' }, want: { decision: 'REJECT', date: '2020-02-01' } }],
    ['-05:00 (New York) 12:00 on 31/01 is 00:00 on 01/02 in Hanoi', { given: { date: '2020-01-31T12:00:00-05:00' }, want: { decision: 'REJECT', date: '2020-02-01' } }],
    ['-05:00 (New York) 11:59 on 31/01 is 23:59 on 31/01 in Hanoi', { given: { date: '2020-01-31T11:59:00-05:00' }, want: { decision: 'ACCEPT', date: '2020-01-31' } }],
    ['a date-time without offset is Hanoi wall time', { given: { date: '2020-02-01T00:00:00' }, want: { decision: 'REJECT', date: '2020-02-01' } }],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const res = await screen(declaration([MASK], given));
    expect(res.status).toBe(200);
    expect({ decision: res.body.decision, date: res.body.date }).toEqual(want);
    expect(res.body.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('without a date, judges by today in Hanoi', async () => {
    const clocked = await startTestService({ clock: () => new Date('2020-01-31T17:30:00Z') });
    try {
      const body = declaration([MASK]);
      delete (body as { date?: string }).date;
      const res = await request(clocked.app).post('/v1/screenings').send(body);
      expect({ status: res.status, date: res.body.date, decision: res.body.decision }).toEqual({ status: 200, date: '2020-02-01', decision: 'REJECT' });
    } finally {
      await clocked.cleanup();
    }
  });
});

describe('route and postal event', () => {
  const cases: [string, Case][] = [
    ['outbound VN → US at acceptance', { given: { origin: { country: 'VN' }, destination: { country: 'US' } }, want: { decision: 'REJECT', date: '2020-02-10' } }],
    ['outbound VN → US at dispatch (an item accepted earlier is not sent on)', { given: { event: 'dispatch' }, want: { decision: 'REJECT', date: '2020-02-10' } }],
    ['dispatch before the rule', { given: { event: 'dispatch', date: '2020-01-31' }, want: { decision: 'ACCEPT', date: '2020-01-31' } }],
    ['domestic VN → VN', { given: { destination: { country: 'VN' } }, want: { decision: 'ACCEPT', date: '2020-02-10' } }],
    ['domestic VN → VN at dispatch', { given: { destination: { country: 'VN' }, event: 'dispatch' }, want: { decision: 'ACCEPT', date: '2020-02-10' } }],
    ['inbound US → VN', { given: { origin: { country: 'US' }, destination: { country: 'VN' } }, want: { decision: 'ACCEPT', date: '2020-02-10' } }],
    ['foreign to foreign US → FR', { given: { origin: { country: 'US' }, destination: { country: 'FR' } }, want: { decision: 'ACCEPT', date: '2020-02-10' } }],
    ['outbound VN → JP', { given: { destination: { country: 'JP' } }, want: { decision: 'REJECT', date: '2020-02-10' } }],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const res = await screen(declaration([MASK], given));
    expect(res.status).toBe(200);
    expect({ decision: res.body.decision, date: res.body.date }).toEqual(want);
  });

  it('an accepted restricted good says why: no rule in force for this route', async () => {
    const res = await screen(declaration([MASK], { origin: { country: 'US' }, destination: { country: 'VN' } }));
    const [item] = res.body.items;
    expect(item.decision).toBe('ACCEPT');
    expect(item.matches[0]).toMatchObject({ entryId: 'medical-masks', ruleId: null });
    expect(item.reasons.map((r: { code: string }) => r.code)).toContain('RESTRICTION_NOT_IN_FORCE');
  });

  it('echoes the event it judged', async () => {
    const res = await screen(declaration([MASK], { event: 'dispatch' }));
    expect(res.body.event).toBe('dispatch');
  });

  it('defaults the event to acceptance', async () => {
    const body = declaration([MASK]);
    delete (body as { event?: string }).event;
    const res = await screen(body);
    expect({ event: res.body.event, decision: res.body.decision }).toEqual({ event: 'acceptance', decision: 'REJECT' });
  });
});

describe('consignment of several items', () => {
  const cases: [string, { given: { description: string; hsCode?: string }[]; want: { decision: string; items: string[] } }][] = [
    [
      'one restricted item refuses the consignment; the others keep their own decisions',
      { given: [{ description: 'Áo thun cotton' }, { description: 'Găng tay y tế nitrile' }, { description: 'Cà phê hạt 500g' }], want: { decision: 'REJECT', items: ['ACCEPT', 'REJECT', 'ACCEPT'] } },
    ],
    [
      'a vague item asks the clerk to look',
      { given: [{ description: 'Áo thun cotton' }, { description: 'quà tặng' }], want: { decision: 'REVIEW', items: ['ACCEPT', 'REVIEW'] } },
    ],
    [
      'REJECT outranks REVIEW',
      { given: [{ description: 'quà tặng' }, { description: 'Nước rửa tay khô Lifebuoy 500ml' }], want: { decision: 'REJECT', items: ['REVIEW', 'REJECT'] } },
    ],
    [
      'a generic word alone asks for a look',
      { given: [{ description: 'khẩu trang' }], want: { decision: 'REVIEW', items: ['REVIEW'] } },
    ],
    [
      'nothing restricted is accepted',
      { given: [{ description: 'Áo thun cotton' }, { description: 'Mặt nạ dưỡng da Innisfree' }], want: { decision: 'ACCEPT', items: ['ACCEPT', 'ACCEPT'] } },
    ],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const res = await screen(declaration(given));
    expect(res.status).toBe(200);
    expect({ decision: res.body.decision, items: res.body.items.map((i: { decision: string }) => i.decision) }).toEqual(want);
    expect(res.body.items.map((i: { index: number }) => i.index)).toEqual(given.map((_g, k) => k));
  });

  it('a vague item carries the reason VAGUE_DESCRIPTION', async () => {
    const res = await screen(declaration([{ description: 'quà tặng' }]));
    expect(res.body.items[0].reasons.map((r: { code: string }) => r.code)).toEqual(['VAGUE_DESCRIPTION']);
  });

  it('words in a script the catalog does not read ask for a look, quoted in both languages', async () => {
    const res = await screen(declaration([{ description: '一次性防尘面罩 50个' }, { description: 'Перчатки, áo thun cotton' }]));
    expect(res.body.items.map((i: { decision: string }) => i.decision)).toEqual(['REVIEW', 'REVIEW']);
    const [first] = res.body.items[0].reasons;
    expect(first.code).toBe('UNREAD_SCRIPT');
    expect(first.message.vi).toContain('("一次性防尘面罩")');
    expect(first.message.en).toContain('"一次性防尘面罩"');
    expect(res.body.items[1].reasons[0].message.en).toContain('"Перчатки"');
  });

  it('a refusal read in Latin letters stays a refusal beside unread words, and no rule in force means no look', async () => {
    const refused = await screen(declaration([{ description: 'Khẩu trang y tế 医用口罩' }]));
    expect(refused.body.items[0].decision).toBe('REJECT');
    expect(refused.body.items[0].reasons.map((r: { code: string }) => r.code)).not.toContain('UNREAD_SCRIPT');
    const before = await screen(declaration([{ description: '医用口罩' }], { date: '2020-01-31' }));
    expect(before.body.items[0].decision).toBe('ACCEPT');
  });
});

describe('what an answer carries', () => {
  let body: Record<string, any>;
  beforeAll(async () => {
    const res = await screen(declaration([MASK, { description: 'Áo thun cotton' }], { itemId: 'RR123456785VN' }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    body = res.body;
  });

  it('a screening id, the item id and the catalog version', () => {
    expect(body.screeningId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.itemId).toBe('RR123456785VN');
    expect(body.catalog.version).toMatch(/^[0-9a-f]{16}$/);
    expect(body.catalog.version).toBe(service.store.current()!.version);
  });

  it('a summary in Vietnamese and English', () => {
    expect(body.summary.vi).toMatch(/Không chấp nhận/);
    expect(body.summary.en).toMatch(/Refused/);
  });

  it('the match: entry, rule, score, matched text and evidence', () => {
    expect(body.items[0].matches).toHaveLength(1);
    expect(body.items[0].matches[0]).toMatchObject({
      entryId: 'medical-masks',
      ruleId: 'vn-outbound-suspension-2020',
      score: 1,
      matchedText: 'Khẩu trang y tế',
      evidence: 'description+hsCode',
    });
  });

  it('the reason: a stable code and a message in vi and en naming the window and legal basis', () => {
    const [reason] = body.items[0].reasons;
    expect(reason).toMatchObject({ code: 'RESTRICTED_GOODS', entryId: 'medical-masks', ruleId: 'vn-outbound-suspension-2020' });
    expect(reason.message.vi).toContain('01/02/2020');
    expect(reason.message.vi).toContain('05/CT-BTTTT');
    expect(reason.message.en).toContain('2020-02-01');
    expect(reason.message.en).toContain('05/CT-BTTTT');
  });

  it('the rule: its effective window and legal basis with number, date and issuer', () => {
    const [rule] = body.items[0].rules;
    expect(rule).toMatchObject({ entryId: 'medical-masks', ruleId: 'vn-outbound-suspension-2020', action: 'reject', effective: { from: '2020-02-01', to: null } });
    const byNumber = Object.fromEntries(rule.legalBasis.map((b: { number: string }) => [b.number, b]));
    expect(byNumber['05/CT-BTTTT']).toMatchObject({ date: '2020-02-02', issuer: { vi: 'Bộ Thông tin và Truyền thông' } });
    const letter = rule.legalBasis.find((b: { kind: string }) => b.kind === 'letter');
    expect(letter).toMatchObject({ date: '2020-02-03', issuer: { vi: 'Sở Thông tin và Truyền thông tỉnh Sơn La' } });
  });

  it('an accepted item with no match says so', () => {
    expect(body.items[1]).toMatchObject({ decision: 'ACCEPT', matches: [], rules: [] });
    expect(body.items[1].reasons.at(-1).code).toBe('NO_RESTRICTION_APPLIES');
  });

  it('a new screening id for every request', async () => {
    const again = await screen(declaration([MASK]));
    expect(again.body.screeningId).not.toBe(body.screeningId);
  });
});

describe('evidence', () => {
  const cases: [string, { given: { description: string; hsCode?: string }; want: { decision: string; evidence: string; code: string } }][] = [
    ['the description alone', { given: { description: 'Khẩu trang y tế' }, want: { decision: 'REJECT', evidence: 'description', code: 'RESTRICTED_GOODS' } }],
    ['a decisive HS code with a vague description', { given: { description: 'Sản phẩm', hsCode: '6307.90.40' }, want: { decision: 'REJECT', evidence: 'hsCode', code: 'RESTRICTED_HS_CODE' } }],
    ['a decisive HS code next to another good', { given: { description: 'Áo sơ mi', hsCode: '6307.90.40' }, want: { decision: 'REVIEW', evidence: 'hsCode', code: 'HS_CODE_CONFLICT' } }],
    ['an indicative HS code with a vague description', { given: { description: 'Hàng hóa', hsCode: '6307.90' }, want: { decision: 'REVIEW', evidence: 'hsCode', code: 'HS_CODE_NEEDS_CHECK' } }],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const res = await screen(declaration([given]));
    const [item] = res.body.items;
    expect({ decision: item.decision, evidence: item.matches[0]?.evidence, code: item.reasons[0]?.code }).toEqual(want);
  });
});
