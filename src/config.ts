import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

export type AdminToken = { name: string; token: string };

export type Config = Readonly<{
  port: number;
  host: string;
  catalogDir: string;
  /** Where past catalog versions and the audit log are kept; must be writable. */
  historyDir: string;
  /** Reload the catalog when its files change on disk. */
  watchCatalog: boolean;
  adminTokens: readonly AdminToken[];
  corsOrigins: readonly string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  workers: number;
  limits: Readonly<{ bodyBytes: number; items: number; descriptionLength: number; batchDeclarations: number; batchItems: number }>;
  cache: Readonly<{ maxKeys: number; ttlSeconds: number }>;
  /** Declarations each new catalog snapshot is warmed up with in the background (0: none). */
  warmUpDeclarations: number;
  /** Failed admin logins allowed per client address in 15 minutes. */
  adminFailedLoginLimit: number;
  /** Express's `trust proxy`: false, a number of proxy hops, or the proxies' addresses. */
  trustProxy: boolean | number | readonly string[];
}>;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  CATALOG_DIR: z.string().min(1).default('catalog'),
  CATALOG_HISTORY_DIR: z.string().min(1).optional(),
  CATALOG_WATCH: flag.default(true),
  CATALOG_ADMIN_TOKENS: z.string().optional(),
  CATALOG_ADMIN_TOKENS_FILE: z.string().optional(),
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKERS: z.union([z.literal('auto'), int(1, 256)]).default('auto'),
  MAX_BODY_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  MAX_ITEMS: int(1, 10000).default(250),
  MAX_DESCRIPTION_LENGTH: int(10, 10000).default(500),
  MAX_BATCH_DECLARATIONS: int(1, 100000).default(1000),
  MAX_BATCH_ITEMS: int(1, 1000000).default(10000),
  CACHE_MAX_KEYS: int(0, 10_000_000).default(50000),
  CACHE_TTL_SECONDS: int(1, 86400 * 30).default(3600),
  WARM_UP_DECLARATIONS: int(0, 100_000).default(500),
  ADMIN_FAILED_LOGIN_LIMIT: int(1, 100000).default(20),
  // `true` would trust any X-Forwarded-For a client sends (and defeat the failed-login limit): name hops or proxies.
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      if (v === 'false' || v === '0') return false;
      if (/^\d+$/.test(v)) return Number(v);
      const list = v.split(',').map((s) => s.trim()).filter(Boolean);
      if (v === 'true' || list.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'a number of proxy hops (e.g. 1) or the proxies\' addresses, comma-separated' });
        return z.NEVER;
      }
      return list;
    }),
});

/** Parses `name:token,name:token`; a token is at least 16 characters. */
export function parseAdminTokens(text: string, source: string): AdminToken[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
    .map((pair) => {
      const at = pair.indexOf(':');
      const name = pair.slice(0, at).trim();
      const token = pair.slice(at + 1).trim();
      if (at <= 0 || !/^[\p{L}\p{N}._@ -]{1,64}$/u.test(name) || token.length < 16) {
        throw new Error(`${source}: each entry must be "name:token" with a token of 16 characters or more`);
      }
      return { name, token };
    });
}

/** A batch body may be this many bytes per item the batch may hold (`MAX_BATCH_ITEMS`). */
export const BATCH_BYTES_PER_ITEM = 2048;

/** Reads the environment once into a frozen, validated configuration. The only reader of `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const tokens = [
    ...(e.CATALOG_ADMIN_TOKENS ? parseAdminTokens(e.CATALOG_ADMIN_TOKENS, 'CATALOG_ADMIN_TOKENS') : []),
    ...(e.CATALOG_ADMIN_TOKENS_FILE
      ? parseAdminTokens(readFileSync(e.CATALOG_ADMIN_TOKENS_FILE, 'utf8'), 'CATALOG_ADMIN_TOKENS_FILE')
      : []),
  ];
  const catalogDir = resolve(e.CATALOG_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    catalogDir,
    historyDir: resolve(e.CATALOG_HISTORY_DIR ?? `${catalogDir}/.history`),
    watchCatalog: e.CATALOG_WATCH,
    adminTokens: Object.freeze(tokens),
    corsOrigins: Object.freeze(e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean)),
    logLevel: e.LOG_LEVEL,
    workers: e.WORKERS === 'auto' ? availableParallelism() : e.WORKERS,
    limits: Object.freeze({
      bodyBytes: e.MAX_BODY_BYTES,
      items: e.MAX_ITEMS,
      descriptionLength: e.MAX_DESCRIPTION_LENGTH,
      batchDeclarations: e.MAX_BATCH_DECLARATIONS,
      batchItems: e.MAX_BATCH_ITEMS,
    }),
    cache: Object.freeze({ maxKeys: e.CACHE_MAX_KEYS, ttlSeconds: e.CACHE_TTL_SECONDS }),
    warmUpDeclarations: e.WARM_UP_DECLARATIONS,
    adminFailedLoginLimit: e.ADMIN_FAILED_LOGIN_LIMIT,
    trustProxy: e.TRUST_PROXY,
  });
}
