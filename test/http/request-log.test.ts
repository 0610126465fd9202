import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import type { AnalysisCache } from '../../src/catalog/analysis-cache';
import type { CatalogStore } from '../../src/catalog/catalog-store';
import { createMetrics } from '../../src/http/metrics';
import { requestId } from '../../src/http/middleware/request-id';
import { requestLog } from '../../src/http/middleware/request-log';

// The request log on an app of its own: one line per request, whatever way it ends.
function logged() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const metrics = createMetrics({ store: { current: () => null } as unknown as CatalogStore, cache: { stats: () => ({ hits: 0, misses: 0, keys: 0 }) } as unknown as AnalysisCache, defaultMetrics: false });
  const app = express();
  app.use(requestId());
  app.use(requestLog(logger, metrics));
  app.get('/v1/things/:id', (_req, res) => res.json({ ok: true }));
  app.get('/boom', (_req, res) => res.status(503).json({ down: true }));
  app.get('/slow', () => {
    // Never answers: the client gives up.
  });
  return { app, lines, metrics };
}

describe('request log', () => {
  it('one line per answer: request id, method, path without the query, status, time; never the query', async () => {
    const { app, lines } = logged();
    await request(app).get('/v1/things/7?token=secret-value').set('X-Request-Id', 'counter-1.req-9').expect(200);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect({ msg: line.msg, level: line.level, requestId: line.requestId, req: line.req, res: line.res }).toEqual({
      msg: 'request completed',
      level: 30,
      requestId: 'counter-1.req-9',
      req: { method: 'GET', path: '/v1/things/7' },
      res: { statusCode: 200 },
    });
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-value');
  });

  it('a 5xx answer is logged as an error', async () => {
    const { app, lines } = logged();
    await request(app).get('/boom').expect(503);
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.msg, l.level])).toEqual([['request errored', 50]]);
  });

  it('a client that hangs up before the answer is logged once, as aborted, and counted in the latency metric', async () => {
    const { app, lines, metrics } = logged();
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const arrived = new Promise((r) => server.once('request', r));
    const req = httpRequest({ host: '127.0.0.1', port, path: '/slow' });
    req.on('error', () => {});
    req.end();
    // Hang up once the service has the request (on a busy machine that may take a while).
    await arrived;
    await new Promise((r) => setImmediate(r));
    req.destroy();
    for (let i = 0; i < 300 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    expect(lines.map((l) => [l.msg, (l.req as { path: string }).path])).toEqual([['request aborted', '/slow']]);
    expect(await metrics.registry.getSingleMetricAsString('http_request_duration_seconds')).toMatch(/status="aborted"/);
  });
});
