import cluster from 'node:cluster';
import type { Server, ServerResponse } from 'node:http';
import { loadConfig, type Config } from './config';
import { guardServer } from './http/middleware/client-error';
import { createLogger, createService } from './service';

const SHUTDOWN_GRACE_MS = 10_000;

async function runWorker(config: Config): Promise<void> {
  const service = await createService(config);
  const { logger, store } = service;
  const server: Server = service.app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, catalog: store.status().version, ready: store.status().ready }, 'screening service listening');
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  guardServer(server);
  process.on('SIGHUP', () => void store.reload('SIGHUP'));
  let stopping = false;
  // Answers still to be written; on stopping they say Connection: close so keep-alive sockets do not hold the exit.
  const unanswered = new Set<ServerResponse>();
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (stopping && !res.headersSent) res.setHeader('Connection', 'close');
    unanswered.add(res);
    res.on('close', () => unanswered.delete(res));
    res.on('finish', () => {
      unanswered.delete(res);
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new connections, finishing requests in flight');
    for (const res of unanswered) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.close(() => {
      service.close();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.warn('requests still in flight after the grace period; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function runPrimary(config: Config): void {
  const logger = createLogger(config);
  logger.info({ workers: config.workers }, 'starting workers');
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal }, 'worker exited; starting another');
    cluster.fork();
  });
  const forward = (signal: NodeJS.Signals) => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGHUP', () => forward('SIGHUP'));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      forward(signal);
    });
  }
}

const config = loadConfig();
if (config.workers > 1 && cluster.isPrimary) runPrimary(config);
else void runWorker(config);
