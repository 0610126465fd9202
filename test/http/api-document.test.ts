import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { ROOT } from '../../src/http/app';
import { declaration, startTestService, type TestService } from '../support/service';

// GET /openapi.yaml states the limits this deployment applies, not only the defaults.
const FILE = readFileSync(join(ROOT, 'openapi', 'openapi.yaml'), 'utf8');

type Doc = { info: { description: string }; components: { schemas: Record<string, { properties: Record<string, { maxItems?: number; maxLength?: number }> }> } };
const limitsOf = (doc: Doc) => ({
  items: doc.components.schemas.Declaration.properties.items.maxItems,
  descriptionLength: doc.components.schemas.DeclaredItem.properties.description.maxLength,
  batchDeclarations: doc.components.schemas.BatchRequest.properties.declarations.maxItems,
});

describe('the API document served', () => {
  let service: TestService | undefined;
  afterEach(async () => {
    await service?.cleanup();
    service = undefined;
  });

  it('is the file itself with the default limits', async () => {
    service = await startTestService();
    const res = await request(service.app).get('/openapi.yaml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    expect(res.text).toBe(FILE);
  });

  it('carries the configured limits in its schemas and says them all', async () => {
    service = await startTestService({ env: { MAX_ITEMS: '3', MAX_DESCRIPTION_LENGTH: '40', MAX_BATCH_DECLARATIONS: '7', MAX_BATCH_ITEMS: '12' } });
    const res = await request(service.app).get('/openapi.yaml');
    expect(res.status).toBe(200);
    const doc = parse(res.text) as Doc;
    expect(limitsOf(doc)).toEqual({ items: 3, descriptionLength: 40, batchDeclarations: 7 });
    expect(doc.info.description).toContain('3 items per declaration, 40 characters per description, 7 declarations and 12 items per batch');
    // Everything else is the file's: comments kept, the other schemas untouched.
    expect(res.text).toContain('# ── Batch ──');
    expect(limitsOf(parse(FILE) as Doc)).toEqual({ items: 250, descriptionLength: 500, batchDeclarations: 1000 });
    expect(Object.keys(doc.components.schemas)).toEqual(Object.keys((parse(FILE) as Doc).components.schemas));
  });

  it('states what the service enforces: one item over the stated maximum is refused', async () => {
    service = await startTestService({ env: { MAX_ITEMS: '3' } });
    const doc = parse((await request(service.app).get('/openapi.yaml')).text) as Doc;
    const max = limitsOf(doc).items!;
    const items = (n: number) => Array.from({ length: n }, () => ({ description: 'Cà phê rang xay' }));
    expect((await request(service.app).post('/v1/screenings').send(declaration(items(max)))).status).toBe(200);
    const over = await request(service.app).post('/v1/screenings').send(declaration(items(max + 1)));
    expect(over.status).toBe(400);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
