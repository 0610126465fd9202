import { availableParallelism } from 'node:os';
import { type BenchContext, freshHistory } from '../context';
import { declarationBodies } from '../declarations';
import { getText } from '../http-client';
import { type Cursor, loadTest, pooled, type LoadResult } from '../load';
import { startScreeningServer, type Server } from '../processes';
import type { Report } from '../report';

const WARM_UP_SECONDS = 3;
const WORKERS_TIME_LIMIT_MS = 120_000;

/** Waits until `workers` processes answer: each built its own snapshot, so /readyz shows distinct `builtAt`. */
async function everyWorkerListening(url: string, workers: number): Promise<boolean> {
  const seen = new Set<string>();
  const deadline = performance.now() + WORKERS_TIME_LIMIT_MS;
  while (seen.size < workers && performance.now() < deadline) {
    const answer = await getText(`${url}/readyz`).catch(() => null);
    const builtAt = answer?.status === 200 ? (JSON.parse(answer.text) as { catalog?: { builtAt?: string } }).catalog?.builtAt : undefined;
    if (builtAt) seen.add(builtAt);
    else await new Promise((r) => setTimeout(r, 20));
  }
  return seen.size >= workers;
}

/**
 * 5. `node dist/server.js` with one worker and with one per core (node:cluster), under the same
 * load in alternating rounds. The load generator runs on the same cores.
 */
export async function clusterSection(report: Report, ctx: BenchContext): Promise<void> {
  const cores = availableParallelism();
  const counts = [...new Set([1, Math.max(2, cores)])];
  report.section(`5. Cluster: WORKERS=${counts.join(' vs WORKERS=')} on ${cores} cores (${ctx.connections} connections, ${ctx.rounds} alternating rounds × ${ctx.seconds} s; autocannon shares the cores)`);
  const bodies = declarationBodies(20_000, 13).map((b) => JSON.stringify(b));
  const servers: Server[] = [];
  try {
    const targets: { workers: number; server: Server; cursor: Cursor; rounds: LoadResult[] }[] = [];
    for (const workers of counts) {
      const server = await startScreeningServer({ name: `WORKERS=${workers}`, catalogDir: ctx.catalogs[0].dir, historyDir: freshHistory(ctx, `cluster-${workers}`), workers });
      servers.push(server);
      if (!(await everyWorkerListening(server.url, workers))) report.line(`  warning: not every one of the ${workers} workers answered within ${WORKERS_TIME_LIMIT_MS / 1000} s`);
      targets.push({ workers, server, cursor: { next: 0 }, rounds: [] });
    }
    // Warm every worker: the round-robin spreads the warm-up connections over them.
    for (const t of targets) await loadTest({ url: `${t.server.url}/v1/screenings`, bodies, cursor: t.cursor, connections: ctx.connections, seconds: WARM_UP_SECONDS });
    for (let r = 0; r < ctx.rounds; r++) {
      for (const t of r % 2 === 0 ? targets : [...targets].reverse()) {
        t.rounds.push(await loadTest({ url: `${t.server.url}/v1/screenings`, bodies, cursor: t.cursor, connections: ctx.connections, seconds: ctx.seconds }));
      }
    }
    const results = targets.map((t) => ({ workers: t.workers, ...pooled(t.rounds), perRound: t.rounds.map((x) => x.rps) }));
    report.table(['', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'req/s by round'], results.map((x) => [`WORKERS=${x.workers}`, x.rps, x.p50, x.p99, x.errors + x.non2xx, x.perRound.map((v) => v.toFixed(0)).join(' / ')]));
    const scaling = results[results.length - 1].rps / results[0].rps;
    report.line(`  throughput with ${results[results.length - 1].workers} workers ÷ 1 worker: ${scaling.toFixed(2)}×`);
    report.figures.cluster = { cores, results, scaling };
  } finally {
    for (const server of servers) await server.stop();
  }
}
