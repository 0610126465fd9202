import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { BenchContext } from '../context';
import type { CatalogRun, CoreCosts } from '../core-costs';
import { median, type Report } from '../report';

const CHILD = resolve(__dirname, '..', 'core-costs.ts');
const TIME_LIMIT_MS = 20 * 60_000;
/** These rounds are short: a few more make the medians steadier. */
const roundsOf = (ctx: BenchContext) => ctx.rounds + 2;

/**
 * Measures one catalog in a process of its own, as a deployed service holds one catalog: neither the
 * load generator's heap nor another catalog's weighs on it.
 */
function measureInChild(ctx: BenchContext, catalog: { name: string; dir: string }, extras: boolean): Promise<CatalogRun> {
  return new Promise((done, fail) => {
    const options = { catalog, rounds: roundsOf(ctx), extras };
    const child = fork(CHILD, [JSON.stringify(options)], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
    let figures: CatalogRun | null = null;
    child.on('message', (msg: { type?: string; figures?: CatalogRun }) => {
      if (msg?.type === 'core' && msg.figures) figures = msg.figures;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (figures) done(figures);
      else fail(new Error(`the in-process measurements of the ${catalog.name} catalog stopped (${signal ?? `exit ${code}`})`));
    });
  });
}

async function measureAll(ctx: BenchContext): Promise<CoreCosts> {
  const runs: CatalogRun[] = [];
  for (const [k, { name, dir }] of ctx.catalogs.entries()) runs.push(await measureInChild(ctx, { name, dir }, k === 0));
  const [first] = runs;
  if (!first.extras) throw new Error('the first catalog\'s process gave no request figures');
  const shareOfBare = (us: number[], run: CatalogRun) => median(us.map((x, r) => x / run.bareRoundTrips[r]));
  return {
    ...first.extras,
    items: first.items,
    itemsWithHsCode: first.itemsWithHsCode,
    bareRoundTripUs: median(first.bareRoundTrips),
    bareRoundTrips: first.bareRoundTrips,
    coldShareOfBare: shareOfBare(first.catalog.rounds.coldUs, first),
    warmShareOfBare: shareOfBare(first.catalog.rounds.warmUs, first),
    // Between catalogs (processes run one after another, under whatever load the machine had then),
    // each cost is first taken relative to its own process's bare round trips.
    catalogs: runs.map((run) => ({
      ...run.catalog,
      coldVsFirst: shareOfBare(run.catalog.rounds.coldUs, run) / shareOfBare(first.catalog.rounds.coldUs, first),
      warmVsFirst: shareOfBare(run.catalog.rounds.warmUs, run) / shareOfBare(first.catalog.rounds.warmUs, first),
      bareRoundTripUs: median(run.bareRoundTrips),
      coldShareOfBare: shareOfBare(run.catalog.rounds.coldUs, run),
    })),
  };
}

/**
 * 2. The cost of screening one item with the bundled catalog and the generated ones, cold (cache
 * off, every description analysed) and warm (cache on), next to one bare-Express round trip.
 */
export async function coreSection(report: Report, ctx: BenchContext): Promise<void> {
  report.section(`2. In process: cost per item by catalog size (every labeled description of test/eval, each alone in a declaration; a process per catalog, ${roundsOf(ctx)} interleaved rounds with a bare round trip, medians)`);
  const costs = await measureAll(ctx);
  const [bundled] = costs.catalogs;
  report.table(
    ['catalog', 'entries', 'load ms', 'build ms', 'phrases', 'largest list', 'cold µs/item', 'warm µs/item', 'cold w/ HS µs', 'cold × bundled', 'bare trip µs', 'cold ÷ trip %'],
    costs.catalogs.map((c) => [
      c.name, c.entries, c.loadMs, c.buildMs, c.index.indexedPhrases, c.index.largestFirstWordList, c.coldUs, c.warmUs, c.coldWithHsCodeUs, c.coldVsFirst,
      c.bareRoundTripUs, 100 * c.coldShareOfBare,
    ]),
  );
  report.line(`  cold rounds (µs/item): ${costs.catalogs.map((c) => `${c.name} ${c.rounds.coldUs.map((x) => x.toFixed(0)).join('/')}`).join('; ')}`);
  report.line(`  warm rounds (µs/item): ${costs.catalogs.map((c) => `${c.name} ${c.rounds.warmUs.map((x) => x.toFixed(1)).join('/')}`).join('; ')}`);
  report.line(`  ${costs.itemsWithHsCode} of the ${costs.items} items carry an HS code ("cold w/ HS" screens only those)`);
  const growth = costs.catalogs.slice(1).map((c) => {
    // In the bundled process's microseconds: the ratio, not the two processes' raw figures.
    const perThousand = (((c.coldVsFirst - 1) * bundled.coldUs) / (c.entries - bundled.entries)) * 1000;
    return `${c.name}: ×${c.coldVsFirst.toFixed(2)} (+${perThousand.toFixed(1)} µs per 1,000 entries)`;
  });
  report.line(`  growth of the cold cost: ${growth.join('; ')}`);
  report.line(`  one bare-Express round trip in the bundled catalog's process (loopback, keep-alive, sequential): ${costs.bareRoundTripUs.toFixed(1)} µs (rounds ${costs.bareRoundTrips.map((x) => x.toFixed(0)).join('/')})`);
  const d = costs.perDeclaration;
  report.line(`  per declaration of ${d.items.toFixed(2)} items on the bundled catalog (µs): validate as the route does ${d.validateUs.toFixed(1)}, ` +
    `with the zod schema built once ${d.validateReusedSchemaUs.toFixed(1)}, screen (warm) ${d.screenWarmUs.toFixed(1)}, ` +
    `map + JSON.stringify the answer ${d.respondUs.toFixed(1)} (${d.responseBytes} bytes)`);
  const m = costs.manifest;
  report.line(`  the batch section's manifest (${m.items} items, ${m.declarations} declarations) screened here with a fresh cache, no HTTP, no validation: ` +
    `${m.usPerItem.toFixed(1)} µs/item (${m.cacheHits} cache hits, ${m.cacheMisses} misses)`);
  const p = costs.requestPath;
  const middleware = p.appGetUs - p.bareGetUs;
  const extra = p.appPostUs - p.barePostUs;
  const known = middleware + d.validateUs + d.screenWarmUs + d.respondUs;
  report.line(`  one screening request in process (warm cache, ${p.rounds} interleaved rounds, µs): the service ${p.appPostUs.toFixed(0)} vs bare ${p.barePostUs.toFixed(0)}, ` +
    `${extra.toFixed(0)} more: middleware (GET /healthz ${p.appGetUs.toFixed(0)} vs bare ${p.bareGetUs.toFixed(0)}) ${middleware.toFixed(0)}, ` +
    `validation ${d.validateUs.toFixed(0)}, screening ${d.screenWarmUs.toFixed(0)}, answer ${d.respondUs.toFixed(0)}, unaccounted ${(extra - known).toFixed(0)}`);
  const largest = costs.catalogs[costs.catalogs.length - 1];
  report.line('  ratios below: to the bare round trip, medians of the ratios within each round of one process; between catalogs, ratios of those');
  report.check('one item, bundled catalog, cold ÷ bare round trip', 100 * costs.coldShareOfBare, 5, { unit: '%' });
  report.check('one item, bundled catalog, warm (cache hit) ÷ bare round trip', 100 * costs.warmShareOfBare, 5, { unit: '%' });
  if (largest !== bundled) {
    report.check(`one item, ${largest.name} entries ÷ bundled, cold`, largest.coldVsFirst, 10, { unit: '×' });
    report.check(`one item, ${largest.name} entries ÷ bundled, warm`, largest.warmVsFirst, 10, { unit: '×' });
  }
  report.figures.core = costs;
}
