import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogJsonSchemas, schemaCommand } from '../../src/cli/catalog-schema';
import { catalogCopy, removeCopies } from './catalog-copy';

afterAll(removeCopies);

describe('catalog schema', () => {
  it('writes the JSON Schemas the catalog files point their editors at, and --check tells when they are missing', async () => {
    const dir = await catalogCopy();
    await rm(join(dir, 'schema'), { recursive: true, force: true });
    const stale = await schemaCommand(dir, { check: true });
    expect(stale.code).toBe(1);
    expect(stale.err).toEqual([expect.stringMatching(/entry\.schema\.json is stale/), expect.stringMatching(/settings\.schema\.json is stale/)]);

    const wrote = await schemaCommand(dir);
    expect(wrote.code).toBe(0);
    for (const [name, text] of Object.entries(catalogJsonSchemas())) {
      expect(await readFile(join(dir, 'schema', name), 'utf8')).toBe(text);
    }
    expect(await schemaCommand(dir, { check: true })).toMatchObject({ code: 0, err: [] });
  });

  it('keeps fields with defaults optional and reads YAML numbers in word lists as words', () => {
    const entry = JSON.parse(catalogJsonSchemas()['entry.schema.json']);
    expect(entry.required).toEqual(expect.arrayContaining(['id', 'names', 'match', 'rules', 'examples']));
    expect(entry.required).not.toContain('hsCodes');
    expect(entry.properties.match.properties.terms.properties.vi.items.type).toEqual(['string', 'number']);
    const rule = entry.properties.rules.items;
    expect(rule.required).not.toContain('exemptions');
    expect(rule.properties.effective.properties.from.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
  });
});
