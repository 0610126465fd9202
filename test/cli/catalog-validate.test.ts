import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCatalogSource } from '../../src/catalog/load-catalog';
import { catalogVersion } from '../../src/catalog/snapshot';
import { validateCommand } from '../../src/cli/catalog-validate';
import { BUNDLED, catalogCopy, removeCopies, setIn } from './catalog-copy';

afterAll(removeCopies);

type Breakage = { file: string; path: (string | number)[]; value: unknown; field: string; message: RegExp; onLine: string };

// Each breaks one field; all go into one copy, and validate must name every one of them.
const BREAKAGES: [string, Breakage][] = [
  ['thresholds the wrong way round', { file: 'catalog.yaml', path: ['scoring', 'thresholds', 'review'], value: 0.95, field: 'scoring.thresholds.review', message: /below `reject`/, onLine: '0.95' }],
  ['a rule that ends before it starts', { file: 'entries/medical-masks.yaml', path: ['rules', 0, 'effective', 'to'], value: '2020-01-15', field: 'rules.0.effective.to', message: /after `from`/, onLine: '2020-01-15' }],
  ['a country by name', { file: 'entries/medical-masks.yaml', path: ['rules', 0, 'scope', 'destination', 'except', 0], value: 'Vietnam', field: 'rules.0.scope.destination.except.0', message: /ISO 3166-1/, onLine: 'Vietnam' }],
  ['an empty name', { file: 'entries/medical-masks.yaml', path: ['names', 'en'], value: '', field: 'names.en', message: /empty/, onLine: 'en:' }],
  ['an unknown HS strength', { file: 'entries/medical-gloves.yaml', path: ['hsCodes', 0, 'strength'], value: 'strong', field: 'hsCodes.0.strength', message: /decisive/, onLine: 'strong' }],
  ['an unknown action', { file: 'entries/medical-gloves.yaml', path: ['rules', 0, 'action'], value: 'refuse', field: 'rules.0.action', message: /reject/, onLine: 'refuse' }],
  ['an id unlike its file, in a broken file', { file: 'entries/medical-gloves.yaml', path: ['id'], value: 'medical-glove', field: 'id', message: /file name "medical-gloves"/, onLine: 'medical-glove' }],
  ['an id unlike its file, in a sound file', { file: 'entries/disinfectants.yaml', path: ['id'], value: 'disinfectant', field: 'id', message: /file name "disinfectants"/, onLine: 'disinfectant' }],
];

describe('catalog validate', () => {
  let dir: string;
  let problems: string[];
  let code: number;

  beforeAll(async () => {
    dir = await catalogCopy();
    for (const [, b] of BREAKAGES) await setIn(dir, b.file, b.path, b.value);
    await writeFile(join(dir, 'entries', 'broken-yaml.yaml'), 'id: broken-yaml\nnames: { vi: Hỏng\n');
    await appendFile(join(dir, 'golden.jsonl'), '{"description": "Khẩu trang", "expect": "MAYBE"}\n');
    const r = await validateCommand(dir);
    code = r.code;
    problems = r.err.slice(0, -1);
  });

  it('fails, with a summary of every problem at once', () => {
    expect(code).toBe(1);
    expect(problems.length).toBe(BREAKAGES.length + 2);
  });

  it.each(BREAKAGES)('names the file, line, column and field of %s', async (_name, b) => {
    const line = problems.find((p) => p.includes(`${b.file}:`) && p.includes(` ${b.field}: `));
    expect(line).toBeDefined();
    expect(line).toMatch(b.message);
    const [, at, column] = /:(\d+):(\d+) /.exec(line!)!.map(Number);
    const text = (await readFile(join(dir, b.file), 'utf8')).split('\n')[at - 1];
    expect(text).toContain(b.onLine);
    expect(column).toBeGreaterThan(0);
  });

  it('reports a YAML syntax error with its position', () => {
    expect(problems.some((p) => /entries\/broken-yaml\.yaml:\d+:\d+: /.test(p))).toBe(true);
  });

  it('checks the golden file too, by line and field', async () => {
    const lines = (await readFile(join(dir, 'golden.jsonl'), 'utf8')).trimEnd().split('\n').length;
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`golden\\.jsonl:${lines}:\\d+ expect: `)));
  });

  it('prints the content version of a valid catalog', async () => {
    const r = await validateCommand(BUNDLED);
    const loaded = await loadCatalogSource(BUNDLED);
    if (!loaded.ok) throw new Error('the bundled catalog does not load');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out.join('\n')).toContain(`content version ${catalogVersion(loaded.source)}`);
  });
});
