import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import { createService, type Service } from '../../src/service';

export const BUNDLED_CATALOG = resolve(__dirname, '..', '..', 'catalog');
export const OFFICER_TOKEN = 'officer-token-0123456789abcdef';
export const OTHER_TOKEN = 'second-officer-token-abcdef0123';

export type TestService = Service & { config: Config; dir: string; cleanup(): Promise<void> };

/**
 * A service on a private copy of the bundled catalog (or on `catalogDir` as given), silent logs,
 * no file watching unless asked, two officer tokens.
 */
export async function startTestService(
  options: { env?: Record<string, string>; catalogDir?: string; copyCatalog?: boolean; clock?: () => Date } = {},
): Promise<TestService> {
  const dir = await mkdtemp(join(tmpdir(), 'screening-test-'));
  let catalogDir = options.catalogDir ?? BUNDLED_CATALOG;
  if (options.copyCatalog !== false && !options.catalogDir) {
    catalogDir = join(dir, 'catalog');
    await cp(BUNDLED_CATALOG, catalogDir, { recursive: true, filter: (src) => !src.includes('.history') });
  }
  const config = loadConfig({
    CATALOG_DIR: catalogDir,
    CATALOG_HISTORY_DIR: join(dir, 'history'),
    CATALOG_WATCH: 'false',
    CATALOG_ADMIN_TOKENS: `Nguyễn Văn An:${OFFICER_TOKEN},Trần Thị Bình:${OTHER_TOKEN}`,
    LOG_LEVEL: 'silent',
    // The background warm-up is tested on its own (test/reliability/warm-up.test.ts); elsewhere it would only add work.
    WARM_UP_DECLARATIONS: '0',
    ...options.env,
  });
  const service = await createService(config, { logger: pino({ level: 'silent' }), clock: options.clock, defaultMetrics: false });
  return {
    ...service,
    config,
    dir,
    async cleanup() {
      service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A declaration in the context of the eval sets: VN → US, 2020-02-10, acceptance. */
export function declaration(items: { description: string; hsCode?: string }[], overrides: Record<string, unknown> = {}) {
  return { date: '2020-02-10', event: 'acceptance', origin: { country: 'VN' }, destination: { country: 'US' }, items, ...overrides };
}
