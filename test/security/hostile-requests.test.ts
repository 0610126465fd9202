import { gzipSync } from 'node:zlib';
import { Agent } from 'node:http';
import fc from 'fast-check';
import { declaration, OFFICER_TOKEN, startTestService, type TestService } from '../support/service';
import { listen, problemViolations, send, sendRaw, type RawRequest, type RawResponse } from './support/raw-http';

// 2,000 hostile requests against one listening app: no 5xx, no dropped connection, every 4xx an
// RFC 9457 problem, nothing polluted, and the counter's next honest request still answered.
jest.setTimeout(180_000);

const TOTAL = 2000;
const CONCURRENCY = 8;
const SEED = Number(process.env.HOSTILE_SEED ?? 20200203);
const MASK = { description: 'Khẩu trang y tế 4 lớp', hsCode: '6307.90.40' };
const GOOD = declaration([MASK]);
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const JSON_TYPE = { 'content-type': 'application/json' };

let service: TestService;
let server: Awaited<ReturnType<typeof listen>>;
const prototypesBefore = snapshotPrototypes();

beforeAll(async () => {
  service = await startTestService();
  server = await listen(service.app);
});
afterAll(async () => {
  await server?.close();
  await service?.cleanup();
});

function snapshotPrototypes(): string {
  return JSON.stringify([Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort()));
}

// ---- the hostile requests, as fast-check arbitraries ------------------------------------------

const post = (path: string, body: string | Buffer, headers: Record<string, string> = JSON_TYPE): RawRequest => ({ method: 'POST', path, headers, body });
const screeningPath = fc.constantFrom('/v1/screenings', '/v1/screenings', '/v1/screenings/batch');
const wrap = (path: string, decl: unknown) => (path.endsWith('batch') ? { declarations: [decl] } : decl);

/** Code points a description should survive: lone surrogates, bidi controls, zero-width, combining marks. */
const oddChar = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u202e', '\u202d', '\u200f', '\u200e', '\u2066', '\u2069', '\u061c', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u034f'),
  fc.integer({ min: 0x300, max: 0x36f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\ufffd', '\uffff', '𝐤𝐡ẩ𝐮', 'кһẩu', 'ｋｈẩｕ', '🧪😷', '\u{e0041}', 'ǅ', 'ß', 'İ'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
);
const oddText = fc.oneof(
  fc.string({ unit: oddChar, minLength: 1, maxLength: 400 }),
  fc.tuple(fc.constantFrom('Khẩu trang y tế', 'nitrile gloves', 'gel rửa tay', 'áo thun'), fc.string({ unit: oddChar, maxLength: 50 })).map(
    ([w, junk]) => [...w].join(junk.slice(0, 3)) + junk,
  ),
  fc.integer({ min: 1, max: 499 }).map((n) => 'a' + '\u0301'.repeat(n)),
  fc.integer({ min: 1, max: 200 }).map((n) => '\u202e'.repeat(n) + 'ksam lacidem'),
);

const randomJson = fc.tuple(screeningPath, fc.jsonValue({ maxDepth: 4 })).map(([path, v]) => post(path, JSON.stringify(v) ?? 'null'));

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: oddChar, maxLength: 40 }), fc.constantFrom(1e308, -0, 2 ** 53 + 1, ''));
const mutatedDeclaration = fc
  .tuple(
    screeningPath,
    fc.record(
      {
        date: fc.oneof(fc.constantFrom('2020-02-10', '2020-02-30', '2020-02-10T25:00:00Z', '9999-12-31', '0000-01-01', '2020-02-10T00:00:00+99:00'), anyValue),
        event: fc.oneof(fc.constantFrom('acceptance', 'dispatch', 'ACCEPTANCE'), anyValue),
        itemId: fc.oneof(fc.constantFrom('RR123456785VN', 'RR123456784VN', 'rr123456785vn'), anyValue),
        category: fc.oneof(fc.constantFrom('gift', 'other', 'bribe'), anyValue),
        origin: fc.oneof(fc.constant({ country: 'VN' }), fc.record({ country: anyValue }), anyValue),
        destination: fc.oneof(fc.constant({ country: 'US' }), fc.record({ country: anyValue }), anyValue),
        documents: fc.oneof(fc.array(fc.record({ type: anyValue, number: anyValue }), { maxLength: 3 }), anyValue),
        items: fc.oneof(
          fc.array(
            fc.record(
              {
                description: fc.oneof(oddText, anyValue),
                hsCode: fc.oneof(fc.constantFrom('6307.90.40', '4015.11', '3808.94', '63079040', '6307.90.40.99.99'), anyValue),
                quantity: anyValue,
                netWeightKg: anyValue,
                value: fc.oneof(fc.record({ amount: anyValue, currency: fc.constantFrom('USD', 'VND', 'XYZ') }), anyValue),
                originCountry: anyValue,
              },
              { requiredKeys: ['description'] },
            ),
            { minLength: 0, maxLength: 5 },
          ),
          anyValue,
        ),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([path, decl]) => post(path, JSON.stringify(wrap(path, decl))));

const truncated = fc
  .tuple(screeningPath, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([path, cut]) => {
    const text = JSON.stringify(wrap(path, GOOD));
    return post(path, text.slice(0, Math.max(1, Math.floor(text.length * cut) - 1)));
  });

const malformed = fc
  .tuple(screeningPath, fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)), fc.constantFrom('{"a":1,}', "{'a':1}", '{"a":NaN}', '[1,2', '{"a" 1}', '\u0000', 'undefined', '{"a":1}{"b":2}', '\ufeff{}', '{"a":"\\x41"}', '{"a":"\\ud800"}')))
  .map(([path, body]) => post(path, body));

function nested(depth: number, kind: 'array' | 'object', inner = '1'): string {
  return kind === 'array' ? '['.repeat(depth) + inner + ']'.repeat(depth) : '{"a":'.repeat(depth) + inner + '}'.repeat(depth);
}
const deep = fc
  .tuple(screeningPath, fc.constantFrom(33, 100, 1000, 10_000), fc.constantFrom('array' as const, 'object' as const), fc.constantFrom('root', 'description', 'items', 'origin'))
  .map(([path, depth, kind, where]) => {
    if (where === 'root') return post(path, nested(depth, kind));
    const marker = '"__DEEP__"';
    const base = where === 'items' ? { ...GOOD, items: marker } : where === 'origin' ? { ...GOOD, origin: marker } : declaration([{ description: marker }]);
    return post(path, JSON.stringify(wrap(path, base)).replace(JSON.stringify(marker), nested(depth, kind)));
  });

const bigList = fc
  .tuple(fc.constantFrom('items', 'documents', 'declarations', 'numbers'), fc.constantFrom(20_000))
  .map(([what, n]) => {
    if (what === 'declarations') return post('/v1/screenings/batch', JSON.stringify({ declarations: Array.from({ length: n }, () => GOOD) }));
    if (what === 'numbers') return post('/v1/screenings', JSON.stringify({ ...GOOD, items: Array.from({ length: n }, (_, i) => i) }));
    const list = Array.from({ length: n }, (_, i) => (what === 'items' ? { description: `item ${i}` } : { type: 'invoice', number: String(i) }));
    return post('/v1/screenings', JSON.stringify({ ...GOOD, [what]: list }));
  });

const hugeString = fc
  .tuple(screeningPath, fc.constantFrom(501, 10_000, 200_000, 1_100_000), fc.constantFrom('x', 'ẩ', '\u200b', '😷'))
  .map(([path, n, ch]) => post(path, JSON.stringify(wrap(path, declaration([{ description: ch.repeat(Math.ceil(n / ch.length)) }])))));

const unicodeDeclaration = fc
  .tuple(screeningPath, fc.array(fc.record({ description: oddText, hsCode: fc.option(fc.string({ unit: oddChar, maxLength: 12 }), { nil: undefined }) }), { minLength: 1, maxLength: 4 }))
  .map(([path, items]) => post(path, JSON.stringify(wrap(path, declaration(items)))));

/** JSON text (not an object: a literal `__proto__` would set the prototype) with prototype keys in every object. */
function withPrototypeKeys(value: unknown, payload: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => withPrototypeKeys(v, payload)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const own = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${withPrototypeKeys(v, payload)}`);
    const hostile = [`"__proto__":${payload}`, `"constructor":{"prototype":${payload}}`, `"prototype":${payload}`];
    return `{${[...hostile, ...own, ...hostile].join(',')}}`;
  }
  return JSON.stringify(value);
}
const protoKeys = fc
  .tuple(
    screeningPath,
    fc.constantFrom(GOOD, declaration([{ description: 'áo thun' }]), {}),
    fc.constantFrom('{"polluted":"yes","decision":"ACCEPT","isAdmin":true}', '{"toString":"x","valueOf":1}', '[1,2]', '"x"', 'null'),
    fc.subarray([...PROTO_KEYS]),
  )
  .map(([path, base, payload, topLevel]) => {
    const text = withPrototypeKeys(wrap(path, base), payload);
    // Also as the only key of the whole body.
    return post(path, topLevel.length ? `{${topLevel.map((k) => `"${k}":${text}`).join(',')}}` : text);
  });

const wrongContentType = fc
  .tuple(
    fc.constantFrom('POST', 'PUT', 'PATCH'),
    fc.constantFrom('/v1/screenings', '/v1/screenings/batch', '/v1/admin/catalog/entries/medical-masks'),
    fc.option(fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/jsonx', 'json', '*/*', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=bogus', 'text/json', 'application/problem+json', 'application/octet-stream', ';;;', 'application/json, text/plain'), { nil: undefined }),
    fc.constantFrom(JSON.stringify(GOOD), 'a=1&b=2', '<x/>', ''),
  )
  .map(([method, path, type, body]): RawRequest => ({ method, path, headers: type === undefined ? {} : { 'content-type': type }, body }));

let bomb: Buffer | undefined;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)));
const encodings = fc
  .tuple(screeningPath, fc.constantFrom('gzip-good', 'gzip-bad', 'deflate-bad', 'br-bad', 'compress', 'identity, gzip', 'gzip-bomb'))
  .map(([path, how]) => {
    const body = JSON.stringify(wrap(path, GOOD));
    if (how === 'gzip-good') return post(path, gzipSync(body), { ...JSON_TYPE, 'content-encoding': 'gzip' });
    // 50 MB of spaces in 50 kB: the limit applies to what it inflates to.
    if (how === 'gzip-bomb') return post(path, gzipBomb(), { ...JSON_TYPE, 'content-encoding': 'gzip' });
    return post(path, body, { ...JSON_TYPE, 'content-encoding': how.replace('-bad', '') });
  });

const hugeHeaders = fc
  .tuple(fc.constantFrom(8_000, 15_000, 20_000, 64_000), fc.constantFrom('x-filler', 'x-request-id', 'authorization', 'if-match', 'cookie', 'accept'))
  .map(([n, name]): RawRequest => ({ method: name === 'authorization' ? 'GET' : 'POST', path: name === 'authorization' || name === 'if-match' ? '/v1/admin/catalog/entries/medical-masks' : '/v1/screenings', headers: { ...JSON_TYPE, [name]: 'a'.repeat(n) }, body: name === 'authorization' ? undefined : JSON.stringify(GOOD) }));

const badQuery = fc
  .tuple(
    fc.constantFrom('/v1/screenings', '/v1/screenings/batch', '/healthz', '/v1/catalog', '/v1/admin/catalog/audit', '/metrics'),
    fc.oneof(
      fc.constantFrom('catalogVersion=%', 'catalogVersion=%E0%A4%A', 'catalogVersion=0123456789abcdef', 'catalogVersion=../../etc/passwd', 'catalogVersion=1&catalogVersion=2', '__proto__[polluted]=1', 'constructor[prototype][x]=1', 'a[b][c][d][e]=1', '&&&==&', '%00', 'limit=-1&entryId=%00', 'catalogVersion[]=x', '?'),
      fc.string({ unit: 'binary-ascii', maxLength: 60 }).map(encodeURIComponent),
      fc.integer({ min: 100, max: 6000 }).map((n) => `x=${'%41'.repeat(n / 3)}`),
    ),
  )
  .map(([path, q]): RawRequest => (path.startsWith('/v1/screenings') ? post(`${path}?${q}`, JSON.stringify(wrap(path, GOOD))) : { method: 'GET', path: `${path}?${q}` }));

const routesAndMethods = fc
  .tuple(
    fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'SEARCH', 'LOCK', 'PURGE'),
    fc.oneof(
      fc.constantFrom('/v1/screenings', '/v1/nothing', '/v1/catalog/entries/%E0%A4%A', '/v1/catalog/entries/__proto__', '/v1/catalog/entries/constructor', '/%', '/%2e%2e/%2e%2e/etc/passwd', '/lookup/../../package.json', '/docs/swagger-ui/%', '/v1//screenings', '/v1/screenings/', '/V1/SCREENINGS', '/healthz/', '/metrics/x', '/openapi.yaml', '/v1/admin', '/v1/admin/catalog/entries/%00'),
      fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map(encodeURIComponent), { minLength: 1, maxLength: 6 }).map((parts) => '/' + parts.join('/')),
      fc.array(fc.string({ unit: 'binary', maxLength: 8 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))), { minLength: 1, maxLength: 4 }).map((parts) => '/v1/' + parts.join('/')),
    ),
    fc.option(fc.constantFrom('{}', '{', JSON.stringify(GOOD)), { nil: undefined }),
  )
  .map(([method, path, body]): RawRequest => ({ method, path, headers: body === undefined || method === 'HEAD' || method === 'GET' ? {} : JSON_TYPE, body: method === 'HEAD' || method === 'GET' ? undefined : body }));

const adminHostile = fc
  .tuple(
    fc.constantFrom('GET', 'PUT', 'DELETE', 'POST'),
    fc.constantFrom('/v1/admin/catalog/entries/medical-masks', '/v1/admin/catalog/entries/__proto__', '/v1/admin/catalog/entries/A%20B', '/v1/admin/catalog/reload', '/v1/admin/catalog/audit?limit=1e9'),
    fc.constantFrom('', 'Bearer', 'Bearer ', `Bearer ${OFFICER_TOKEN.slice(0, -1)}`, `bearer ${OFFICER_TOKEN}x`, 'Basic YWRtaW46YWRtaW4=', `Bearer ${'x'.repeat(5000)}`, 'Bearer \t\t'),
  )
  .map(([method, path, auth]): RawRequest => ({ method, path, headers: { ...JSON_TYPE, ...(auth ? { authorization: auth } : {}), 'if-match': '*', 'x-change-reason': '%E0%A4%A' }, body: method === 'GET' ? undefined : withPrototypeKeys({ id: 'medical-masks' }, '{"polluted":1}') }));

const hostileRequest = fc.oneof(
  { weight: 30, arbitrary: randomJson },
  { weight: 40, arbitrary: mutatedDeclaration },
  { weight: 16, arbitrary: truncated },
  { weight: 10, arbitrary: malformed },
  { weight: 10, arbitrary: deep },
  { weight: 2, arbitrary: bigList },
  { weight: 3, arbitrary: hugeString },
  { weight: 20, arbitrary: unicodeDeclaration },
  { weight: 20, arbitrary: protoKeys },
  { weight: 14, arbitrary: wrongContentType },
  { weight: 4, arbitrary: encodings },
  { weight: 4, arbitrary: hugeHeaders },
  { weight: 10, arbitrary: badQuery },
  { weight: 12, arbitrary: routesAndMethods },
  { weight: 5, arbitrary: adminHostile },
);

// ---- running them ----------------------------------------------------------------------------

type Outcome = { req: RawRequest; res?: RawResponse; error?: string };

async function runAll(requests: RawRequest[]): Promise<Outcome[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const outcomes: Outcome[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const req = requests[i];
      // Every tenth request on a fresh connection, the rest on kept-alive ones.
      outcomes[i] = await send(server.port, { ...req, chunked: i % 7 === 0 }, i % 10 === 0 ? undefined : agent).then(
        (res) => ({ req, res }),
        (err: Error) => ({ req, error: err.message }),
      );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return outcomes;
}

const describeReq = (o: Outcome) => `${o.req.method} ${o.req.path.slice(0, 80)} [${o.req.headers?.['content-type'] ?? '-'}] ${String(o.req.body ?? '').slice(0, 80)}`;

describe(`${TOTAL} hostile requests (seed ${SEED})`, () => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    const requests = fc.sample(hostileRequest, { numRuns: TOTAL, seed: SEED });
    outcomes = await runAll(requests);
  });

  it('drop no connection: every request gets a whole answer', () => {
    const dropped = outcomes.filter((o) => o.error).map((o) => `${o.error}: ${describeReq(o)}`);
    expect(dropped).toEqual([]);
    expect(outcomes).toHaveLength(TOTAL);
  });

  it('never answer 5xx', () => {
    const failed = outcomes.filter((o) => (o.res?.status ?? 0) >= 500).map((o) => `${o.res!.status} ${describeReq(o)} → ${o.res!.body.slice(0, 200)}`);
    expect(failed).toEqual([]);
  });

  it('answer every 4xx with an RFC 9457 problem: status, title, requestId', () => {
    const bad = outcomes
      .filter((o) => o.res && o.res.status >= 400 && o.res.status < 500)
      .map((o) => ({ o, v: problemViolations(o.res!, o.req.method) }))
      .filter(({ v }) => v.length > 0)
      .map(({ o, v }) => `${o.res!.status} ${v.join('; ')}: ${describeReq(o)}`);
    expect(bad).toEqual([]);
  });

  it('answer a success only with a decision, for what was a valid declaration after all', () => {
    const ok = outcomes.filter((o) => o.res && o.res.status < 300 && o.req.method === 'POST' && o.req.path.startsWith('/v1/screenings'));
    for (const o of ok) {
      const body = JSON.parse(o.res!.body);
      const decisions = o.req.path.startsWith('/v1/screenings/batch') ? body.results.map((r: { decision?: string }) => r.decision).filter(Boolean) : [body.decision];
      for (const d of decisions) expect(['ACCEPT', 'REVIEW', 'REJECT']).toContain(d);
    }
    // The mix is hostile, not hopeless: some get through, most are refused.
    const statuses = new Set(outcomes.map((o) => o.res?.status));
    expect([...statuses].filter((s) => s !== undefined && s >= 400 && s < 500).length).toBeGreaterThanOrEqual(6);
    expect(ok.length).toBeGreaterThan(20);
  });

  it('pollute no prototype', () => {
    expect(snapshotPrototypes()).toBe(prototypesBefore);
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin, probe.decision, probe.x]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('still answer an honest request afterwards: the mask is refused', async () => {
    const res = await send(server.port, post('/v1/screenings', JSON.stringify(GOOD)));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ decision: 'REJECT', items: [{ matches: [{ entryId: 'medical-masks' }] }] });
    const health = await send(server.port, { method: 'GET', path: '/readyz' });
    expect(health.status).toBe(200);
  });

  it('keep the latency histogram bounded whatever paths were asked', async () => {
    const res = await send(server.port, { method: 'GET', path: '/metrics' });
    const routes = new Set([...res.body.matchAll(/^http_request_duration_seconds_count\{[^}]*route="([^"]*)"/gm)].map((m) => m[1]));
    expect(routes.size).toBeLessThanOrEqual(65);
  });
});

describe('prototype keys cannot change a decision', () => {
  const payload = '{"decision":"ACCEPT","items":[],"date":"2019-01-01","destination":{"country":"VN"},"hsCode":"0000"}';
  it.each(PROTO_KEYS.map((k) => [k]))('%s in every object of a masks declaration', async (key) => {
    const text = JSON.stringify(GOOD).replace(/\{/g, `{"${key}":${key === 'constructor' ? `{"prototype":${payload}}` : payload},`);
    const res = await send(server.port, post('/v1/screenings', text));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ decision: 'REJECT', date: '2020-02-10' });
    expect(snapshotPrototypes()).toBe(prototypesBefore);
  });
});

describe('compressed bodies', () => {
  it('are refused with 415 before any inflating (a 50 kB gzip body would be 50 MB of work)', async () => {
    const started = Date.now();
    const res = await send(server.port, post('/v1/screenings/batch', gzipBomb(), { ...JSON_TYPE, 'content-encoding': 'gzip' }));
    expect(res.status).toBe(415);
    expect(problemViolations(res, 'POST')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('what never reaches Express is still a problem', () => {
  const cases: [string, { given: string; want: number }][] = [
    ['a request line that is not HTTP', { given: 'GARBAGE\r\n\r\n', want: 400 }],
    ['headers past the 16 kB limit', { given: `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`, want: 431 }],
    ['both Content-Length and chunked', { given: 'POST /v1/screenings HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', want: 400 }],
    ['a control character in a header', { given: 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n', want: 400 }],
    ['a broken chunk size', { given: 'POST /v1/screenings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', want: 400 }],
    ['CONNECT (dropped without a listener)', { given: 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', want: 405 }],
    ['an Expect the service cannot meet (a bare 417 otherwise)', { given: 'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nConnection: close\r\n\r\n', want: 417 }],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const answer = await sendRaw(server.port, given);
    const [head, ...rest] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${want} `));
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    const body = rest.join('\r\n\r\n');
    const json = /transfer-encoding: chunked/i.test(head) ? body.split('\r\n')[1] : body;
    expect(JSON.parse(json)).toMatchObject({ status: want, title: expect.any(String), requestId: expect.any(String) });
  });
});
