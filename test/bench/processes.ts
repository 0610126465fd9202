import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
/** The runtime flags `npm start` gives node (package.json), so the bench measures the service as started. */
export const START_FLAGS: string[] = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((arg) => arg.startsWith('--'));
const GC_PROBE = resolve(__dirname, 'servers', 'gc-probe.cjs');
const BARE_SERVER = resolve(__dirname, 'servers', 'bare-server.ts');

export type Server = {
  name: string;
  url: string;
  pid: number;
  /** From spawning the process to the first 200 of its readiness path. */
  readyMs: number;
  /** Resident memory after garbage collection (the process must run with the gc probe). */
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();

/** Stops every server this bench started and has not stopped yet (on an interrupted run). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

/** Status of one GET on loopback, or 0 when nothing answers yet. */
export function getStatus(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((done) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(0));
    req.end();
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/**
 * Starts a server process on a free loopback port and waits (bounded) until `readyPath` answers 200.
 * Its output is discarded, as a log shipper would take it away; errors are kept for the report.
 */
export async function startServer(options: {
  name: string;
  args: string[];
  env?: Record<string, string>;
  readyPath?: string;
  timeoutMs?: number;
}): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (options.timeoutMs ?? 60_000);
  let readyMs = -1;
  while (performance.now() < deadline && child.exitCode === null) {
    if ((await getStatus(`${url}${options.readyPath ?? '/readyz'}`, 500)) === 200) {
      readyMs = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited(child);
    clearTimeout(timer);
  };
  if (readyMs < 0) {
    await stop();
    throw new Error(`${options.name} did not become ready within ${options.timeoutMs ?? 60_000} ms:\n${stderr}`);
  }
  return {
    name: options.name,
    url,
    pid: child.pid!,
    readyMs,
    memory: () =>
      new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`${options.name}: no memory report`)), 10_000);
        child.once('message', (msg: { type?: string; usage?: NodeJS.MemoryUsage }) => {
          clearTimeout(timer);
          if (msg?.type === 'memory' && msg.usage) done(msg.usage);
          else fail(new Error(`${options.name}: unexpected message`));
        });
        child.send({ type: 'memory' });
      }),
    stop,
  };
}

/** The production server (built), one process unless `workers` says otherwise. */
export function startScreeningServer(options: {
  name: string;
  catalogDir: string;
  historyDir: string;
  workers?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<Server> {
  return startServer({
    name: options.name,
    args: [...START_FLAGS, '--expose-gc', '--require', GC_PROBE, resolve(ROOT, 'dist', 'server.js')],
    env: {
      CATALOG_DIR: options.catalogDir,
      CATALOG_HISTORY_DIR: options.historyDir,
      WORKERS: String(options.workers ?? 1),
      ...options.env,
    },
    timeoutMs: options.timeoutMs,
  });
}

/** A bare Express endpoint: the same runtime, `express.json` and a small JSON answer. */
export function startBareServer(): Promise<Server> {
  return startServer({ name: 'bare express', args: ['--expose-gc', '--require', GC_PROBE, '--import', 'tsx', BARE_SERVER] });
}
