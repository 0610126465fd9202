import { chunked, type ManifestLine } from '../../../src/cli/screen-manifest';
import { type BenchContext, freshHistory } from '../context';
import { declarationBodies, manifestBodies } from '../declarations';
import { keepAliveAgent, postJson } from '../http-client';
import { startScreeningServer, type Server } from '../processes';
import type { Report } from '../report';

const ITEMS = 10_000;
const SINGLES_TIME_LIMIT_MS = 300_000;
const WARM_UP = 200;

type Run = { ms: number; declarations: number; items: number; requests: number; decisions: string[]; complete: boolean };

async function warmUp(server: Server): Promise<void> {
  const agent = keepAliveAgent();
  for (const body of declarationBodies(WARM_UP, 77)) await postJson(`${server.url}/v1/screenings`, JSON.stringify(body), agent);
  agent.destroy();
}

async function asBatches(server: Server, lines: ManifestLine[]): Promise<Run> {
  const agent = keepAliveAgent();
  const decisions: string[] = [];
  let items = 0;
  let requests = 0;
  const started = performance.now();
  for (const chunk of chunked(lines, { declarations: 1000, items: 10_000 })) {
    const bodies = chunk.map((l) => ('body' in l ? l.body : null));
    const answer = await postJson(`${server.url}/v1/screenings/batch`, JSON.stringify({ declarations: bodies }), agent);
    if (answer.status !== 200) throw new Error(`batch answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    const { summary, results } = JSON.parse(answer.text) as { summary: { items: number }; results: { decision?: string }[] };
    items += summary.items;
    requests++;
    for (const r of results) decisions.push(r.decision ?? 'invalid');
  }
  agent.destroy();
  return { ms: performance.now() - started, declarations: decisions.length, items, requests, decisions, complete: true };
}

async function asSingles(server: Server, lines: ManifestLine[]): Promise<Run> {
  const agent = keepAliveAgent();
  const decisions: string[] = [];
  let items = 0;
  const started = performance.now();
  for (const l of lines) {
    if (!('body' in l)) continue;
    const answer = await postJson(`${server.url}/v1/screenings`, JSON.stringify(l.body), agent);
    if (answer.status !== 200) throw new Error(`single screening answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    decisions.push((JSON.parse(answer.text) as { decision: string }).decision);
    items += (l.body as { items: unknown[] }).items.length;
    if (performance.now() - started > SINGLES_TIME_LIMIT_MS) break;
  }
  agent.destroy();
  const ms = performance.now() - started;
  return { ms, declarations: decisions.length, items, requests: decisions.length, decisions, complete: decisions.length === lines.length };
}

/**
 * 4. A manifest of 10,000 items through POST /v1/screenings/batch (chunks of at most 1,000
 * declarations) against the same declarations sent one request each; both sequential, each on a
 * fresh server warmed the same way.
 */
export async function batchSection(report: Report, ctx: BenchContext): Promise<void> {
  const manifest = manifestBodies(ITEMS, 21);
  const lines: ManifestLine[] = manifest.map((body, k) => ({ line: k + 1, body }));
  report.section(`4. Batch: a ${ITEMS.toLocaleString('en')}-item manifest (${manifest.length} declarations) through /v1/screenings/batch vs single requests (sequential, one keep-alive connection)`);
  const runs: Record<'batch' | 'singles', Run> = {} as Record<'batch' | 'singles', Run>;
  for (const mode of ['batch', 'singles'] as const) {
    const server = await startScreeningServer({ name: `screening (${mode})`, catalogDir: ctx.catalogs[0].dir, historyDir: freshHistory(ctx, mode) });
    try {
      await warmUp(server);
      runs[mode] = mode === 'batch' ? await asBatches(server, lines) : await asSingles(server, lines);
    } finally {
      await server.stop();
    }
  }
  const perItem = (r: { ms: number; items: number }) => (r.ms * 1000) / r.items;
  report.table(
    ['', 'requests', 'declarations', 'items', 'total s', 'µs/item', 'items/s'],
    (['batch', 'singles'] as const).map((m) => [m, runs[m].requests, runs[m].declarations, runs[m].items, runs[m].ms / 1000, perItem(runs[m]), runs[m].items / (runs[m].ms / 1000)]),
  );
  if (!runs.singles.complete) report.line(`  single requests stopped at the ${SINGLES_TIME_LIMIT_MS / 1000} s limit; µs/item is over the items sent`);
  const compared = Math.min(runs.batch.decisions.length, runs.singles.decisions.length);
  const differ = runs.batch.decisions.slice(0, compared).filter((d, k) => d !== runs.singles.decisions[k]).length;
  report.line(`  same decisions both ways: ${compared - differ} of ${compared} declarations${differ ? ` (${differ} differ)` : ''}`);
  const speedup = perItem(runs.singles) / perItem(runs.batch);
  report.check('batch speed-up per item over single requests', speedup, 10, { atLeast: true, unit: '×' });
  const strip = ({ decisions: _d, ...r }: Run) => ({ ...r, usPerItem: perItem(r) });
  report.figures.batch = { items: ITEMS, declarations: manifest.length, batch: strip(runs.batch), singles: strip(runs.singles), speedup, decisionsDiffer: differ };
}
