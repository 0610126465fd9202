/**
 * Soak (`npm run soak`): starts `src/server.ts` (one worker) on a free loopback port, measures its
 * capacity for a few seconds with closed-loop clients, then holds a fixed open-loop rate near 70% of
 * it for 60 s. Prints errors, p50/p99 latency (from each request's scheduled time, so a stall is not
 * hidden) and the server's RSS at start and end, with PASS when there were no errors and RSS grew
 * less than 20%. Figures also go to test-artifacts/soak.json.
 *
 * SOAK_SECONDS (60), SOAK_FRACTION (0.7), SOAK_CAPACITY_SECONDS (6), SOAK_MAX_RSS_GROWTH (0.2).
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const FRACTION = Number(process.env.SOAK_FRACTION ?? 0.7);
const CAPACITY_SECONDS = Number(process.env.SOAK_CAPACITY_SECONDS ?? 6);
const MAX_RSS_GROWTH = Number(process.env.SOAK_MAX_RSS_GROWTH ?? 0.2);
const MAX_IN_FLIGHT = 2000;
const TIMEOUT_MS = 10_000;

type Sample = { ok: boolean; status: number; ms: number; error?: string };

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
}

/** Declarations a counter sends: descriptions from the labeled sets, 1 to 3 items, now and then a new one. */
async function declarations(): Promise<() => string> {
  const descriptions: string[] = [];
  for (const file of ['labeled-vi.jsonl', 'labeled-en-fr.jsonl']) {
    const text = await readFile(join(ROOT, 'test', 'eval', file), 'utf8').catch(() => '');
    for (const line of text.split('\n').filter(Boolean)) descriptions.push((JSON.parse(line) as { description: string }).description);
  }
  if (descriptions.length === 0) descriptions.push('Khẩu trang y tế 4 lớp', 'Áo thun cotton', 'Găng tay nitrile', 'Sách tiếng Việt');
  let n = 0;
  const pick = () => descriptions[Math.floor(Math.random() * descriptions.length)];
  return () => {
    n++;
    const items = Array.from({ length: 1 + (n % 3) }, () => ({ description: n % 20 === 0 ? `${pick()} ${n}` : pick() }));
    return JSON.stringify({ date: '2020-02-10', origin: { country: 'VN' }, destination: { country: 'US' }, items });
  };
}

function post(port: number, agent: Agent, body: string): Promise<Sample> {
  const started = performance.now();
  return new Promise((done) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/v1/screenings', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => done({ ok: res.statusCode === 200, status: res.statusCode ?? 0, ms: performance.now() - started }));
        res.on('error', (err) => done({ ok: false, status: 0, ms: performance.now() - started, error: err.message }));
      },
    );
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => done({ ok: false, status: 0, ms: performance.now() - started, error: err.message }));
    req.end(body);
  });
}

/** Closed loop: `connections` clients, each sending as soon as its answer comes, for `seconds`. */
async function capacity(port: number, next: () => string, seconds: number, connections = 16): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const until = performance.now() + seconds * 1000;
  let ok = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) if ((await post(port, agent, next())).ok) ok++;
    }),
  );
  agent.destroy();
  return ok / seconds;
}

/** A few gauges from the server's own /metrics: V8 heap in use and the analysis cache size. */
function gauges(port: number): Promise<{ heapMb: number; cacheKeys: number }> {
  return new Promise((ok) => {
    request({ host: '127.0.0.1', port, path: '/metrics' }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => {
        const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? NaN);
        ok({ heapMb: +(value('nodejs_heap_size_used_bytes') / 2 ** 20).toFixed(1), cacheKeys: value('analysis_cache_keys') });
      });
    }).on('error', () => ok({ heapMb: NaN, cacheKeys: NaN })).end();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** Open loop: requests scheduled at a fixed rate whatever the answers do; latency from the schedule. */
async function fixedRate(port: number, next: () => string, rate: number, seconds: number, onSecond: (s: number) => Promise<void>) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const count = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
  const total = Math.round(rate * seconds);
  const start = performance.now();
  let sent = 0;
  let inFlight = 0;
  let lastSecond = 0;
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
    for (; sent < due; sent++) {
      const scheduled = start + (sent / rate) * 1000;
      if (inFlight >= MAX_IN_FLIGHT) {
        count('shed: too many in flight');
        continue;
      }
      inFlight++;
      void post(port, agent, next()).then((s) => {
        inFlight--;
        if (s.ok) latencies.push(performance.now() - scheduled);
        else count(s.error ?? `status ${s.status}`);
      });
    }
    const second = Math.floor((performance.now() - start) / 1000);
    if (second > lastSecond) {
      lastSecond = second;
      await onSecond(second);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  // Every request either answers or times out (TIMEOUT_MS), so this ends.
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 5));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { sent, answered: latencies.length, elapsed, latencies, errors: Object.fromEntries(errors) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'screening-soak-'));
  await cp(join(ROOT, 'catalog'), join(dir, 'catalog'), { recursive: true, filter: (src) => !src.includes('.history') });
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', WORKERS: '1', LOG_LEVEL: 'info', CATALOG_DIR: join(dir, 'catalog'), CATALOG_HISTORY_DIR: join(dir, 'history') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((ok) => server.on('exit', (code) => ok(code)));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await new Promise<boolean>((ok) => {
        request({ host: '127.0.0.1', port, path: '/readyz' }, (res) => (res.resume(), ok(res.statusCode === 200))).on('error', () => ok(false)).end();
      });
      if (ready) break;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the server did not become ready: ${stderr.slice(-1000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const next = await declarations();
    const pid = server.pid!;
    console.log(`server pid ${pid} on 127.0.0.1:${port}, one worker; RSS after start ${(await rssKb(pid)) / 1024 | 0} MB`);

    await capacity(port, next, 2); // warm-up: JIT, caches, sockets
    const cap = await capacity(port, next, CAPACITY_SECONDS);
    const rate = Math.max(1, Math.round(cap * FRACTION));
    console.log(`capacity ≈ ${cap.toFixed(0)} screenings/s (closed loop, 16 connections, ${CAPACITY_SECONDS} s); soak at ${rate}/s (${(FRACTION * 100).toFixed(0)}%) for ${SECONDS} s`);

    const before = await gauges(port);
    const rssStart = await rssKb(pid);
    const rssTrend: number[] = [rssStart];
    const result = await fixedRate(port, next, rate, SECONDS, async (s) => {
      if (s % 10 === 0) {
        const r = await rssKb(pid);
        rssTrend.push(r);
        console.log(`  ${s}s RSS ${(r / 1024).toFixed(1)} MB`);
      }
    });
    const rssEnd = await rssKb(pid);
    const after = await gauges(port);
    const errorCount = result.sent - result.answered;
    const growth = (rssEnd - rssStart) / rssStart;
    const summary = {
      at: new Date().toISOString(),
      capacityPerSecond: Math.round(cap),
      ratePerSecond: rate,
      seconds: SECONDS,
      sent: result.sent,
      answered: result.answered,
      achievedPerSecond: Math.round(result.answered / result.elapsed),
      errors: errorCount,
      errorKinds: result.errors,
      latencyMs: { p50: +percentile(result.latencies, 50).toFixed(2), p90: +percentile(result.latencies, 90).toFixed(2), p99: +percentile(result.latencies, 99).toFixed(2), max: +(result.latencies.at(-1) ?? NaN).toFixed(2) },
      heapUsedMb: { start: before.heapMb, end: after.heapMb },
      analysisCacheKeys: { start: before.cacheKeys, end: after.cacheKeys },
      rssMb: { start: +(rssStart / 1024).toFixed(1), end: +(rssEnd / 1024).toFixed(1), growth: +growth.toFixed(3), trend: rssTrend.map((r) => +(r / 1024).toFixed(1)) },
      pass: errorCount === 0 && growth < MAX_RSS_GROWTH,
    };
    console.log(`sent ${summary.sent}, answered ${summary.answered} (${summary.achievedPerSecond}/s), errors ${summary.errors}${summary.errors ? ` ${JSON.stringify(summary.errorKinds)}` : ''}`);
    console.log(`latency p50 ${summary.latencyMs.p50} ms, p90 ${summary.latencyMs.p90} ms, p99 ${summary.latencyMs.p99} ms, max ${summary.latencyMs.max} ms`);
    console.log(`RSS start ${summary.rssMb.start} MB, end ${summary.rssMb.end} MB (${(growth * 100).toFixed(1)}%); V8 heap used ${before.heapMb} → ${after.heapMb} MB; analysis cache ${before.cacheKeys} → ${after.cacheKeys} keys`);
    console.log(summary.pass ? 'PASS: no errors, RSS flat' : `FAIL: ${errorCount ? `${errorCount} errors` : ''}${errorCount && growth >= MAX_RSS_GROWTH ? ', ' : ''}${growth >= MAX_RSS_GROWTH ? `RSS grew ${(growth * 100).toFixed(1)}%` : ''}`);
    await mkdir(join(ROOT, 'test-artifacts'), { recursive: true });
    await writeFile(join(ROOT, 'test-artifacts', 'soak.json'), `${JSON.stringify(summary, null, 2)}\n`);
    process.exitCode = summary.pass ? 0 : 1;
  } finally {
    server.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<string>((ok) => setTimeout(() => ok('timeout'), 15_000))]);
    if (code === 'timeout') server.kill('SIGKILL');
    else if (code !== 0) console.log(`server exited ${code} after SIGTERM`);
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(err.stack);
  process.exit(2);
});
