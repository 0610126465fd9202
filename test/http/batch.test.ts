import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { declaration, startTestService, type TestService } from '../support/service';

// POST /v1/screenings/batch: results are written as they are screened, slice by slice.
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service.cleanup();
});

const MASK = { description: 'Khẩu trang y tế 4 lớp', hsCode: '6307.90.40' };
const COFFEE = { description: 'Cà phê rang xay' };
const GLOVES = { description: 'Găng tay làm vườn' };

/** The service on a loopback port, for clients in other processes. */
async function listening(): Promise<{ server: Server; port: number }> {
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Runs a client script in another process, as counter software is (in this one, its reads would
 * wait for the whole answer): `input` on its stdin, the port as its argument; resolves with its stdout.
 */
function clientProcess(script: string, port: number, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`client exited ${code}`))));
    child.stdin.end(input);
  });
}

/** 130 declarations (several slices of the answer): every tenth invalid, every third a mask. */
function manifest(): unknown[] {
  return Array.from({ length: 130 }, (_, k) => {
    if (k % 10 === 9) return { items: 'none' };
    return declaration(k % 3 === 0 ? [MASK, COFFEE] : [COFFEE, GLOVES]);
  });
}

const post = (body: unknown, accept = 'application/json') =>
  request(service.app).post('/v1/screenings/batch').set('Content-Type', 'application/json').set('Accept', accept).send(JSON.stringify(body));

describe('a batch answer longer than one slice', () => {
  it('is one JSON document: every declaration in order, then the summary', async () => {
    const declarations = manifest();
    const res = await post({ declarations });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.body as { results: { index: number; decision?: string; errors?: unknown[] }[]; summary: Record<string, unknown> };
    expect(body.results.map((r) => r.index)).toEqual(declarations.map((_, k) => k));
    body.results.forEach((r, k) => {
      if (k % 10 === 9) expect(r.errors?.length).toBeGreaterThan(0);
      else expect(r.decision).toBe(k % 3 === 0 ? 'REJECT' : 'ACCEPT');
    });
    expect(body.summary).toMatchObject({ declarations: 130, invalid: 13, decisions: { REJECT: 39, ACCEPT: 78, REVIEW: 0 } });
  });

  it('as JSON Lines is a line per declaration in order, then the summary line', async () => {
    const res = await post({ declarations: manifest() }, 'application/x-ndjson');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = res.text.split('\n');
    expect(lines.pop()).toBe('');
    const parsed = lines.map((l) => JSON.parse(l) as { index?: number; summary?: { declarations: number } });
    expect(parsed.slice(0, -1).map((l) => l.index)).toEqual(Array.from({ length: 130 }, (_, k) => k));
    expect(parsed[130].summary?.declarations).toBe(130);
  });

  it('gives the same results streamed as JSON and as JSON Lines', async () => {
    const declarations = manifest();
    const [json, lines] = await Promise.all([post({ declarations }), post({ declarations }, 'application/x-ndjson')]);
    const strip = (r: { screeningId?: string }) => ({ ...r, screeningId: undefined });
    const fromLines = lines.text.trim().split('\n').slice(0, -1).map((l) => strip(JSON.parse(l)));
    expect(fromLines).toEqual(json.body.results.map(strip));
  });
});

/** Posts stdin as a batch to the port in argv, prints the size of the first chunk of the answer and exits. */
const HANG_UP_CLIENT = `
const http = require('node:http');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', () => {
  const body = Buffer.concat(chunks);
  const req = http.request({ host: '127.0.0.1', port: Number(process.argv[1]), method: 'POST', path: '/v1/screenings/batch',
    headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
    res.once('data', (chunk) => { process.stdout.write(String(chunk.length)); req.destroy(); process.exit(0); });
  });
  req.on('error', () => process.exit(3));
  req.end(body);
});`;

describe('a client that hangs up during a long answer', () => {
  it('stops the batch; the service keeps answering', async () => {
    const { server, port } = await listening();
    const screened = jest.spyOn(service.metrics, 'recordDecision');
    try {
      // 1,000 declarations of 10 items: an answer of megabytes, more than the sockets hold unread.
      const items = (k: number) => Array.from({ length: 10 }, (_, i) => (i === 0 ? MASK : { description: `Hàng mẫu số ${k}.${i}` }));
      const body = JSON.stringify({ declarations: Array.from({ length: 1000 }, (_, k) => declaration(items(k))) });
      // The client reads the first bytes and hangs up.
      const firstBytes = Number(await clientProcess(HANG_UP_CLIENT, port, body));
      expect(firstBytes).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(screened.mock.calls.length).toBeLessThan(1000);
      const after = await request(server).post('/v1/screenings').send(declaration([MASK]));
      expect(after.status).toBe(200);
      expect(after.body.decision).toBe('REJECT');
    } finally {
      screened.mockRestore();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** Sends the first request of stdin's pair, the second once the first answer begins; prints all it got. */
const PIPELINING_CLIENT = `
const net = require('node:net');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', () => {
  const [first, second] = JSON.parse(Buffer.concat(chunks).toString());
  const got = [];
  const socket = net.connect(Number(process.argv[1]), '127.0.0.1', () => socket.write(first));
  socket.on('data', (c) => { if (got.length === 0) socket.write(second); got.push(c); });
  const done = () => process.stdout.write(Buffer.concat(got), () => process.exit(0));
  socket.on('end', done);
  socket.on('error', () => process.exit(3));
  setTimeout(done, 8000);
});`;

describe('batches pipelined on one connection', () => {
  it('are both answered in full, in order', async () => {
    const { server, port } = await listening();
    try {
      const body = (n: number) => JSON.stringify({ declarations: Array.from({ length: n }, () => declaration([MASK, COFFEE])) });
      const request = (b: string, last: boolean) =>
        `POST /v1/screenings/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(b)}\r\n${last ? 'Connection: close\r\n' : ''}\r\n${b}`;
      // The second request goes out once the first answer has begun.
      const raw = await clientProcess(PIPELINING_CLIENT, port, JSON.stringify([request(body(600), false), request(body(40), true)]));
      const statuses = raw.match(/^HTTP\/1\.1 \d{3}/gm);
      expect(statuses).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
      const summaries = [...raw.matchAll(/"summary":\{"batchId":"[^"]+","catalog":\{"version":"[0-9a-f]+"\},"declarations":(\d+)/g)].map((m) => Number(m[1]));
      expect(summaries).toEqual([600, 40]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
