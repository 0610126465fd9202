import fc from 'fast-check';
import { loadCatalogSource } from '../../src/catalog/load-catalog';
import { buildSnapshot, type CatalogSnapshot } from '../../src/catalog/snapshot';
import { screenDeclaration } from '../../src/screening/screen-declaration';
import type { Declaration, Outcome } from '../../src/screening/types';
import { BUNDLED_CATALOG } from '../support/service';
import { description, hsCode } from './arbitraries';

// The pure core never throws, whatever the words and codes, and its consignment decision is the
// strictest of its items'.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 800);
const RANK: Record<Outcome, number> = { ACCEPT: 0, REVIEW: 1, REJECT: 2 };
let catalog: CatalogSnapshot;

beforeAll(async () => {
  const loaded = await loadCatalogSource(BUNDLED_CATALOG);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  catalog = buildSnapshot(loaded.source, new Date('2020-02-10T00:00:00Z'));
});

const country = fc.oneof(fc.constantFrom('VN', 'US', 'FR', 'JP'), fc.stringMatching(/^[A-Z]{2}$/));
const declaration = fc.record({
  date: fc.oneof(fc.constantFrom('2020-01-31', '2020-02-01', '2020-02-10', '2030-12-31'), fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
  event: fc.constantFrom('acceptance' as const, 'dispatch' as const),
  category: fc.option(fc.constantFrom('gift' as const, 'documents' as const, 'commercial_sample' as const, 'returned_goods' as const, 'sale_of_goods' as const, 'other' as const), { nil: undefined }),
  origin: country,
  destination: country,
  documents: fc.array(fc.record({ type: fc.constantFrom('licence' as const, 'certificate' as const, 'invoice' as const, 'other' as const), number: fc.string({ minLength: 1, maxLength: 10 }), issuer: fc.option(description, { nil: undefined }) }), { maxLength: 2 }),
  items: fc.array(fc.record({ description, hsCode: fc.option(hsCode, { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
}) satisfies fc.Arbitrary<Declaration>;

describe('screenDeclaration', () => {
  it('never throws and decides every item, the consignment taking the strictest', () => {
    fc.assert(
      fc.property(declaration, (d) => {
        const decision = screenDeclaration(d, catalog);
        expect(decision.items).toHaveLength(d.items.length);
        const strictest = decision.items.reduce<Outcome>((acc, i) => (RANK[i.decision] > RANK[acc] ? i.decision : acc), 'ACCEPT');
        expect(decision.decision).toBe(strictest);
        for (const item of decision.items) {
          expect(['ACCEPT', 'REVIEW', 'REJECT']).toContain(item.decision);
          expect(item.reasons.length).toBeGreaterThan(0);
          for (const m of item.matches) expect(m.score).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same declaration gets the same decision', () => {
    fc.assert(
      fc.property(declaration, (d) => {
        expect(screenDeclaration(d, catalog)).toEqual(screenDeclaration(d, catalog));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a medical mask whatever else comes along, on the letter\'s route and dates', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ description, hsCode: fc.option(hsCode, { nil: undefined }) }), { maxLength: 3 }), fc.nat(5), (others, at) => {
        const items = [...others];
        items.splice(Math.min(at, items.length), 0, { description: 'Khẩu trang y tế 4 lớp', hsCode: undefined });
        const d: Declaration = { date: '2020-02-10', event: 'acceptance', origin: 'VN', destination: 'US', documents: [], items };
        expect(screenDeclaration(d, catalog).decision).toBe('REJECT');
      }),
      { numRuns: 300 },
    );
  });
});
