import { type BenchContext, freshHistory } from '../context';
import { declarationBodies } from '../declarations';
import { keepAliveAgent, postJson } from '../http-client';
import { startScreeningServer } from '../processes';
import type { Report } from '../report';

const TRAFFIC = 300;
const MB = 1024 * 1024;

/**
 * 3. Each catalog size in a server process of its own (the built service, production settings): a
 * first start, then a restart on the same history folder; time from spawn to /readyz 200, and RSS
 * after GC when ready and after some traffic.
 */
export async function memorySection(report: Report, ctx: BenchContext): Promise<void> {
  report.section('3. Memory and time to ready by catalog size (node dist/server.js, one process each, RSS after GC)');
  const rows: (string | number)[][] = [];
  const figures: Record<string, unknown>[] = [];
  const bodies = declarationBodies(TRAFFIC, 31).map((b) => JSON.stringify(b));
  for (const catalog of ctx.catalogs) {
    // A first start publishes the catalog; a restart on the same history folder reads only the files changed since.
    const historyDir = freshHistory(ctx, catalog.name);
    for (const start of ['first start', 'restart'] as const) {
      const server = await startScreeningServer({ name: `screening (${catalog.name}, ${start})`, catalogDir: catalog.dir, historyDir, timeoutMs: 300_000 });
      try {
        const ready = await server.memory();
        const agent = keepAliveAgent();
        for (const body of bodies) {
          const answer = await postJson(`${server.url}/v1/screenings`, body, agent);
          if (answer.status !== 200) throw new Error(`${server.name} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
        }
        agent.destroy();
        const served = await server.memory();
        rows.push([catalog.name, catalog.entries, start, server.readyMs, ready.rss / MB, ready.heapUsed / MB, served.rss / MB, served.heapUsed / MB]);
        figures.push({ name: catalog.name, entries: catalog.entries, start, readyMs: server.readyMs, ready, afterTraffic: served });
      } finally {
        await server.stop();
      }
    }
  }
  report.table(['catalog', 'entries', 'start', 'ready ms', 'RSS MB', 'heap MB', `RSS after ${TRAFFIC} req`, 'heap after'], rows);
  type Figure = { name: string; entries: number; start: string; readyMs: number; afterTraffic: NodeJS.MemoryUsage };
  const largest = (figures as Figure[]).filter((f) => f.entries === Math.max(...(figures as Figure[]).map((g) => g.entries)));
  for (const f of largest) report.check(`RSS at ${f.name} entries, ${f.start}, after traffic`, f.afterTraffic.rss / MB, 250, { unit: ' MB' });
  for (const f of figures as Figure[]) report.check(`ready at ${f.name} entries, ${f.start}`, f.readyMs / 1000, 3, { unit: ' s' });
  report.figures.memory = figures;
}
