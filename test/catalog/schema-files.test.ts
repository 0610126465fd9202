import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { catalogJsonSchemas } from '../../src/cli/catalog-schema';
import { ENTRY_HINTS, SETTINGS_HINTS } from '../../src/cli/catalog-schema-hints';

const CATALOG = resolve(__dirname, '..', '..', 'catalog');
const generated = catalogJsonSchemas();
const onDisk = (name: string) => readFileSync(join(CATALOG, 'schema', name), 'utf8');
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validateEntry = ajv.compile(JSON.parse(onDisk('entry.schema.json')));
const validateSettings = ajv.compile(JSON.parse(onDisk('settings.schema.json')));
const ENTRY_FILES = readdirSync(join(CATALOG, 'entries')).filter((f) => /\.ya?ml$/.test(f));
const readYaml = (file: string) => parse(readFileSync(join(CATALOG, file), 'utf8'));

describe('catalog/schema/*.json', () => {
  it.each(Object.keys(generated))('%s matches the zod schema (else run npm run catalog -- schema)', (name) => {
    expect(onDisk(name)).toBe(generated[name]);
  });

  it.each(ENTRY_FILES)('entries/%s passes entry.schema.json and points its editor at it', (file) => {
    const text = readFileSync(join(CATALOG, 'entries', file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/entry.schema.json');
    expect(validateEntry(parse(text)) || validateEntry.errors).toBe(true);
  });

  it('catalog.yaml passes settings.schema.json and points its editor at it', () => {
    expect(readFileSync(join(CATALOG, 'catalog.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/settings.schema.json');
    expect(validateSettings(readYaml('catalog.yaml')) || validateSettings.errors).toBe(true);
  });

  // What the editor must flag while the officer types: [mistake, edit, the field it names].
  const MISTAKES: [string, (e: any) => void, string][] = [
    ['an unknown action', (e) => (e.rules[0].action = 'refuse'), '/rules/0/action'],
    ['a date in another form', (e) => (e.rules[0].effective.from = '01/02/2020'), '/rules/0/effective/from'],
    ['a country by name', (e) => (e.rules[0].scope.origin.countries = ['Vietnam']), '/rules/0/scope/origin/countries/0'],
    ['a misspelled field', (e) => (e.rules[0].efective = e.rules[0].effective), '/rules/0'],
    ['a missing name', (e) => delete e.names.fr, '/names'],
    ['an id with capitals', (e) => (e.id = 'Medical-Masks'), '/id'],
  ];

  it.each(MISTAKES)('entry.schema.json flags %s', (_name, edit, path) => {
    const entry = readYaml(join('entries', ENTRY_FILES[0]));
    edit(entry);
    expect(validateEntry(entry)).toBe(false);
    expect(validateEntry.errors!.map((e) => e.instancePath)).toContain(path);
  });

  it('settings.schema.json flags a weight above 1', () => {
    const settings = readYaml('catalog.yaml');
    settings.scoring.weights.term = 1.5;
    expect(validateSettings(settings)).toBe(false);
  });

  // The YAML language server in officers' editors reads JSON Schema draft-07: keep to keywords that mean the same there.
  it.each(Object.keys(generated))('%s uses only keywords draft-07 editors understand', (name) => {
    const LATER = ['prefixItems', 'unevaluatedProperties', 'unevaluatedItems', 'dependentSchemas', 'dependentRequired', '$defs', '$dynamicRef', '$anchor', 'contentSchema'];
    expect(LATER.filter((k) => generated[name].includes(`"${k}"`))).toEqual([]);
  });

  it.each([
    ['entry', ENTRY_HINTS, 'entry.schema.json'],
    ['settings', SETTINGS_HINTS, 'settings.schema.json'],
  ] as const)('every %s hint describes a field that exists', (_kind, hints, name) => {
    const text = generated[name];
    const missing = Object.values(hints).filter((hint) => !text.includes(JSON.stringify(hint)));
    expect(missing).toEqual([]);
  });
});
