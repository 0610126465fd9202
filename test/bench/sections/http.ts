import { type BenchContext, freshHistory } from '../context';
import { declarationBodies } from '../declarations';
import { getText } from '../http-client';
import { type Cursor, loadTest, pooled, type LoadResult } from '../load';
import { startBareServer, startScreeningServer, type Server } from '../processes';
import type { Report } from '../report';

const WARM_UP_SECONDS = 2;

/** The analysis cache's hits and misses, read from the service's own metrics. */
export async function cacheCounts(url: string): Promise<{ hits: number; misses: number }> {
  const text = (await getText(`${url}/metrics`)).text;
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { hits: read('analysis_cache_hits'), misses: read('analysis_cache_misses') };
}

/**
 * 1. POST /v1/screenings on the built service next to a bare Express endpoint parsing the same
 * bodies: same connections, alternating rounds after a warm-up, each server in its own process.
 */
export async function httpSection(report: Report, ctx: BenchContext): Promise<void> {
  report.section(`1. HTTP: POST /v1/screenings vs a bare Express endpoint (${ctx.connections} connections, ${ctx.rounds} alternating rounds × ${ctx.seconds} s after ${WARM_UP_SECONDS} s warm-ups)`);
  const bodies = declarationBodies(20_000, 11).map((b) => JSON.stringify(b));
  const bundled = ctx.catalogs[0];
  const servers: Server[] = [];
  try {
    const screening = await startScreeningServer({ name: 'screening', catalogDir: bundled.dir, historyDir: freshHistory(ctx, 'http') });
    servers.push(screening);
    const bare = await startBareServer();
    servers.push(bare);
    // Diagnostic only: the same service without request logs, to see what logging costs.
    const quiet = await startScreeningServer({ name: 'screening, LOG_LEVEL=silent', catalogDir: bundled.dir, historyDir: freshHistory(ctx, 'http-silent'), env: { LOG_LEVEL: 'silent' } });
    servers.push(quiet);
    const targets = [
      { name: 'screening', server: screening, cursor: { next: 0 } as Cursor, rounds: [] as LoadResult[] },
      { name: 'bare express', server: bare, cursor: { next: 0 } as Cursor, rounds: [] as LoadResult[] },
      { name: 'screening, no logs', server: quiet, cursor: { next: 0 } as Cursor, rounds: [] as LoadResult[] },
    ];
    for (const t of targets) {
      await loadTest({ url: `${t.server.url}/v1/screenings`, bodies, cursor: t.cursor, connections: ctx.connections, seconds: WARM_UP_SECONDS });
    }
    const before = await cacheCounts(screening.url);
    const rows: (string | number)[][] = [];
    for (let r = 0; r < ctx.rounds; r++) {
      // Alternate the order, so no target always runs right after the same neighbour.
      for (const t of r % 2 === 0 ? targets : [...targets].reverse()) {
        const result = await loadTest({ url: `${t.server.url}/v1/screenings`, bodies, cursor: t.cursor, connections: ctx.connections, seconds: ctx.seconds });
        t.rounds.push(result);
        rows.push([`round ${r + 1} ${t.name}`, result.rps, result.p50, result.p99, result.errors + result.non2xx]);
      }
    }
    const after = await cacheCounts(screening.url);
    const [s, b, q] = targets.map((t) => pooled(t.rounds));
    rows.push(
      ['all rounds screening', s.rps, s.p50, s.p99, s.errors + s.non2xx],
      ['all rounds bare express', b.rps, b.p50, b.p99, b.errors + b.non2xx],
      ['all rounds screening, no logs', q.rps, q.p50, q.p99, q.errors + q.non2xx],
    );
    report.table(['', 'req/s', 'p50 ms', 'p99 ms', 'errors'], rows);
    const hits = after.hits - before.hits;
    const misses = after.misses - before.misses;
    const meanItems = bodies.slice(0, 2000).reduce((n, body) => n + (JSON.parse(body) as { items: unknown[] }).items.length, 0) / 2000;
    report.line(`  bodies: 20,000 declarations of 1-5 items (mean ${meanItems.toFixed(2)}), ${Math.round(bodies.reduce((n, x) => n + x.length, 0) / bodies.length)} bytes on average`);
    report.line(`  analysis cache during the rounds: ${hits} hits, ${misses} misses (${((100 * hits) / (hits + misses)).toFixed(1)}% hits)`);
    const rpsRatio = s.rps / b.rps;
    const p99Ratio = s.p99 / b.p99;
    report.line(`  ratios: screening/bare req/s ${rpsRatio.toFixed(3)}, p99 ${p99Ratio.toFixed(2)}×, p50 ${(s.p50 / b.p50).toFixed(2)}×` +
      ` (diagnostic: without request logs req/s ${(q.rps / b.rps).toFixed(3)} of bare, ${(q.rps / s.rps).toFixed(2)}× the logged service)`);
    report.check('screening req/s ÷ bare req/s', rpsRatio, 0.7, { atLeast: true });
    report.check('screening p99 ÷ bare p99', p99Ratio, 2, { unit: '×' });
    report.figures.http = {
      connections: ctx.connections,
      rounds: ctx.rounds,
      secondsPerRound: ctx.seconds,
      screening: { ...s, perRound: targets[0].rounds.map(({ latencies: _l, ...r }) => r) },
      bare: { ...b, perRound: targets[1].rounds.map(({ latencies: _l, ...r }) => r) },
      screeningWithoutLogs: { ...q, perRound: targets[2].rounds.map(({ latencies: _l, ...r }) => r) },
      ratios: { rps: rpsRatio, p99: p99Ratio, p50: s.p50 / b.p50 },
      cache: { hits, misses },
      meanItemsPerDeclaration: meanItems,
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}
