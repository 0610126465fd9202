import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_CATALOG, writeGeneratedCatalog } from './catalog-generator';
import type { BenchContext } from './context';
import { killAll, ROOT } from './processes';
import { Report } from './report';
import { batchSection } from './sections/batch';
import { clusterSection } from './sections/cluster';
import { coreSection } from './sections/core';
import { httpSection } from './sections/http';
import { memorySection } from './sections/memory';

const SECTIONS = ['http', 'core', 'memory', 'batch', 'cluster'] as const;
type Section = (typeof SECTIONS)[number];
const GENERATED_SIZES = [1_000, 10_000];
const OUTPUT = join(ROOT, 'test-artifacts', 'bench.json');

const USAGE = `npm run bench [-- --only=http,core,memory,batch,cluster --seconds=5 --rounds=3 --connections=10 --no-build]
  1 http     POST /v1/screenings vs a bare Express endpoint (autocannon, alternating rounds)
  2 core     cost per item by catalog size (bundled, 1,000, 10,000 entries) vs a bare round trip
  3 memory   RSS after GC and time to ready by catalog size
  4 batch    a 10,000-item manifest through the batch endpoint vs single requests
  5 cluster  WORKERS=1 vs one worker per core
Figures go to test-artifacts/bench.json.`;

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const only = (values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS]) as Section[];
  const bad = only.find((s) => !SECTIONS.includes(s));
  const bounded = (v: string, min: number, max: number) => Math.min(max, Math.max(min, Math.round(Number(v) || min)));
  return {
    help: values.help || bad !== undefined,
    only,
    seconds: bounded(values.seconds, 1, 30),
    rounds: bounded(values.rounds, 1, 9),
    connections: bounded(values.connections, 1, 100),
    build: !values['no-build'],
  };
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'catalog'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes in src/ or catalog/` : head;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    console.log(USAGE);
    return opts.only.every((s) => SECTIONS.includes(s)) ? 0 : 2;
  }
  const report = new Report();
  const started = new Date();
  console.log(`bench ${started.toISOString()} · node ${process.version} · ${availableParallelism()} cores (${cpus()[0]?.model.trim()}) · load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} · ${gitCommit() ?? 'no git'}`);
  console.log('The machine is shared: compare figures as ratios within this run, not with other runs.');
  // Every section measures the tsc build that npm start serves: servers run dist/server.js, and the
  // in-process section loads its modules from dist/.
  if (opts.build) {
    const t = performance.now();
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) {
      console.error(`npm run build failed; the servers cannot start:\n${build.stdout}${build.stderr}`);
      return 1;
    }
    console.log(`built dist/ in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'screening-bench-'));
  const ctx: BenchContext = {
    tmp,
    catalogs: [{ name: 'bundled', dir: BUNDLED_CATALOG, entries: readdirSync(join(BUNDLED_CATALOG, 'entries')).filter((f) => /\.ya?ml$/.test(f)).length }],
    seconds: opts.seconds,
    rounds: opts.rounds,
    connections: opts.connections,
  };
  const stop = () => {
    killAll();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (opts.only.includes('core') || opts.only.includes('memory')) {
      const t = performance.now();
      for (const size of GENERATED_SIZES) {
        ctx.catalogs.push({ name: size.toLocaleString('en'), dir: await writeGeneratedCatalog(size, tmp), entries: size });
      }
      console.log(`generated catalogs of ${GENERATED_SIZES.map((s) => s.toLocaleString('en')).join(' and ')} entries (one YAML file per entry) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const run: Record<Section, (r: Report, c: BenchContext) => Promise<void>> = {
      http: httpSection,
      core: coreSection,
      memory: memorySection,
      batch: batchSection,
      cluster: clusterSection,
    };
    for (const section of SECTIONS.filter((s) => opts.only.includes(s))) {
      try {
        await run[section](report, ctx);
      } catch (err) {
        report.line(`  ${section} failed: ${(err as Error).message}`);
        report.figures[section] = { error: (err as Error).message };
      }
    }
  } finally {
    killAll();
    rmSync(tmp, { recursive: true, force: true });
  }
  report.section('Targets');
  for (const v of report.verdicts) report.line(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.target}`);
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  writeFileSync(
    OUTPUT,
    `${JSON.stringify({ startedAt: started.toISOString(), seconds: (Date.now() - started.getTime()) / 1000, node: process.version, cores: availableParallelism(), loadAverage: loadavg(), commit: gitCommit(), options: opts, verdicts: report.verdicts, figures: report.figures }, null, 2)}\n`,
  );
  report.line(`\nfigures written to ${OUTPUT}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    killAll();
    console.error((err as Error).stack ?? String(err));
    process.exitCode = 1;
  },
);
