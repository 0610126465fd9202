import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkExamples } from '../../src/catalog/check-examples';
import { loadCatalogSource } from '../../src/catalog/load-catalog';
import { buildSnapshot } from '../../src/catalog/snapshot';
import { newCommand } from '../../src/cli/catalog-new';
import { validateCommand } from '../../src/cli/catalog-validate';
import { catalogCopy, removeCopies } from './catalog-copy';

afterAll(removeCopies);

const ID = 'medical-thermometers';

// What an officer types over the placeholders, the rule id first so the text fill does not reach it.
function fill(scaffold: string): string {
  return scaffold
    .replace('- id: ""', '- id: vn-outbound-suspension-2021')
    .replace('number: ""', 'number: "12/CT-BTTTT"')
    .replace(/""/g, '"Nhiệt kế y tế"')
    .replace(/YYYY-MM-DD/g, '2021-05-01')
    .replace('terms:\n    vi: []', 'terms:\n    vi: [nhiệt kế y tế, nhiệt kế điện tử]')
    .replace('heads:\n    vi: []', 'heads:\n    vi: [nhiệt kế]')
    .replace('reject: []', 'reject: [Nhiệt kế y tế điện tử 2 cái]')
    .replace('review: []', 'review: [Nhiệt kế]')
    .replace('accept: []', 'accept: [Bàn chải đánh răng]');
}

describe('catalog new', () => {
  it('writes a scaffold that names each placeholder until it is filled, then validates and passes its examples', async () => {
    const dir = await catalogCopy();
    const made = await newCommand(ID, dir);
    expect(made.code).toBe(0);
    const file = join(dir, 'entries', `${ID}.yaml`);
    const scaffold = await readFile(file, 'utf8');
    expect(scaffold.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/entry.schema.json');

    const unfilled = await validateCommand(dir);
    expect(unfilled.code).toBe(1);
    const problems = unfilled.err.slice(0, -1);
    expect(problems.every((p) => p.includes(`entries/${ID}.yaml:`))).toBe(true);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/:\d+:\d+ names\.vi: is empty: fill it in$/),
        expect.stringMatching(/:\d+:\d+ rules\.0\.effective\.from: not a date/),
        expect.stringMatching(/:\d+:\d+ examples\.reject: needs at least one item$/),
      ]),
    );

    await writeFile(file, fill(scaffold));
    const filled = await validateCommand(dir);
    expect(filled.err).toEqual([]);
    expect(filled.code).toBe(0);
    const loaded = await loadCatalogSource(dir);
    if (!loaded.ok) throw new Error('does not load');
    expect(checkExamples(buildSnapshot(loaded.source, new Date()), ID)).toEqual([]);
  });

  // [why it is refused, id, what the officer reads]
  const REFUSED: [string, string, RegExp][] = [
    ['an existing entry', 'medical-masks', /already exists/],
    ['capitals and underscores', 'Medical_Masks', /cannot be an entry id/],
    ['a double dash', 'medical--masks', /cannot be an entry id/],
    ['a leading dash', '-masks', /cannot be an entry id/],
    ['diacritics', 'khẩu-trang', /cannot be an entry id/],
    ['a path', '../escape', /cannot be an entry id/],
    ['more than 64 characters', 'x'.repeat(65), /cannot be an entry id/],
  ];

  it.each(REFUSED)('refuses %s', async (_name, id, message) => {
    const dir = await catalogCopy();
    const before = await readFile(join(dir, 'entries', 'medical-masks.yaml'), 'utf8');
    const r = await newCommand(id, dir);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(message);
    expect(await readFile(join(dir, 'entries', 'medical-masks.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a folder that is not a catalog', async () => {
    const dir = await catalogCopy();
    const r = await newCommand(ID, join(dir, 'entries'));
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/not a catalog folder/);
  });
});
