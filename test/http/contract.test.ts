import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { parse } from 'yaml';
import { PROBLEMS } from '../../src/http/problem';
import { declaration, OFFICER_TOKEN, startTestService, type TestService } from '../support/service';

// Real answers of every endpoint, checked against openapi/openapi.yaml, so the document cannot drift
// from the code. Answers are checked strictly: a member the document does not name fails the test.

type Json = Record<string, unknown>;
const ROOT = resolve(__dirname, '..', '..');
const CONTRACT = join(ROOT, 'openapi', 'openapi.yaml');
const doc = parse(readFileSync(CONTRACT, 'utf8')) as Json & { paths: Json; components: Json };
const components = doc.components as Record<string, Record<string, Json>>;
const ADMIN = { Authorization: `Bearer ${OFFICER_TOKEN}` };
const MASK = { description: 'Khẩu trang y tế 4 lớp', hsCode: '6307.90.40' };

/**
 * The document's schemas as one JSON Schema. Objects that do not say otherwise get
 * `unevaluatedProperties: false` where they are used (not inside `allOf`, whose parent gets it),
 * so an undocumented member in an answer fails.
 */
function strict(node: unknown, inAllOf = false): unknown {
  if (Array.isArray(node)) return node.map((n) => strict(n));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref') out[k] = String(v).replace('#/components/schemas/', 'contract#/$defs/');
    else if (k === 'allOf') out[k] = (v as unknown[]).map((m) => strict(m, true));
    else if (['properties', '$defs', 'patternProperties'].includes(k)) {
      out[k] = Object.fromEntries(Object.entries(v as Json).map(([name, s]) => [name, strict(s)]));
    } else out[k] = strict(v);
  }
  const open = 'additionalProperties' in out || 'unevaluatedProperties' in out;
  const shaped = '$ref' in out || 'allOf' in out || 'properties' in out || 'oneOf' in out || 'anyOf' in out;
  if (!inAllOf && !open && shaped) out.unevaluatedProperties = false;
  return out;
}

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
// Component roots stay open; each place that uses one closes it, so `allOf` can extend them.
ajv.addSchema({ $id: 'contract', $defs: Object.fromEntries(Object.entries(components.schemas).map(([n, s]) => [n, strict(s, true)])) });
const compiled = new Map<unknown, ValidateFunction>();
function validator(schema: unknown): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) compiled.set(schema, (v = ajv.compile(strict(schema) as Json)));
  return v;
}

function deref<T>(node: T): T {
  const ref = (node as { $ref?: string })?.$ref;
  if (!ref) return node;
  const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref)!;
  return deref(components[section][name] as T);
}

type MediaType = { schema: unknown; example?: unknown; examples?: Record<string, unknown>; 'x-line-schema'?: unknown };
type Operation = { parameters?: unknown[]; requestBody?: { content: Record<string, MediaType> }; responses: Record<string, Json> };

function operation(path: string, method: string): Operation {
  const op = (doc.paths[path] as Record<string, Operation> | undefined)?.[method];
  if (!op) throw new Error(`the contract has no ${method.toUpperCase()} ${path}`);
  return op;
}

function errorsOf(v: ValidateFunction): string {
  return ajv.errorsText(v.errors, { separator: '\n  ' });
}

/** Checks a real answer against the documented answer for its status and media type. */
function expectDocumented(path: string, method: string, res: Response): void {
  const documented = operation(path, method).responses[String(res.status)];
  if (!documented) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}, which the contract does not list:\n${res.text}`);
  const response = deref(documented) as { content?: Record<string, MediaType>; headers?: Record<string, unknown> };
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0];
  const media = response.content?.[mediaType];
  if (!media) throw new Error(`${method.toUpperCase()} ${path} ${res.status} answered ${mediaType}, not one of ${Object.keys(response.content ?? {})}`);
  for (const header of Object.keys(response.headers ?? {})) {
    if (['ETag', 'X-Request-Id', 'WWW-Authenticate', 'Retry-After'].includes(header)) {
      expect({ header, value: typeof res.headers[header.toLowerCase()] }).toEqual({ header, value: 'string' });
    }
  }
  const bodies = media['x-line-schema']
    ? res.text.trimEnd().split('\n').map((line) => [media['x-line-schema'], JSON.parse(line)] as const)
    : [[media.schema, mediaType.endsWith('json') ? res.body : res.text] as const];
  for (const [schema, body] of bodies) {
    const v = validator(schema);
    if (!v(body)) throw new Error(`${method.toUpperCase()} ${path} ${res.status} does not match the contract:\n  ${errorsOf(v)}\n${JSON.stringify(body).slice(0, 600)}`);
  }
}

/** The routes the Express app serves, as OpenAPI paths. */
function servedRoutes(app: Express): string[] {
  const found: string[] = [];
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) found.push(`${m} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found.sort();
}

function documentedRoutes(): string[] {
  const methods = ['get', 'put', 'post', 'delete', 'patch'];
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item as Json).filter((k) => methods.includes(k)).map((m) => `${m} ${path}`))
    .sort();
}

let service: TestService;
let app: Express;
const exercised = new Set<string>();

beforeAll(async () => {
  service = await startTestService();
  app = service.app;
});
afterAll(async () => {
  await service.cleanup();
});

/** A new entry an officer might add: medical thermometers, from March 2020. */
function thermometers(): Json {
  return {
    id: 'thermometers',
    names: { vi: 'Nhiệt kế y tế', en: 'Medical thermometers', fr: 'Thermomètres médicaux' },
    match: { terms: { vi: ['nhiệt kế y tế', 'nhiệt kế điện tử'], en: ['medical thermometer', 'digital thermometer'] } },
    rules: [
      {
        id: 'vn-outbound-thermometers-2020',
        action: 'reject',
        scope: { origin: { countries: ['VN'] }, destination: { except: ['VN'] }, events: ['acceptance', 'dispatch'] },
        effective: { from: '2020-03-01' },
        legalBasis: [
          {
            kind: 'letter',
            number: '99/TEST',
            date: '2020-02-20',
            issuer: { vi: 'Sở Thông tin và Truyền thông (thử nghiệm)', en: 'Department of Information and Communications (test)' },
            title: { vi: 'Văn bản thử nghiệm', en: 'A test letter' },
          },
        ],
      },
    ],
    examples: { reject: ['Nhiệt kế điện tử Omron'], accept: ['Cà phê rang xay 500g'] },
  };
}

type Call = (app: Express) => request.Test | Promise<Response>;
type Case = [name: string, { path: string; method: string; call: Call; status: number }];

const put = (id: string) => (a: Express) => request(a).put(`/v1/admin/catalog/entries/${id}`).set(ADMIN);
const entryPath = '/v1/admin/catalog/entries/{id}';

describe('real answers match the contract', () => {
  // In order: the admin cases create, change and delete an entry, then read the audit.
  const cases: Case[] = [
    ['REJECT screening', { path: '/v1/screenings', method: 'post', status: 200, call: (a) => request(a).post('/v1/screenings').send(declaration([MASK], { itemId: 'RR123456785VN' })) }],
    ['REVIEW and ACCEPT items', {
      path: '/v1/screenings', method: 'post', status: 200,
      call: (a) => request(a).post('/v1/screenings').send(declaration([{ description: 'Quà tặng' }, { description: 'Face masks 10 pcs' }, { description: 'Mặt nạ dưỡng da Innisfree' }])),
    }],
    ['a restriction not in force', { path: '/v1/screenings', method: 'post', status: 200, call: (a) => request(a).post('/v1/screenings').send(declaration([MASK], { date: '2020-01-15' })) }],
    ['screening with a past catalog version', {
      path: '/v1/screenings', method: 'post', status: 200,
      call: (a) => request(a).post(`/v1/screenings?catalogVersion=${service.store.current()!.version}`).send(declaration([MASK])),
    }],
    ['invalid fields', { path: '/v1/screenings', method: 'post', status: 400, call: (a) => request(a).post('/v1/screenings').send(declaration([{ description: 'Cà phê' }], { itemId: 'RR123456784VN', date: '2020-02-30' })) }],
    ['malformed JSON', { path: '/v1/screenings', method: 'post', status: 400, call: (a) => request(a).post('/v1/screenings').set('Content-Type', 'application/json').send('{"items": [') }],
    ['a malformed catalogVersion', { path: '/v1/screenings', method: 'post', status: 400, call: (a) => request(a).post('/v1/screenings?catalogVersion=hôm-qua').send(declaration([MASK])) }],
    ['an unknown catalogVersion', { path: '/v1/screenings', method: 'post', status: 404, call: (a) => request(a).post('/v1/screenings?catalogVersion=0123456789abcdef').send(declaration([MASK])) }],
    ['not JSON', { path: '/v1/screenings', method: 'post', status: 415, call: (a) => request(a).post('/v1/screenings').set('Content-Type', 'text/plain').send('khẩu trang') }],
    ['batch as JSON with an invalid declaration', {
      path: '/v1/screenings/batch', method: 'post', status: 200,
      call: (a) => request(a).post('/v1/screenings/batch').send({ declarations: [declaration([MASK]), { items: [] }, declaration([{ description: 'Cà phê' }])] }),
    }],
    ['batch as JSON Lines', {
      path: '/v1/screenings/batch', method: 'post', status: 200,
      call: (a) => request(a).post('/v1/screenings/batch').set('Accept', 'application/x-ndjson').send({ declarations: [declaration([MASK]), { items: 'none' }] }),
    }],
    ['batch without declarations', { path: '/v1/screenings/batch', method: 'post', status: 400, call: (a) => request(a).post('/v1/screenings/batch').send({ declarations: [] }) }],
    ['batch over the declaration limit', {
      path: '/v1/screenings/batch', method: 'post', status: 413,
      call: (a) => request(a).post('/v1/screenings/batch').send({ declarations: Array.from({ length: 1001 }, () => ({})) }),
    }],
    ['the catalog', { path: '/v1/catalog', method: 'get', status: 200, call: (a) => request(a).get('/v1/catalog') }],
    ['a catalog entry', { path: '/v1/catalog/entries/{id}', method: 'get', status: 200, call: (a) => request(a).get('/v1/catalog/entries/medical-masks') }],
    ['an unknown catalog entry', { path: '/v1/catalog/entries/{id}', method: 'get', status: 404, call: (a) => request(a).get('/v1/catalog/entries/nhiet-ke') }],
    ['countries', { path: '/v1/countries', method: 'get', status: 200, call: (a) => request(a).get('/v1/countries') }],
    ['admin without a token', { path: entryPath, method: 'get', status: 401, call: (a) => request(a).get('/v1/admin/catalog/entries/medical-masks') }],
    ['admin with a wrong token', { path: '/v1/admin/catalog/audit', method: 'get', status: 401, call: (a) => request(a).get('/v1/admin/catalog/audit').set('Authorization', 'Bearer not-an-officer-token-000') }],
    ['admin read', { path: entryPath, method: 'get', status: 200, call: (a) => request(a).get('/v1/admin/catalog/entries/medical-masks').set(ADMIN) }],
    ['admin read of a malformed id', { path: entryPath, method: 'get', status: 400, call: (a) => request(a).get('/v1/admin/catalog/entries/Khau_Trang').set(ADMIN) }],
    ['admin read of a missing entry', { path: entryPath, method: 'get', status: 404, call: (a) => request(a).get('/v1/admin/catalog/entries/nhiet-ke').set(ADMIN) }],
    ['create without a precondition', { path: entryPath, method: 'put', status: 428, call: (a) => put('thermometers')(a).set('X-Change-Reason', 'test').send(thermometers()) }],
    ['create without a reason', { path: entryPath, method: 'put', status: 400, call: (a) => put('thermometers')(a).set('If-None-Match', '*').send(thermometers()) }],
    ['create an invalid entry', { path: entryPath, method: 'put', status: 422, call: (a) => put('thermometers')(a).set('If-None-Match', '*').set('X-Change-Reason', 'test').send({ ...thermometers(), rules: [] }) }],
    ['create an entry whose examples fail', {
      path: entryPath, method: 'put', status: 422,
      call: (a) => put('thermometers')(a).set('If-None-Match', '*').set('X-Change-Reason', 'test').send({ ...thermometers(), examples: { reject: ['Nhiệt kế điện tử'], accept: ['nhiệt kế y tế'] } }),
    }],
    ['create', {
      path: entryPath, method: 'put', status: 201,
      call: (a) => put('thermometers')(a).set('If-None-Match', '*').set('X-Change-Reason', encodeURIComponent('Thêm nhiệt kế y tế theo công văn thử nghiệm')).send(thermometers()),
    }],
    ['create again', { path: entryPath, method: 'put', status: 412, call: (a) => put('thermometers')(a).set('If-None-Match', '*').set('X-Change-Reason', 'test').send(thermometers()) }],
    ['replace with a stale ETag', { path: entryPath, method: 'put', status: 412, call: (a) => put('thermometers')(a).set('If-Match', '"0000000000000000"').set('X-Change-Reason', 'test').send(thermometers()) }],
    ['replace', {
      path: entryPath, method: 'put', status: 200,
      call: async (a) => {
        const { headers } = await request(a).get('/v1/admin/catalog/entries/thermometers').set(ADMIN);
        const changed = { ...thermometers(), hsCodes: [{ code: '9025.19', strength: 'indicative' }] };
        return put('thermometers')(a).set('If-Match', headers.etag).set('X-Change-Reason', encodeURIComponent('Thêm mã HS')).send(changed);
      },
    }],
    ['delete a missing entry', { path: entryPath, method: 'delete', status: 404, call: (a) => request(a).delete('/v1/admin/catalog/entries/nhiet-ke').set(ADMIN).set('If-Match', '"x"').set('X-Change-Reason', 'test') }],
    ['delete without If-Match', { path: entryPath, method: 'delete', status: 428, call: (a) => request(a).delete('/v1/admin/catalog/entries/thermometers').set(ADMIN).set('X-Change-Reason', 'test') }],
    ['delete', {
      path: entryPath, method: 'delete', status: 200,
      call: async (a) => {
        const { headers } = await request(a).get('/v1/admin/catalog/entries/thermometers').set(ADMIN);
        return request(a).delete('/v1/admin/catalog/entries/thermometers').set(ADMIN).set('If-Match', headers.etag).set('X-Change-Reason', encodeURIComponent('Bỏ mục thử nghiệm'));
      },
    }],
    ['audit', { path: '/v1/admin/catalog/audit', method: 'get', status: 200, call: (a) => request(a).get('/v1/admin/catalog/audit?limit=10').set(ADMIN) }],
    ['reload', { path: '/v1/admin/catalog/reload', method: 'post', status: 200, call: (a) => request(a).post('/v1/admin/catalog/reload').set(ADMIN) }],
    ['liveness', { path: '/healthz', method: 'get', status: 200, call: (a) => request(a).get('/healthz') }],
    ['readiness', { path: '/readyz', method: 'get', status: 200, call: (a) => request(a).get('/readyz') }],
    ['metrics', { path: '/metrics', method: 'get', status: 200, call: (a) => request(a).get('/metrics') }],
    ['a problem type', { path: '/problems/{type}', method: 'get', status: 200, call: (a) => request(a).get('/problems/invalid-request') }],
    ['this document', { path: '/openapi.yaml', method: 'get', status: 200, call: (a) => request(a).get('/openapi.yaml').buffer(true) }],
  ];

  it.each(cases)('%s', async (_name, { path, method, call, status }) => {
    const res = await call(app);
    expect({ status: res.status, problem: res.status >= 400 ? res.body : undefined }).toEqual({ status, problem: status >= 400 ? expect.objectContaining({ status }) : undefined });
    expectDocumented(path, method, res);
    exercised.add(`${method} ${path}`);
  });

  it('serves this very document at /openapi.yaml', async () => {
    const res = await request(app).get('/openapi.yaml').buffer(true);
    expect(parse(res.text)).toEqual(doc);
  });

  it('exercises every documented operation above', () => {
    expect([...exercised].sort()).toEqual(documentedRoutes());
  });
});

describe('answers of a service in trouble match the contract', () => {
  it('without a valid catalog: not ready, screening refused, reload refused', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'contract-empty-'));
    const broken = await startTestService({ catalogDir: empty });
    try {
      const calls: [string, string, Call, number][] = [
        ['/readyz', 'get', (a) => request(a).get('/readyz'), 503],
        ['/v1/screenings', 'post', (a) => request(a).post('/v1/screenings').send(declaration([MASK])), 503],
        ['/v1/screenings/batch', 'post', (a) => request(a).post('/v1/screenings/batch').send({ declarations: [declaration([MASK])] }), 503],
        ['/v1/catalog', 'get', (a) => request(a).get('/v1/catalog'), 503],
        ['/v1/catalog/entries/{id}', 'get', (a) => request(a).get('/v1/catalog/entries/medical-masks'), 503],
        ['/v1/admin/catalog/reload', 'post', (a) => request(a).post('/v1/admin/catalog/reload').set(ADMIN), 409],
      ];
      for (const [path, method, call, status] of calls) {
        const res = await call(broken.app);
        expect({ path, status: res.status }).toEqual({ path, status });
        expectDocumented(path, method, res);
      }
    } finally {
      await broken.cleanup();
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('an edit while another catalog file is broken answers catalog-broken', async () => {
    const s = await startTestService();
    try {
      await writeFile(join(s.config.catalogDir, 'entries', 'broken.yaml'), 'id: [not closed\n');
      const read = await request(s.app).get('/v1/admin/catalog/entries/medical-gloves').set(ADMIN);
      const res = await put('medical-gloves')(s.app).set('If-Match', read.headers.etag).set('X-Change-Reason', 'test').send(read.body);
      expect({ status: res.status, type: res.body.type }).toEqual({ status: 409, type: '/problems/catalog-broken' });
      expectDocumented(entryPath, 'put', res);
    } finally {
      await s.cleanup();
    }
  });

  it('too many failed logins answers 429 with Retry-After', async () => {
    const s = await startTestService({ env: { ADMIN_FAILED_LOGIN_LIMIT: '1' } });
    try {
      const wrong = () => request(s.app).get('/v1/admin/catalog/audit').set('Authorization', 'Bearer not-an-officer-token-000');
      expect((await wrong()).status).toBe(401);
      const res = await wrong();
      expect({ status: res.status, type: res.body.type }).toEqual({ status: 429, type: '/problems/too-many-requests' });
      expectDocumented('/v1/admin/catalog/audit', 'get', res);
    } finally {
      await s.cleanup();
    }
  });
});

describe('the request schema agrees with the service', () => {
  const minimal = { origin: { country: 'VN' }, destination: { country: 'US' }, items: [{ description: 'Cà phê rang xay' }] };
  const item = (extra: Json) => ({ ...minimal, items: [{ description: 'Cà phê rang xay', ...extra }] });
  const cases: [string, { body: Json; accepted: boolean }][] = [
    ['the smallest declaration (today in Hanoi)', { body: minimal, accepted: true }],
    ['a full CN23 line', { body: item({ hsCode: '0901.21', quantity: 2, unit: 'gói', netWeightKg: 1, value: { amount: 250000, currency: 'VND' }, originCountry: 'VN' }), accepted: true }],
    ['an HS code written "HS 0901 21"', { body: item({ hsCode: 'HS 0901 21' }), accepted: true }],
    ['a date-time without offset and seconds', { body: { ...minimal, date: '2020-02-03T10:00' }, accepted: true }],
    ['a lower-case t and z', { body: { ...minimal, date: '2020-02-03t10:00:00z' }, accepted: true }],
    ['sender names and addresses come along', { body: { ...minimal, origin: { country: 'VN', name: 'Nguyễn Thị Mai', address: '12 Lê Lợi, Huế' }, sender: { phone: '0901234567' } }, accepted: true }],
    ['an exemption document', { body: { ...minimal, documents: [{ type: 'licence', number: 'GP-12/2020/BYT', issuer: 'Bộ Y tế' }] }, accepted: true }],
    ['no items', { body: { ...minimal, items: [] }, accepted: false }],
    ['no destination', { body: { origin: { country: 'VN' }, items: minimal.items }, accepted: false }],
    ['a lower-case country code', { body: { ...minimal, destination: { country: 'us' } }, accepted: false }],
    ['an unknown postal event', { body: { ...minimal, event: 'pickup' }, accepted: false }],
    ['an unknown CN23 category', { body: { ...minimal, category: 'donation' }, accepted: false }],
    ['a date in Vietnamese order', { body: { ...minimal, date: '03/02/2020' }, accepted: false }],
    ['an S10 id with a missing digit', { body: { ...minimal, itemId: 'RR12345678VN' }, accepted: false }],
    ['a blank description', { body: item({ description: '   ' }), accepted: false }],
    ['words for an HS code', { body: item({ hsCode: 'cà phê' }), accepted: false }],
    ['a quantity of zero', { body: item({ quantity: 0 }), accepted: false }],
    ['a fractional quantity', { body: item({ quantity: 1.5 }), accepted: false }],
    ['a lower-case currency', { body: item({ value: { amount: 5, currency: 'usd' } }), accepted: false }],
    ['an unknown member of a value', { body: item({ value: { amount: 5, currency: 'USD', note: 'quà' } }), accepted: false }],
    ['a document without a number', { body: { ...minimal, documents: [{ type: 'licence' }] }, accepted: false }],
  ];
  const schema = operation('/v1/screenings', 'post').requestBody!.content['application/json'].schema;

  it.each(cases)('%s', async (_name, { body, accepted }) => {
    const res = await request(app).post('/v1/screenings').send(body);
    expect({ served: res.status, schema: validator(schema)(body) }).toEqual({ served: accepted ? 200 : 400, schema: accepted });
  });
});

describe('the document itself', () => {
  it('describes every route the app serves, and nothing else', () => {
    const served = servedRoutes(app).filter((r) => r !== 'get /');
    expect(documentedRoutes()).toEqual(served);
  });

  it('lists every problem type the service can answer with', () => {
    const documented = (components.schemas.ProblemType as { enum: string[] }).enum;
    expect([...documented].sort()).toEqual(Object.keys(PROBLEMS).map((t) => `/problems/${t}`).sort());
  });

  // Examples are documentation: each must match the schema it illustrates.
  const examples: [string, unknown, unknown][] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      const medias = [
        ...Object.entries(op.requestBody?.content ?? {}).map(([t, m]) => [`${method} ${path} request ${t}`, m] as const),
        ...Object.entries(op.responses ?? {}).flatMap(([status, r]) =>
          Object.entries((deref(r) as { content?: Record<string, MediaType> }).content ?? {}).map(([t, m]) => [`${method} ${path} ${status} ${t}`, m] as const),
        ),
      ];
      for (const [where, m] of medias) {
        const all = { ...(m.example !== undefined ? { example: { value: m.example } } : {}), ...(m.examples ?? {}) };
        for (const [name, ex] of Object.entries(all)) {
          const value = (deref(ex) as { value: unknown }).value;
          if (m['x-line-schema']) for (const line of String(value).trimEnd().split('\n')) examples.push([`${where} ${name}`, m['x-line-schema'], JSON.parse(line)]);
          else examples.push([`${where} ${name}`, m.schema, value]);
        }
      }
    }
  }

  // The request/answer pairs in examples/ (replayed by test/examples/replay.test.ts) are in the contract too.
  const pairs = readdirSync(join(ROOT, 'examples', 'requests')).filter((f) => f.endsWith('.json'));
  for (const file of pairs) {
    const read = (dir: string) => JSON.parse(readFileSync(join(ROOT, 'examples', dir, file), 'utf8'));
    const answer = read('responses');
    const status = String(typeof answer.status === 'number' ? answer.status : 200);
    const response = deref(operation('/v1/screenings', 'post').responses[status]) as { content: Record<string, MediaType> };
    examples.push([`examples/requests/${file}`, operation('/v1/screenings', 'post').requestBody!.content['application/json'].schema, read('requests')]);
    examples.push([`examples/responses/${file}`, Object.values(response.content)[0].schema, answer]);
  }

  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(15);
  });

  it.each(examples)('example %s matches its schema', (_where, schema, value) => {
    const v = validator(schema);
    expect(v(value) ? 'valid' : errorsOf(v)).toBe('valid');
  });
});
