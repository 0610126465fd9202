import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Express } from 'express';
import pino from 'pino';
import { built } from './built';
import { declarationBodies } from './declarations';
import { median } from './report';

const { loadConfig } = built<typeof import('../../src/config')>('config');
const { createService } = built<typeof import('../../src/service')>('service');

/** Sequential keep-alive round trips to an app listening on loopback in this process. */
export type Loopback = { trips(method: 'GET' | 'POST', path: string, bodies: readonly string[], n: number): Promise<number>; close(): Promise<void> };

export async function loopback(app: Express): Promise<Loopback> {
  const server: Server = app.listen(0, '127.0.0.1');
  // Other measurements come between the trips: the kept-alive socket must outlive them.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = (method: string, path: string, body?: string) =>
    new Promise<void>((done, fail) => {
      const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      const req = request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? done() : fail(new Error(`${method} ${path} answered ${res.statusCode}`))));
      });
      req.on('error', fail);
      req.end(body);
    });
  return {
    async trips(method, path, bodies, n) {
      const t = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await once(method, path, method === 'POST' ? bodies[i % bodies.length] : undefined);
      return Number(process.hrtime.bigint() - t) / 1000 / n;
    },
    async close() {
      agent.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Express parsing the body and answering a small JSON: the yardstick. */
export function bareApp(): Express {
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post('/v1/screenings', (req, res) => {
    res.json({ decision: 'ACCEPT', items: Array.isArray(req.body?.items) ? req.body.items.length : 0 });
  });
  return app;
}

export type RequestPath = { bareGetUs: number; appGetUs: number; barePostUs: number; appPostUs: number; rounds: number };

/**
 * Round trips to the whole service app (its middleware, request logs to /dev/null as in production
 * at info level) and to the bare app, interleaved: GET /healthz shows what the middleware costs,
 * POST /v1/screenings (warm cache) what a screening request costs in all.
 */
export async function measureRequestPath(catalogDir: string, rounds: number, trips = 500): Promise<RequestPath> {
  const history = await mkdtemp(join(tmpdir(), 'bench-request-path-'));
  const config = loadConfig({ CATALOG_DIR: catalogDir, CATALOG_HISTORY_DIR: history, CATALOG_WATCH: 'false', LOG_LEVEL: 'info' });
  const logger = pino({ level: 'info', base: { pid: process.pid } }, pino.destination({ dest: '/dev/null', sync: true }));
  const service = await createService(config, { logger });
  // Measured in the steady state: after the background warm-up of the catalog snapshot.
  await service.warmedUp();
  const [bare, app] = await Promise.all([loopback(bareApp()), loopback(service.app)]);
  const bodies = declarationBodies(trips, 17).map((b) => JSON.stringify(b));
  const figures = { bareGetUs: [] as number[], appGetUs: [] as number[], barePostUs: [] as number[], appPostUs: [] as number[] };
  try {
    await bare.trips('POST', '/v1/screenings', bodies, trips);
    await app.trips('POST', '/v1/screenings', bodies, trips);
    for (let r = 0; r < rounds; r++) {
      figures.bareGetUs.push(await bare.trips('GET', '/healthz', [], trips));
      figures.appGetUs.push(await app.trips('GET', '/healthz', [], trips));
      figures.barePostUs.push(await bare.trips('POST', '/v1/screenings', bodies, trips));
      figures.appPostUs.push(await app.trips('POST', '/v1/screenings', bodies, trips));
    }
  } finally {
    await Promise.all([bare.close(), app.close()]);
    service.close();
    await rm(history, { recursive: true, force: true });
  }
  return {
    bareGetUs: median(figures.bareGetUs),
    appGetUs: median(figures.appGetUs),
    barePostUs: median(figures.barePostUs),
    appPostUs: median(figures.appPostUs),
    rounds,
  };
}
