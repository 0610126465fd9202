// Calls to the screening service; RFC 9457 problems become ApiProblem values the pages can place next to fields.

export class ApiProblem extends Error {
  constructor(status, body) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
    this.status = status;
    this.type = body?.type ?? '';
    this.title = body?.title ?? '';
    /** The title in Vietnamese and English ({vi, en}), when the service gave both. */
    this.titles = body?.titles && typeof body.titles === 'object' ? body.titles : null;
    this.detail = body?.detail ?? '';
    /** [{field, message}] of the request's offending fields. */
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
    /** Catalog examples that failed ([{description, expected, got}]). */
    this.failures = Array.isArray(body?.failures) ? body.failures : [];
    /** Problems of a broken catalog on disk ([{file, field, message}]). */
    this.problems = Array.isArray(body?.problems) ? body.problems : [];
    this.requestId = body?.requestId ?? '';
  }

  /** What went wrong, in the page's language, with the service's own detail (in English) after it. */
  textIn(lang) {
    const title = this.titles?.[lang] || this.title || this.message;
    return this.detail && this.detail !== title ? `${title} (${this.detail})` : title;
  }
}

/** Status 0: the service did not answer at all (network down, server stopped). */
export const isOffline = (err) => err instanceof ApiProblem && err.status === 0;

/** Sends JSON, returns { data, etag }; a non-2xx answer throws ApiProblem. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiProblem(0, { title: 'offline' });
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null; // A proxy's HTML error page, say; the status still tells what happened.
  }
  if (!res.ok) throw new ApiProblem(res.status, data);
  return { data, etag: res.headers.get('ETag') };
}
