import { Agent, request as httpRequest } from 'node:http';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { problemViolations, send, type RawResponse } from '../security/support/raw-http';
import { catalogCopy, freePort, ROOT, spawnTs, type Child } from './support/child';

// The real server (`src/server.ts`, one worker) as operators run it: JSON logs with a request id on
// every request line and never a token or a declaration's words; SIGTERM finishes what is in flight,
// refuses new connections and exits 0.
jest.setTimeout(90_000);

const TOKEN = 'process-test-token-5f0c9a7e21d4b8';
const WRONG = 'process-test-token-wrong-000000';
const SECRET_WORDS = ['Khẩu trang zqxv-4711', 'Bí Mật Nguyễn', '12 Phố Huế zqxv', 'áo dài zqxv-0815'];
const LIFECYCLE = new Set(['catalog loaded', 'heap compacted after loading', 'screening warmed up', 'warm-up stopped', 'screening service listening', 'stopping: no new connections, finishing requests in flight', 'stopped']);

let dirs: Awaited<ReturnType<typeof catalogCopy>>;
let server: Child;
let port: number;
const answers: RawResponse[] = [];

const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
  const res = await send(port, {
    method,
    path,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  answers.push(res);
  return res;
};

beforeAll(async () => {
  dirs = await catalogCopy();
  port = await freePort();
  server = spawnTs(join(ROOT, 'src', 'server.ts'), [], {
    PORT: String(port),
    HOST: '127.0.0.1',
    WORKERS: '1',
    LOG_LEVEL: 'info',
    CATALOG_DIR: dirs.catalogDir,
    CATALOG_HISTORY_DIR: dirs.historyDir,
    CATALOG_ADMIN_TOKENS: `Lê Văn Cường:${TOKEN}`,
    ADMIN_FAILED_LOGIN_LIMIT: '50',
  });
  await server.waitForLine((l) => l.includes('screening service listening'), 60_000);
});
afterAll(async () => {
  if (server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGKILL');
  await rm(dirs.dir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('screens, administers and refuses as the app does', async () => {
    const decl = {
      date: '2020-02-10',
      origin: { country: 'VN' },
      destination: { country: 'US' },
      sender: { name: SECRET_WORDS[1], address: SECRET_WORDS[2] },
      items: [{ description: SECRET_WORDS[0] }],
    };
    expect((await call('POST', '/v1/screenings', { 'x-request-id': 'counter-1.0001' }, decl)).status).toBe(200);
    expect((await call('POST', '/v1/screenings', {}, { ...decl, items: [{ description: SECRET_WORDS[3], quantity: -1 }] })).status).toBe(400);
    const read = await call('GET', '/v1/admin/catalog/entries/medical-gloves', { authorization: `Bearer ${TOKEN}` });
    expect(read.status).toBe(200);
    const put = await call('PUT', '/v1/admin/catalog/entries/medical-gloves', { authorization: `Bearer ${TOKEN}`, 'if-match': String(read.headers.etag), 'x-change-reason': encodeURIComponent('Kiểm tra nhật ký') }, JSON.parse(read.body));
    expect(put.status).toBe(200);
    expect((await call('GET', '/v1/admin/catalog/audit', { authorization: `Bearer ${WRONG}` })).status).toBe(401);
    expect((await call('POST', '/v1/admin/catalog/reload', { authorization: `bearer ${TOKEN}` })).status).toBe(200);
    expect((await call('GET', '/v1/admin/catalog/audit?token=' + TOKEN, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('answers headers over the limit with a 431 problem, as every 4xx', async () => {
    const res = await call('GET', '/healthz', { 'x-filler': 'a'.repeat(40_000) });
    expect(res.status).toBe(431);
    expect(problemViolations(res)).toEqual([]);
  });

  it('puts a request id on every answer, the caller\'s own when it is well formed', () => {
    expect(answers.every((a) => typeof a.headers['x-request-id'] === 'string' && a.headers['x-request-id'].length > 0)).toBe(true);
    expect(answers[0].headers['x-request-id']).toBe('counter-1.0001');
  });

  it('on SIGTERM finishes the request in flight, refuses new connections and exits 0', async () => {
    const body = JSON.stringify({ date: '2020-02-10', origin: { country: 'VN' }, destination: { country: 'US' }, items: [{ description: 'Khẩu trang y tế' }] });
    let sent: () => void = () => undefined;
    const inFlight = new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1/screenings', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
      });
      req.on('error', reject);
      // Half the body now, the rest after SIGTERM: the request is in flight when the signal comes.
      req.write(body.slice(0, 20));
      sent = () => req.end(body.slice(20));
    });
    await new Promise((r) => setTimeout(r, 200));
    const signalledAt = Date.now();
    server.proc.kill('SIGTERM');
    await server.waitForLine((l) => l.includes('stopping'), 10_000);
    // The line is written just before the listener closes; a connection in between would be reset.
    await new Promise((r) => setTimeout(r, 150));
    // A new connection (kept-alive ones the server had were closed as idle).
    const refused = await send(port, { method: 'GET', path: '/healthz' }, new Agent()).then((r) => `answered ${r.status}`, (e: NodeJS.ErrnoException) => e.code);
    expect(refused).toBe('ECONNREFUSED');
    sent();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).decision).toBe('REJECT');
    expect(answer.connection).toBe('close');
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5000);
  });

  describe('its log', () => {
    const lines = () => server.lines.filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

    it('is JSON lines, one per request answered and for each admin call', () => {
      const completed = lines().filter((l) => l.msg === 'request completed' || l.msg === 'request errored');
      expect(completed.length).toBeGreaterThanOrEqual(answers.length - 1);
      expect(lines().filter((l) => l.msg === 'admin call').length).toBeGreaterThanOrEqual(4);
    });

    it('says the heap was compacted once, after the catalog loaded and before the service listened', () => {
      const msgs = lines().map((l) => l.msg);
      const compacted = lines().filter((l) => l.msg === 'heap compacted after loading');
      expect(compacted).toHaveLength(1);
      expect(compacted[0].heapMbAfter).toBeLessThanOrEqual(compacted[0].heapMbBefore as number);
      expect(msgs.indexOf('catalog loaded')).toBeLessThan(msgs.indexOf('heap compacted after loading'));
      expect(msgs.indexOf('heap compacted after loading')).toBeLessThan(msgs.indexOf('screening service listening'));
    });

    it('carries a request id on every line but the lifecycle ones', () => {
      const without = lines().filter((l) => !LIFECYCLE.has(String(l.msg)) && typeof l.requestId !== 'string');
      expect(without).toEqual([]);
      const ids = new Set(lines().map((l) => l.requestId));
      for (const a of answers.filter((a) => a.status !== 431)) expect(ids.has(a.headers['x-request-id'])).toBe(true);
    });

    it('never holds a token, a declaration\'s words or a sender\'s name and address', () => {
      const text = server.lines.join('\n');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(WRONG);
      expect(text).not.toContain(TOKEN.slice(0, 16));
      for (const w of SECRET_WORDS) expect(text).not.toContain(w);
      expect(text).not.toMatch(/zqxv/);
    });

    it('names the officer for admin calls', () => {
      const admin = lines().filter((l) => l.msg === 'admin call');
      expect(admin.every((l) => l.officer === 'Lê Văn Cường')).toBe(true);
    });
  });
});
