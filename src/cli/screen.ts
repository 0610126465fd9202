import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../config';
import { DEFAULT_CATALOG_DIR, shown } from './catalog-command';
import { CannotScreen, localScreener, type Screener } from './screen-local';
import { chunked, readManifest, UnreadableManifest, type LineResult } from './screen-manifest';
import { remoteScreener } from './screen-remote';
import { ManifestSummary } from './screen-summary';

const USAGE = `Screens a manifest of declarations (one JSON declaration per line): npm run screen -- manifest.jsonl

  --out FILE      where results go, one JSON line per manifest line (default: MANIFEST.results.jsonl)
  --catalog DIR   screen here with this catalog folder (default: the bundled catalog/)
  --url URL       screen on a running service instead, through POST /v1/screenings/batch
  --chunk N       declarations per batch request (default and maximum: the batch limit, 1000)
  --quiet         no progress bar

Each result line carries "line" (its line in the manifest) and either the service's answer
(decision, items, reasons...) or "errors" (the fields that kept it from being screened).
Exit codes: 0 screened (invalid lines are listed, not fatal), 1 the manifest cannot be read,
2 wrong usage, 3 nothing could be screened (catalog invalid, service unreachable or refusing).`;

export type ScreenIo = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; clock?: () => Date };

const LOCAL_CHUNK = 100;

type Options = { manifest: string; out: string; url?: string; catalog: string; chunk: number; quiet: boolean };

function options(argv: readonly string[], batchDeclarations: number): Options | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        url: { type: 'string' },
        catalog: { type: 'string' },
        chunk: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return (err as Error).message;
  }
  const { values, positionals } = parsed;
  if (values.help) return '';
  if (positionals.length !== 1) return 'give exactly one manifest file';
  if (values.url && values.catalog) return 'give --url or --catalog, not both';
  if (values.url && !/^https?:\/\/[^/]+/.test(values.url)) return `--url must be an http(s) address, not ${values.url}`;
  // Here, small chunks let the bar move; on a service, large ones save round trips.
  const chunk = values.chunk === undefined ? (values.url ? batchDeclarations : LOCAL_CHUNK) : Number(values.chunk);
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > batchDeclarations) return `--chunk must be a whole number from 1 to ${batchDeclarations}`;
  const manifest = resolve(positionals[0]);
  return {
    manifest,
    out: resolve(values.out ?? `${manifest.replace(/\.jsonl?$/i, '')}.results.jsonl`),
    url: values.url,
    catalog: values.catalog ? resolve(values.catalog) : DEFAULT_CATALOG_DIR,
    chunk,
    quiet: values.quiet,
  };
}

const writeLines = (io: NodeJS.WritableStream, lines: string[]) => io.write(`${lines.join('\n')}\n`);

/**
 * Screens a manifest file, here or on a service, writing a result per line and a summary; the
 * command line without `node script`. Returns the exit code.
 */
export async function runScreen(argv: readonly string[], io: ScreenIo): Promise<number> {
  const config = loadConfig();
  const opts = options(argv, config.limits.batchDeclarations);
  if (typeof opts === 'string') {
    writeLines(opts ? io.stderr : io.stdout, opts ? [opts, '', USAGE] : [USAGE]);
    return opts ? 2 : 0;
  }
  let lines;
  try {
    lines = await readManifest(opts.manifest);
  } catch (err) {
    if (!(err instanceof UnreadableManifest)) throw err;
    writeLines(io.stderr, [err.message]);
    return 1;
  }
  const started = performance.now();
  let screener: Screener;
  try {
    screener = opts.url
      ? remoteScreener(opts.url)
      : await localScreener(opts.catalog, { limits: { items: config.limits.batchItems, descriptionLength: config.limits.descriptionLength }, clock: io.clock });
  } catch (err) {
    if (!(err instanceof CannotScreen)) throw err;
    writeLines(io.stderr, [err.message]);
    return 3;
  }
  let output;
  try {
    output = await open(opts.out, 'w');
  } catch (err) {
    screener.close();
    writeLines(io.stderr, [`cannot write ${opts.out}: ${(err as Error).message}`]);
    return 2;
  }
  const summary = new ManifestSummary();
  const bar = new SingleBar(
    { stream: io.stderr, format: 'screening |{bar}| {value}/{total} lines | {eta_formatted} left', hideCursor: true, etaBuffer: 20 },
    Presets.shades_classic,
  );
  if (!opts.quiet) bar.start(lines.length, 0);
  try {
    let done = 0;
    for (const chunk of chunked(lines, { declarations: opts.chunk, items: config.limits.batchItems })) {
      const toScreen = chunk.filter((l): l is { line: number; body: unknown } => 'body' in l);
      const screened = new Map((toScreen.length ? await screener.screen(toScreen) : []).map((r) => [r.line, r]));
      const results: LineResult[] = chunk.map((l) => ('errors' in l ? l : screened.get(l.line)!));
      for (const r of results) summary.add(r);
      await output.write(results.map((r) => `${JSON.stringify(r)}\n`).join(''));
      done += chunk.length;
      bar.update(done);
      // Lets the bar redraw between chunks screened in this process.
      await new Promise((r) => setImmediate(r));
    }
  } catch (err) {
    if (!(err instanceof CannotScreen)) throw err;
    writeLines(io.stderr, [`\n${err.message}`]);
    return 3;
  } finally {
    bar.stop();
    screener.close();
    await output.close();
  }
  const seconds = (performance.now() - started) / 1000;
  writeLines(io.stdout, summary.lines({ manifest: shown(opts.manifest), out: shown(opts.out), where: screener.where, version: screener.catalogVersion(), seconds }));
  return 0;
}

if (require.main === module) {
  runScreen(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
