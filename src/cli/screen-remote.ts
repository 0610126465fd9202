import type { FieldError } from '../http/problem';
import { CannotScreen, type Screener } from './screen-local';
import type { LineResult } from './screen-manifest';

const CHUNK_TIMEOUT_MS = 120_000;

type BatchAnswer = {
  summary: { catalog: { version: string } };
  results: ({ index: number } & ({ errors: FieldError[] } | { decision: string }))[];
};

/** A batch error names `declarations[i].items[0]`; in a manifest the line already says which declaration. */
export function relativeToDeclaration(e: FieldError): FieldError {
  const pointer = e.pointer.replace(/^\/declarations\/\d+/, '');
  const field = e.field.replace(/^declarations\[\d+\]\.?/, '');
  return { ...e, pointer, field: field || '(body)' };
}

/**
 * Screens on a running service through `POST /v1/screenings/batch`, one chunk per request. The
 * first answer's catalog version is pinned for the rest, so a reload mid-manifest changes nothing.
 */
export function remoteScreener(baseUrl: string): Screener {
  let version: string | null = null;
  const endpoint = new URL('/v1/screenings/batch', baseUrl);
  return {
    where: `by the service at ${endpoint.origin}`,
    catalogVersion: () => version,
    async screen(lines) {
      const url = new URL(endpoint);
      if (version) url.searchParams.set('catalogVersion', version);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ declarations: lines.map((l) => l.body) }),
          signal: AbortSignal.timeout(CHUNK_TIMEOUT_MS),
        });
      } catch (err) {
        throw new CannotScreen(`cannot reach ${endpoint.origin}: ${(err as Error).message}`);
      }
      const answer = (await res.json().catch(() => null)) as (BatchAnswer & { title?: string; detail?: string; type?: string }) | null;
      // The service streams the answer: one that ends before its summary was cut off mid-way.
      if (res.status === 200 && !(answer?.results && answer.summary)) {
        throw new CannotScreen(`${endpoint.href} answered 200 but the answer was cut off before its end; screen the manifest again`);
      }
      if (res.status === 200 && answer?.results) {
        version ??= answer.summary.catalog.version;
        return answer.results.map((r): LineResult => {
          const { index, ...rest } = r;
          const line = lines[index].line;
          return 'errors' in rest ? { line, errors: rest.errors.map(relativeToDeclaration) } : { line, ...rest };
        });
      }
      const why = answer?.detail ?? answer?.title ?? `HTTP ${res.status}`;
      if (res.status >= 500 || res.status === 404 || res.status === 401) {
        throw new CannotScreen(`${endpoint.href} answered ${res.status}: ${why}`);
      }
      // The chunk as a whole was refused (too large, not JSON...): each of its lines says so.
      const code = answer?.type?.replace(/^\/problems\//, '') ?? `http_${res.status}`;
      return lines.map(({ line }) => ({ line, errors: [{ pointer: '', field: '(batch)', code, message: why }] }));
    },
    close() {},
  };
}
