import type { AnalysisCache as AnalysisCacheType } from '../../src/catalog/analysis-cache';
import type { CatalogSnapshot } from '../../src/catalog/snapshot';
import { parseHsCode } from '../../src/screening/hs-code';
import type { Analyze } from '../../src/screening/screen-declaration';
import type { Declaration } from '../../src/screening/types';
import { built } from './built';
import { seeded } from './catalog-generator';
import { declarationBodies, evalItems, manifestBodies, type EvalItem } from './declarations';
import { bareApp, loopback, measureRequestPath, type RequestPath } from './request-path';

// What is measured is the build `npm start` serves; parseHsCode above only picks the bench's items.
const { AnalysisCache } = built<typeof import('../../src/catalog/analysis-cache')>('catalog/analysis-cache');
const { loadCatalogSource } = built<typeof import('../../src/catalog/load-catalog')>('catalog/load-catalog');
const { buildSnapshot } = built<typeof import('../../src/catalog/snapshot')>('catalog/snapshot');
const { declarationSchema, parseDeclaration } = built<typeof import('../../src/http/declaration-schema')>('http/declaration-schema');
const { screeningResponse } = built<typeof import('../../src/http/map-decision')>('http/map-decision');
const { screenDeclaration } = built<typeof import('../../src/screening/screen-declaration')>('screening/screen-declaration');

export type CatalogCost = {
  name: string;
  entries: number;
  loadMs: number;
  buildMs: number;
  index: { indexedPhrases: number; firstWords: number; largestFirstWordList: number; vocabulary: number; hsCodes: number };
  /** Microseconds per item: median of the rounds. */
  coldUs: number;
  warmUs: number;
  coldWithHsCodeUs: number;
  /** Cold cost over the first (bundled) catalog's, each as a share of its own process's bare round trips. */
  coldVsFirst: number;
  rounds: { coldUs: number[]; warmUs: number[] };
};

/** What one child process measures: one catalog, with the bare round trip in the same rounds. */
export type CatalogRun = {
  catalog: CatalogCost;
  items: number;
  itemsWithHsCode: number;
  bareRoundTrips: number[];
  /** Extra figures, measured with the first (bundled) catalog only. */
  extras?: Extras;
};

export type Extras = {
  /** Per declaration of 1 to 5 items on the bundled catalog, microseconds: where a request's time goes. */
  perDeclaration: { items: number; validateUs: number; validateReusedSchemaUs: number; screenWarmUs: number; respondUs: number; responseBytes: number };
  /** The batch section's manifest screened here with a fresh cache: what a batch costs per item without HTTP or validation. */
  manifest: { items: number; declarations: number; usPerItem: number; cacheHits: number; cacheMisses: number };
  requestPath: RequestPath;
};

export type CoreCosts = Extras & {
  items: number;
  itemsWithHsCode: number;
  /** The first catalog's process: its bare round trips. */
  bareRoundTripUs: number;
  bareRoundTrips: number[];
  /** One item on the first catalog over one bare round trip, median of the per-round ratios. */
  coldShareOfBare: number;
  warmShareOfBare: number;
  catalogs: (CatalogCost & { warmVsFirst: number; bareRoundTripUs: number; coldShareOfBare: number })[];
};

const BARE_TRIPS = 500;
const LIMITS = { items: 250, descriptionLength: 500 };
const TZ = 'Asia/Ho_Chi_Minh';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function declarationOf(item: EvalItem): Declaration {
  const hsCode = item.hsCode && parseHsCode(item.hsCode) ? item.hsCode : undefined;
  return { date: '2020-02-10', event: 'acceptance', origin: 'VN', destination: 'US', documents: [], items: [{ description: item.description, hsCode }] };
}

/** Microseconds per call of `run` over `n` calls. */
function perCall(n: number, run: (i: number) => void): number {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) run(i);
  return Number(process.hrtime.bigint() - t) / 1000 / n;
}

function indexFigures(snapshot: CatalogSnapshot): CatalogCost['index'] {
  const filed = [...snapshot.index.words.values()];
  const phrases = filed.flatMap((w) => [...(w.single ? [w.single] : []), ...(w.firstTwo?.values() ?? [])]);
  const lists = [...phrases, ...filed.flatMap((w) => [...(w.firstLoose?.values() ?? [])])];
  return {
    indexedPhrases: phrases.reduce((n, l) => n + l.length, 0),
    firstWords: filed.filter((w) => w.single || w.firstTwo).length,
    largestFirstWordList: Math.max(...lists.map((l) => l.length)),
    vocabulary: snapshot.index.vocabulary.size,
    hsCodes: snapshot.index.hsCodes.length,
  };
}

type Prepared = {
  name: string;
  snapshot: CatalogSnapshot;
  loadMs: number;
  buildMs: number;
  cache: AnalysisCacheType;
  analyze: Analyze;
  coldUs: number[];
  warmUs: number[];
  hsUs: number[];
};

/** One pass over the items of each kind: cold (every call analyses), warm (the cache answers), HS codes only. */
function itemPass(c: Prepared, declarations: Declaration[], withHs: Declaration[]): void {
  c.coldUs.push(perCall(declarations.length, (i) => screenDeclaration(declarations[i], c.snapshot)));
  c.warmUs.push(perCall(declarations.length, (i) => screenDeclaration(declarations[i], c.snapshot, { analyze: c.analyze })));
  c.hsUs.push(perCall(withHs.length, (i) => screenDeclaration(withHs[i], c.snapshot)));
}

/** Where one request's time goes besides screening: validation, answer mapping and serializing. */
function perDeclaration(snapshot: CatalogSnapshot): CoreCosts['perDeclaration'] {
  const bodies = declarationBodies(2000, 99);
  const now = new Date();
  const parsed = bodies.map((b) => {
    const r = parseDeclaration(b, LIMITS, TZ, now);
    if ('errors' in r) throw new Error(`bench declaration does not validate: ${JSON.stringify(r.errors)}`);
    return r.declaration;
  });
  const schema = declarationSchema(LIMITS);
  const cache = new AnalysisCache({ maxKeys: 100_000, ttlSeconds: 3600 });
  const analyze = cache.analyzerFor(snapshot);
  const decisions = parsed.map((d) => screenDeclaration(d, snapshot, { analyze }));
  const n = bodies.length;
  const figures = { validateUs: [] as number[], validateReusedSchemaUs: [] as number[], screenWarmUs: [] as number[], respondUs: [] as number[] };
  for (let r = 0; r < 3; r++) {
    figures.validateUs.push(perCall(n, (i) => parseDeclaration(bodies[i], LIMITS, TZ, now)));
    figures.validateReusedSchemaUs.push(perCall(n, (i) => schema.safeParse(bodies[i])));
    figures.screenWarmUs.push(perCall(n, (i) => screenDeclaration(parsed[i], snapshot, { analyze })));
    figures.respondUs.push(perCall(n, (i) => JSON.stringify(screeningResponse('00000000-0000-0000-0000-000000000000', decisions[i], snapshot))));
  }
  cache.close();
  const bytes = decisions.reduce((s, d) => s + JSON.stringify(screeningResponse('x', d, snapshot)).length, 0);
  return {
    items: parsed.reduce((s, d) => s + d.items.length, 0) / n,
    validateUs: median(figures.validateUs),
    validateReusedSchemaUs: median(figures.validateReusedSchemaUs),
    screenWarmUs: median(figures.screenWarmUs),
    respondUs: median(figures.respondUs),
    responseBytes: Math.round(bytes / n),
  };
}

/** The 10,000-item manifest of the batch section, screened once with a fresh cache as one batch would be. */
function manifestPass(snapshot: CatalogSnapshot): CoreCosts['manifest'] {
  const now = new Date();
  const declarations = manifestBodies(10_000, 21).map((b) => {
    const r = parseDeclaration(b, LIMITS, TZ, now);
    if ('errors' in r) throw new Error(`bench declaration does not validate: ${JSON.stringify(r.errors)}`);
    return r.declaration;
  });
  const items = declarations.reduce((n, d) => n + d.items.length, 0);
  const cache = new AnalysisCache({ maxKeys: 50_000, ttlSeconds: 3600 });
  const analyze = cache.analyzerFor(snapshot);
  const us = (perCall(declarations.length, (i) => screenDeclaration(declarations[i], snapshot, { analyze })) * declarations.length) / items;
  const stats = cache.stats();
  cache.close();
  return { items, declarations: declarations.length, usPerItem: us, cacheHits: stats.hits, cacheMisses: stats.misses };
}

/**
 * The in-process costs of one catalog (loaded with the production loader, so validation counts in
 * the load time), cold and warm, next to one bare-Express round trip. A process holds one catalog,
 * as a deployed service does: another catalog's heap would weigh on this one's garbage collection.
 * Rounds interleave the measurements, so a noisy neighbour weighs on all of them alike. Each pass
 * screens every labeled line, some 7,000 descriptions in a shuffled order: passes of a few hundred
 * measured the compiler's warm-up and the forced collection before each round more than the matcher.
 */
export async function measureCatalog(options: { catalog: { name: string; dir: string }; rounds: number; extras: boolean }): Promise<CatalogRun> {
  const pool = evalItems();
  const rand = seeded(2020);
  const items = pool
    .map((item) => ({ item, key: rand() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
  const declarations = items.map(declarationOf);
  const withHs = declarations.filter((d) => d.items[0].hsCode);
  const { name, dir } = options.catalog;
  gc();
  let t = performance.now();
  const loaded = await loadCatalogSource(dir);
  if (!loaded.ok) throw new Error(`${name}: the catalog does not validate: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  const loadMs = performance.now() - t;
  t = performance.now();
  const snapshot = buildSnapshot(loaded.source, new Date());
  const buildMs = performance.now() - t;
  const cache = new AnalysisCache({ maxKeys: 100_000, ttlSeconds: 3600 });
  const c: Prepared = { name, snapshot, loadMs, buildMs, cache, analyze: cache.analyzerFor(snapshot), coldUs: [], warmUs: [], hsUs: [] };
  const bare = await loopback(bareApp());
  const oneItem = declarationBodies(200, 5).map((b) => JSON.stringify({ ...b, items: b.items.slice(0, 1) }));
  const bareUs: number[] = [];
  await bare.trips('POST', '/v1/screenings', oneItem, 300);
  itemPass(c, declarations, withHs);
  c.coldUs.length = c.warmUs.length = c.hsUs.length = 0;
  for (let r = 0; r < options.rounds; r++) {
    gc();
    bareUs.push(await bare.trips('POST', '/v1/screenings', oneItem, BARE_TRIPS));
    itemPass(c, declarations, withHs);
  }
  await bare.close();
  cache.close();
  const extras = options.extras
    ? { perDeclaration: perDeclaration(snapshot), manifest: manifestPass(snapshot), requestPath: await measureRequestPath(dir, options.rounds) }
    : undefined;
  return {
    catalog: {
      name,
      entries: snapshot.entries.length,
      loadMs,
      buildMs,
      index: indexFigures(snapshot),
      coldUs: median(c.coldUs),
      warmUs: median(c.warmUs),
      coldWithHsCodeUs: median(c.hsUs),
      coldVsFirst: 1,
      rounds: { coldUs: c.coldUs, warmUs: c.warmUs },
    },
    items: items.length,
    itemsWithHsCode: withHs.length,
    bareRoundTrips: bareUs,
    extras,
  };
}

// Run as a child of the bench: options as JSON in argv, figures back over IPC.
if (require.main === module) {
  const options = JSON.parse(process.argv[2]) as Parameters<typeof measureCatalog>[0];
  measureCatalog(options).then(
    (figures) => process.send?.({ type: 'core', figures }, () => process.exit(0)),
    (err: Error) => {
      console.error(err.stack ?? err.message);
      process.exit(1);
    },
  );
}
