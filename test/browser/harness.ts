import { existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestService, type TestService } from '../support/service';

/** Debian's Chromium: browsers cannot be downloaded here, so Playwright drives the system one. */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts');
export const COUNTER_SCREEN = { width: 1366, height: 768 };

const inCI = !!process.env.CI && !['false', '0'].includes(process.env.CI);
const available = existsSync(CHROMIUM);
if (!available && !inCI) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED: ${CHROMIUM} is missing (apt-get install chromium).\n` +
      `!! The clerk and officer pages are NOT tested on this machine. In CI they must run.\n${'!'.repeat(78)}\n`,
  );
}

// A real browser on a busy CI machine: page loads take seconds, not milliseconds.
jest.setTimeout(120_000);

/** Runs the block when Chromium is there; skips it loudly on a developer machine; in CI a missing Chromium fails. */
export const describeBrowser = available || inCI ? describe : describe.skip;

// Playwright's launch() gives each browser a fresh temporary profile (--user-data-dir) of its own.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A page that records every console error and uncaught exception, so a test can insist there were none. */
export type WatchedPage = {
  page: Page;
  problems: string[];
  /** The recorded problems, minus "Failed to load resource" for HTTP statuses the test provoked on purpose. */
  unexpected(allowedStatuses?: number[]): string[];
};

export type Harness = {
  service: TestService;
  baseUrl: string;
  browser: Browser;
  open(path: string, options?: BrowserContextOptions): Promise<WatchedPage>;
  close(): Promise<void>;
};

/** A service (with `env` set, if given), Chromium, and pages opened on both. */
export async function startHarness(env?: Record<string, string>): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (apt-get install chromium).`);
  const service = await startTestService({ env });
  const server: Server = service.app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

  async function open(path: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
    // A counter PC in Vietnam: Vietnamese locale and time zone, unless a test says otherwise.
    const context = await browser.newContext({ viewport: COUNTER_SCREEN, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(baseUrl + path);
    return {
      page,
      problems,
      unexpected: (allowed = []) =>
        problems.filter((p) => {
          const status = /Failed to load resource: the server responded with a status of (\d{3})/.exec(p);
          return !(status && allowed.includes(Number(status[1])));
        }),
    };
  }

  return {
    service,
    baseUrl,
    browser,
    open,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await service.cleanup();
    },
  };
}

/** Keeps a screenshot as a CI artifact (test-artifacts/ is git-ignored), to be looked at. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}
