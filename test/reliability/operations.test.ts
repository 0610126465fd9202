import request from 'supertest';
import { declaration, OFFICER_TOKEN, startTestService, type TestService } from '../support/service';

// What operators and security reviewers look for: metrics after traffic, CORS only for the counters'
// origins, failed admin logins rate-limited, helmet's headers with a CSP that allows no inline script.
const COUNTER = 'https://quay.buudien.example.vn';
const MASK = { description: 'Khẩu trang y tế 4 lớp', hsCode: '6307.90.40' };

let t: TestService;
beforeAll(async () => {
  t = await startTestService({ env: { CORS_ORIGINS: `${COUNTER}, https://other-counter.example.vn`, ADMIN_FAILED_LOGIN_LIMIT: '3' } });
});
afterAll(async () => {
  await t.cleanup();
});

describe('/metrics after some traffic', () => {
  let text: string;
  beforeAll(async () => {
    for (const items of [[MASK], [MASK], [{ description: 'Áo thun cotton' }], [{ description: 'quà tặng' }]]) await request(t.app).post('/v1/screenings').send(declaration(items));
    await request(t.app).post('/v1/screenings').send({});
    await t.store.reload('test');
    text = (await request(t.app).get('/metrics')).text;
  });

  it.each([
    ['decisions by outcome', /^screening_decisions_total\{decision="REJECT"\} 2$/m],
    ['ACCEPT counted too', /^screening_decisions_total\{decision="ACCEPT"\} 1$/m],
    ['item decisions by entry', /^screening_items_total\{decision="REJECT",entry="medical-masks"\} 2$/m],
    ['latency histogram by route and status', /^http_request_duration_seconds_bucket\{le="[0-9.]+",method="POST",route="\/v1\/screenings",status="200"\} \d+$/m],
    ['the 400 in the histogram', /^http_request_duration_seconds_count\{method="POST",route="\/v1\/screenings",status="400"\} 1$/m],
    ['the catalog version in force', /^catalog_info\{version="[0-9a-f]{16}"\} 1$/m],
    ['reload failures', /^catalog_reload_failures_total 0$/m],
    ['readiness', /^catalog_ready 1$/m],
    ['cache hits', /^analysis_cache_hits 1$/m],
    ['cache misses', /^analysis_cache_misses 3$/m],
    ['cache size', /^analysis_cache_keys 3$/m],
  ])('%s', (_name, line) => {
    expect(text).toMatch(line);
  });

  it('is the Prometheus text format', async () => {
    const res = await request(t.app).get('/metrics');
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    request(t.app).options('/v1/screenings').set('Origin', origin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type');
  it.each([[COUNTER], ['https://other-counter.example.vn']])('lets a configured counter origin in: %s', async (origin) => {
    const res = await preflight(origin);
    expect(res.status).toBeLessThan(300);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    const post = await request(t.app).post('/v1/screenings').set('Origin', origin).send(declaration([MASK]));
    expect(post.headers['access-control-allow-origin']).toBe(origin);
    expect(post.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);
  });
  it.each([['https://evil.example.com'], ['https://quay.buudien.example.vn.evil.com'], ['null'], ['http://quay.buudien.example.vn']])('gives no CORS header to %s', async (origin) => {
    const res = await preflight(origin);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const post = await request(t.app).post('/v1/screenings').set('Origin', origin).send(declaration([MASK]));
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });
  it('is off entirely when no origin is configured', async () => {
    const plain = await startTestService();
    try {
      const res = await request(plain.app).options('/v1/screenings').set('Origin', COUNTER).set('Access-Control-Request-Method', 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.cleanup();
    }
  });
});

describe('failed admin logins', () => {
  it('are refused with 401, then 429 past ADMIN_FAILED_LOGIN_LIMIT, as problems', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(t.app).get('/v1/admin/catalog/audit').set('Authorization', `Bearer wrong-token-${i}-0123456789`);
      statuses.push(res.status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // A valid officer from the same address is not locked out by someone else's failures.
    expect((await request(t.app).get('/v1/admin/catalog/audit').set('Authorization', `Bearer ${OFFICER_TOKEN}`)).status).toBe(200);
  });
  it('do not count successful calls', async () => {
    const fresh = await startTestService({ env: { ADMIN_FAILED_LOGIN_LIMIT: '2' } });
    try {
      for (let i = 0; i < 5; i++) expect((await request(fresh.app).get('/v1/admin/catalog/audit').set('Authorization', `Bearer ${OFFICER_TOKEN}`)).status).toBe(200);
      expect((await request(fresh.app).get('/v1/admin/catalog/audit').set('Authorization', 'Bearer wrong-token-0123456789')).status).toBe(401);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('helmet headers', () => {
  const csp = (res: request.Response) => Object.fromEntries(String(res.headers['content-security-policy']).split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  it.each([['/healthz'], ['/v1/catalog'], ['/nothing-here']])('on %s', async (path) => {
    const res = await request(t.app).get(path);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
    const policy = csp(res);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });
  it('no page anywhere may run inline script, the API docs included', async () => {
    for (const path of ['/lookup/', '/catalog/', '/docs/', '/healthz']) {
      const header = String((await request(t.app).get(path)).headers['content-security-policy']);
      const script = /script-src ([^;]*)/.exec(header)?.[1] ?? /default-src ([^;]*)/.exec(header)?.[1] ?? '';
      expect({ path, script }).toEqual({ path, script: "'self'" });
    }
  });
});
