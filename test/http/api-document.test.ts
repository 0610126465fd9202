import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { ROOT } from '../../src/http/app';
import { declaration, startTestService, type TestService } from '../support/service';

// GET /openapi.yaml states the limits this deployment applies, not only the defaults.
const FILE = readFileSync(join(ROOT, 'openapi', 'openapi.yaml'), 'utf8');

type Constraint = { maxItems?: number; maxLength?: number };
type Schema = { properties: Record<string, Constraint>; allOf: [unknown, { properties: Record<string, Constraint> }] };
type Doc = { info: { description: string }; components: { schemas: Record<string, Schema> } };
const limitsOf = (doc: Doc) => ({
  items: doc.components.schemas.ScreeningRequest.allOf[1].properties.items.maxItems,
  batchDeclarationItems: doc.components.schemas.BatchDeclaration.allOf[1].properties.items.maxItems,
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
    expect(limitsOf(doc)).toEqual({ items: 3, batchDeclarationItems: 12, descriptionLength: 40, batchDeclarations: 7 });
    expect(doc.info.description).toContain('3 items per declaration, 40 characters per description, 7 declarations and 12 items per batch');
    // The file's text is edited where the limits stand and the note is one paragraph more (a blank
    // line and the note): every other line is the file's, not re-folded nor respaced.
    const lines = res.text.split('\n');
    const at = lines.findIndex((line) => line.trim().startsWith('Limits of this deployment:'));
    expect(lines[at - 1]).toBe('');
    lines.splice(at - 1, 2);
    const file = FILE.split('\n');
    expect(lines).toHaveLength(file.length);
    const changed = file.flatMap((line, k) => (line === lines[k] ? [] : [`${line.trim()} → ${lines[k].trim()}`]));
    expect(changed).toEqual(['maxItems: 250 → maxItems: 3', 'maxItems: 10000 → maxItems: 12', 'maxLength: 500 → maxLength: 40', 'maxItems: 1000 → maxItems: 7']);
    // Everything else is the file's: comments kept, the other schemas untouched.
    expect(res.text).toContain('# ── Batch ──');
    expect(limitsOf(parse(FILE) as Doc)).toEqual({ items: 250, batchDeclarationItems: 10000, descriptionLength: 500, batchDeclarations: 1000 });
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

  it('states what the batch enforces: a declaration of a batch may hold more items than one screening', async () => {
    service = await startTestService({ env: { MAX_ITEMS: '3', MAX_BATCH_ITEMS: '6' } });
    const stated = limitsOf(parse((await request(service.app).get('/openapi.yaml')).text) as Doc);
    expect(stated).toMatchObject({ items: 3, batchDeclarationItems: 6 });
    const items = (n: number) => Array.from({ length: n }, () => ({ description: 'Cà phê rang xay' }));
    const within = await request(service.app).post('/v1/screenings/batch').send({ declarations: [declaration(items(stated.batchDeclarationItems!))] });
    expect(within.status).toBe(200);
    expect(within.body.results[0].decision).toBe('ACCEPT');
    const over = await request(service.app).post('/v1/screenings/batch').send({ declarations: [declaration(items(stated.batchDeclarationItems! + 1))] });
    expect(over.status).toBe(413);
  });
});
