import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { answer, readJson, REQUESTS, RESPONSES, SCREENING_ID, startExampleService, stored } from '../../examples/regenerate';
import type { TestService } from '../support/service';

// The request/answer pairs in examples/ are documentation that must stay true: each request is
// replayed against the service and must get the stored answer. The catalog version is compared only
// in form, so that a catalog edit that changes no answer does not ask for a regeneration.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const VERSION = /^[0-9a-f]{16}$/;
const names = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
const PAIRS = names(REQUESTS);

function withoutVersion(body: Record<string, unknown>): Record<string, unknown> {
  const catalog = body.catalog as { version?: unknown } | undefined;
  if (!catalog || typeof catalog.version !== 'string' || !VERSION.test(catalog.version)) return body;
  return { ...body, catalog: { ...catalog, version: '<version>' } };
}

let service: TestService;

beforeAll(async () => {
  service = await startExampleService();
});
afterAll(async () => {
  await service.cleanup();
});

it('holds 6 to 10 pairs, each request with its answer', () => {
  expect({ pairs: PAIRS.length >= 6 && PAIRS.length <= 10, answers: names(RESPONSES) }).toEqual({ pairs: true, answers: PAIRS });
});

describe('each example request still gets its stored answer', () => {
  it.each(PAIRS)('%s', async (name) => {
    const want = await readJson(join(RESPONSES, `${name}.json`));
    const got = await answer(service.app, name);
    // A problem carries its status (RFC 9457); a screening is a 200 with a random id.
    expect(got.status).toBe(typeof want.status === 'number' ? want.status : 200);
    if (got.status === 200) expect({ stored: want.screeningId, live: UUID.test(String(got.body.screeningId)) }).toEqual({ stored: SCREENING_ID, live: true });
    expect(withoutVersion(stored(got.body))).toEqual(withoutVersion(want));
  });
});
