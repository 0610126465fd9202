import fc from 'fast-check';
import { declaration as validDeclaration, startTestService, type TestService } from '../support/service';
import { listen, problemViolations, send } from '../security/support/raw-http';
import { description, hsCode } from './arbitraries';

// POST /v1/screenings with arbitrary JSON: never a 5xx; a 4xx is always a problem; a 200 a decision.
const RUNS = Number(process.env.PROPERTY_RUNS_API ?? 250);
let service: TestService;
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  service = await startTestService();
  server = await listen(service.app);
});
afterAll(async () => {
  await server?.close();
  await service?.cleanup();
});

async function postJson(text: string) {
  return send(server.port, { method: 'POST', path: '/v1/screenings', headers: { 'content-type': 'application/json' }, body: text });
}

function checkAnswer(res: Awaited<ReturnType<typeof postJson>>): void {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) expect(problemViolations(res, 'POST')).toEqual([]);
  else {
    expect(res.status).toBe(200);
    expect(['ACCEPT', 'REVIEW', 'REJECT']).toContain(JSON.parse(res.body).decision);
  }
}

const leaf = fc.oneof(fc.jsonValue({ maxDepth: 2 }), description, hsCode);
const declarationLike = fc.record(
  {
    date: fc.oneof(fc.constantFrom('2020-02-10', '2020-02-01T00:00:00+07:00'), leaf),
    event: fc.oneof(fc.constantFrom('acceptance', 'dispatch'), leaf),
    itemId: fc.oneof(fc.constant('RR123456785VN'), leaf),
    category: fc.oneof(fc.constant('gift'), leaf),
    origin: fc.oneof(fc.constant({ country: 'VN' }), fc.record({ country: leaf }), leaf),
    destination: fc.oneof(fc.constant({ country: 'US' }), fc.record({ country: leaf }), leaf),
    documents: fc.oneof(fc.array(fc.record({ type: fc.oneof(fc.constant('licence'), leaf), number: leaf }), { maxLength: 2 }), leaf),
    items: fc.oneof(
      fc.array(fc.record({ description: fc.oneof(description, leaf), hsCode: fc.oneof(hsCode, leaf), quantity: leaf, value: leaf }, { requiredKeys: ['description'] }), { minLength: 1, maxLength: 3 }),
      leaf,
    ),
  },
  { requiredKeys: [] },
);

describe('POST /v1/screenings with arbitrary JSON', () => {
  it('any JSON value: a 4xx problem or a decision, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => checkAnswer(await postJson(JSON.stringify(value) ?? 'null'))),
      { numRuns: RUNS },
    );
  });

  it('declaration-shaped JSON with arbitrary fields and Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(declarationLike, async (value) => checkAnswer(await postJson(JSON.stringify(value)))),
      { numRuns: RUNS },
    );
  });

  it('valid declarations with arbitrary descriptions and HS codes are decided or refused field by field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ description, hsCode: fc.option(hsCode, { nil: undefined }) }), { minLength: 1, maxLength: 4 }), async (items) => {
        const res = await postJson(JSON.stringify(validDeclaration(items)));
        checkAnswer(res);
        if (res.status === 400) {
          const fields: string[] = JSON.parse(res.body).errors.map((e: { field: string }) => e.field);
          for (const f of fields) expect(f).toMatch(/^items\[\d+\]\.(description|hsCode)$/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
