import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { BenchContext } from '../context';
import type { CoreCosts } from '../core-costs';
import { median, type Report } from '../report';

const CHILD = resolve(__dirname, '..', 'core-costs.ts');
const ITEMS = 600;
const TIME_LIMIT_MS = 20 * 60_000;
/** These rounds are short: a few more make the medians steadier. */
const roundsOf = (ctx: BenchContext) => ctx.rounds + 2;

/** Runs the in-process measurements in a process of their own, so their heap never weighs on the load generator. */
function measureInChild(ctx: BenchContext): Promise<CoreCosts> {
  return new Promise((done, fail) => {
    const options = { catalogs: ctx.catalogs.map(({ name, dir }) => ({ name, dir })), items: ITEMS, rounds: roundsOf(ctx) };
    const child = fork(CHILD, [JSON.stringify(options)], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
    let figures: CoreCosts | null = null;
    child.on('message', (msg: { type?: string; figures?: CoreCosts }) => {
      if (msg?.type === 'core' && msg.figures) figures = msg.figures;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (figures) done(figures);
      else fail(new Error(`the in-process measurements stopped (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * 2. The cost of screening one item with the bundled catalog and the generated ones, cold (cache
 * off, every description analysed) and warm (cache on), next to one bare-Express round trip.
 */
export async function coreSection(report: Report, ctx: BenchContext): Promise<void> {
  report.section(`2. In process: cost per item by catalog size (${ITEMS} labeled descriptions, each alone in a declaration; ${roundsOf(ctx)} interleaved rounds, medians)`);
  const costs = await measureInChild(ctx);
  const [bundled] = costs.catalogs;
  report.table(
    ['catalog', 'entries', 'load ms', 'build ms', 'phrases', 'largest list', 'cold µs/item', 'warm µs/item', 'cold w/ HS µs', 'cold × bundled'],
    costs.catalogs.map((c) => [
      c.name, c.entries, c.loadMs, c.buildMs, c.index.indexedPhrases, c.index.largestFirstWordList, c.coldUs, c.warmUs, c.coldWithHsCodeUs, c.coldVsFirst,
    ]),
  );
  report.line(`  cold rounds (µs/item): ${costs.catalogs.map((c) => `${c.name} ${c.rounds.coldUs.map((x) => x.toFixed(0)).join('/')}`).join('; ')}`);
  report.line(`  warm rounds (µs/item): ${costs.catalogs.map((c) => `${c.name} ${c.rounds.warmUs.map((x) => x.toFixed(1)).join('/')}`).join('; ')}`);
  report.line(`  ${costs.itemsWithHsCode} of the ${costs.items} items carry an HS code ("cold w/ HS" screens only those)`);
  const growth = costs.catalogs.slice(1).map((c) => {
    const perThousand = ((c.coldUs - bundled.coldUs) / (c.entries - bundled.entries)) * 1000;
    return `${c.name}: ×${c.coldVsFirst.toFixed(2)} (+${perThousand.toFixed(1)} µs per 1,000 entries)`;
  });
  report.line(`  growth of the cold cost: ${growth.join('; ')}`);
  report.line(`  one bare-Express round trip (in process, loopback, keep-alive, sequential): ${costs.bareRoundTripUs.toFixed(1)} µs (rounds ${costs.bareRoundTrips.map((x) => x.toFixed(0)).join('/')})`);
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
  report.line('  ratios below: medians of the ratios within each round');
  report.check('one item, bundled catalog, cold ÷ bare round trip', 100 * costs.coldShareOfBare, 5, { unit: '%' });
  report.check('one item, bundled catalog, warm (cache hit) ÷ bare round trip', 100 * costs.warmShareOfBare, 5, { unit: '%' });
  if (largest !== bundled) {
    report.check(`one item, ${largest.name} entries ÷ bundled, cold`, largest.coldVsFirst, 10, { unit: '×' });
    report.check(`one item, ${largest.name} entries ÷ bundled, warm`, median(largest.rounds.warmUs.map((x, r) => x / bundled.rounds.warmUs[r])), 10, { unit: '×' });
  }
  report.figures.core = costs;
}
