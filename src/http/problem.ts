/** One offending field of a request, as JSON Pointer and as a readable path. */
export type FieldError = { pointer: string; field: string; code: string; message: string };

/** Every problem type the service answers with, its status and its title, in one place. */
export const PROBLEMS = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  unauthorized: { status: 401, title: 'A valid bearer token is required' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'The request took too long to arrive' },
  'precondition-failed': { status: 412, title: 'The entry changed since it was read' },
  'content-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'The body must be application/json' },
  'expectation-failed': { status: 417, title: 'The Expect header asks for something this service does not do' },
  'invalid-catalog-entry': { status: 422, title: 'The catalog entry is not valid' },
  'catalog-examples-failed': { status: 422, title: "The entry's own examples do not pass" },
  'precondition-required': { status: 428, title: 'If-Match (or If-None-Match: * to create) is required' },
  'too-many-requests': { status: 429, title: 'Too many failed attempts; wait and try again' },
  'header-fields-too-large': { status: 431, title: 'The request headers are too large' },
  'catalog-broken': { status: 409, title: 'The catalog on disk has problems that must be fixed first' },
  'catalog-read-only': { status: 409, title: 'The catalog folder is read-only here' },
  'unknown-catalog-version': { status: 404, title: 'No catalog with this version was published here' },
  'not-ready': { status: 503, title: 'No valid catalog is loaded; the service cannot screen' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

/** An error that becomes an RFC 9457 problem+json answer in the one error handler. */
export class HttpProblem extends Error {
  readonly status: number;
  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? PROBLEMS[type].title);
    this.status = PROBLEMS[type].status;
  }
}

/** `items.0.hsCode` → `/items/0/hsCode` and `items[0].hsCode`. */
export function fieldError(path: readonly PropertyKey[], code: string, message: string): FieldError {
  const parts = path.map(String);
  const pointer = '/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const field = parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  return { pointer: parts.length ? pointer : '', field: field || '(body)', code, message };
}

export function problemBody(p: HttpProblem, instance: string, requestId: string): Record<string, unknown> {
  return {
    type: `/problems/${p.type}`,
    title: PROBLEMS[p.type].title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance,
    requestId,
    ...(p.errors.length ? { errors: p.errors } : {}),
    ...p.extra,
  };
}
