import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { readExample } from '../../src/catalog/check-examples';
import { loadCatalogSource } from '../../src/catalog/load-catalog';
import type { ExampleItem } from '../../src/catalog/schema';
import { buildSnapshot, type CatalogSnapshot } from '../../src/catalog/snapshot';
import { parseGolden, runGolden } from '../../src/cli/catalog-golden';
import { screenDeclaration } from '../../src/screening/screen-declaration';

const CATALOG = resolve(__dirname, '..', '..', 'catalog');

// Read while jest collects tests, so every example and golden line is a test case of its own
// and bad data fails CI by name. The decisions themselves use the production loader's snapshot.
type Examples = Partial<Record<'reject' | 'review' | 'accept', ExampleItem[]>>;
const ENTRIES = readdirSync(join(CATALOG, 'entries'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => parse(readFileSync(join(CATALOG, 'entries', f), 'utf8')) as { id: string; examples: Examples });
const GOLDEN_FILE = join(CATALOG, 'golden.jsonl');
const GOLDEN = parseGolden(GOLDEN_FILE, readFileSync(GOLDEN_FILE, 'utf8'));

const exampleCases = (examples: Examples) =>
  (['reject', 'review', 'accept'] as const).flatMap((want) =>
    (examples[want] ?? []).map((ex) => [typeof ex === 'string' ? ex : `${ex.description} [HS ${ex.hsCode}]`, want, ex] as const),
  );

let snapshot: CatalogSnapshot;

beforeAll(async () => {
  const loaded = await loadCatalogSource(CATALOG);
  if (!loaded.ok) {
    throw new Error(`catalog/ does not validate:\n${loaded.problems.map((p) => `${p.file}:${p.line} ${p.field}: ${p.message}`).join('\n')}`);
  }
  snapshot = buildSnapshot(loaded.source, new Date());
});

describe('the bundled catalog', () => {
  it('loads through the production loader, with the three fixed entries', () => {
    expect(snapshot.version).toMatch(/^[0-9a-f]{16}$/);
    expect(snapshot.entries.map((e) => e.id)).toEqual(expect.arrayContaining(['medical-masks', 'disinfectants', 'medical-gloves']));
  });

  it('has a well-formed golden file of at least 40 decisions', () => {
    expect(GOLDEN.problems).toEqual([]);
    expect(GOLDEN.cases.length).toBeGreaterThanOrEqual(40);
  });
});

describe.each(ENTRIES.map((e) => [e.id, e] as const))('entry %s', (id, entry) => {
  it.each(exampleCases(entry.examples))('reads "%s" as %s', (_text, want, example) => {
    expect(readExample(snapshot, id, example).got).toBe(want);
  });
});

describe('golden decisions (catalog/golden.jsonl)', () => {
  const label = ({ golden: g }: (typeof GOLDEN.cases)[number]) =>
    `"${g.description}"${g.hsCode ? ` HS ${g.hsCode}` : ''}${g.date ? ` on ${g.date}` : ''}${g.origin || g.destination ? ` ${g.origin ?? 'VN'} → ${g.destination ?? 'US'}` : ''}${g.event ? ` at ${g.event}` : ''} is ${g.expect}`;
  it.each(GOLDEN.cases.map((c) => [c.line, label(c), c] as const))(
    'line %i: %s',
    (_line, _label, golden) => {
      const [run] = runGolden(snapshot, [golden]);
      expect(run.failure).toBeNull();
    },
  );
});

describe('things made for a good (accessories)', () => {
  const itemOf = (description: string) =>
    screenDeclaration({ date: '2020-02-10', event: 'acceptance', origin: 'VN', destination: 'US', documents: [], items: [{ description }] }, snapshot).items[0];

  it.each([
    ['Surgical mask prop', 'medical-masks'],
    ['Holder for hand sanitizer', 'disinfectants'],
  ])('tells the clerk "%s" is the thing, not the good', (description, entryId) => {
    const item = itemOf(description);
    expect(item.decision).toBe('ACCEPT');
    const told = item.reasons.find((r) => r.code === 'LOOKALIKE_NOT_RESTRICTED');
    expect(told).toMatchObject({ entryId });
    expect(told?.message.en).toContain(`"${description}"`);
  });

  it.each(['hand sanitizer dispenser refill 1000ml', 'khẩu trang y tế dây đeo tai', 'dispenser of 100 nitrile gloves'])(
    'still refuses the good itself in "%s"',
    (description) => {
      expect(itemOf(description).decision).toBe('REJECT');
    },
  );
});
