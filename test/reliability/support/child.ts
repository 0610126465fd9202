import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUNDLED_CATALOG } from '../../support/service';

export const ROOT = resolve(__dirname, '..', '..', '..');

/** A child running a TypeScript file through tsx, its stdout collected as lines. One process, not
 * tsx's launcher and a grandchild, so signals reach the code under test. */
export type Child = {
  proc: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr: () => string;
  /** Resolves with the first line (already seen or to come) that passes `test`. */
  waitForLine(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function spawnTs(script: string, args: string[] = [], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
  const lines: string[] = [];
  let partial = '';
  let err = '';
  const waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) if (w.test(line)) waiters.splice(waiters.indexOf(w), 1), w.resolve(line);
    }
  });
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => proc.on('exit', (code, signal) => res({ code, signal })));
  return {
    proc,
    lines,
    stderr: () => err,
    exited,
    waitForLine(test, timeoutMs = 30_000) {
      const seen = lines.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no such line in ${timeoutMs} ms; stderr: ${err.slice(-500)}`)), timeoutMs);
        const fail = () => rej(new Error(`exited before the line; stderr: ${err.slice(-500)}`));
        proc.once('exit', fail);
        waiters.push({ test, resolve: (l) => (clearTimeout(timer), proc.off('exit', fail), res(l)) });
      });
    },
  };
}

/** A port nobody listens on now, for a child to listen on. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** A private copy of the bundled catalog and an empty history folder. */
export async function catalogCopy(): Promise<{ dir: string; catalogDir: string; historyDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'screening-reliability-'));
  const catalogDir = join(dir, 'catalog');
  await cp(BUNDLED_CATALOG, catalogDir, { recursive: true, filter: (src) => !src.includes('.history') });
  return { dir, catalogDir, historyDir: join(dir, 'history') };
}
