import fc from 'fast-check';
import { normalizeText, phraseTokens } from '../../src/screening/normalize';
import { anyCodeUnit, description, trickyChar } from './arbitraries';

// normalizeText is total on every string and its `text` is a fixed point: folding twice changes nothing.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1500);

describe('normalizeText', () => {
  it('is total: any string, lone surrogates included, gives text and tokens inside the original', () => {
    fc.assert(
      fc.property(fc.oneof(description, fc.string({ unit: anyCodeUnit, maxLength: 300 })), (raw) => {
        const n = normalizeText(raw);
        expect(n.original).toBe(raw);
        expect(typeof n.text).toBe('string');
        for (const t of n.tokens) {
          expect(t.text.length).toBeGreaterThan(0);
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(raw.length);
          expect(t.start).toBeLessThan(t.end);
        }
        expect(n.text).toBe(n.tokens.map((t) => t.text).join(' '));
      }),
      { numRuns: RUNS },
    );
  });

  it('is idempotent on its text', () => {
    fc.assert(
      fc.property(fc.oneof(description, fc.string({ unit: trickyChar, maxLength: 60 })), (raw) => {
        const once = normalizeText(raw).text;
        // A list word written with other marks is a word ("vá", "cứng", "kém"); folded, its marks
        // are gone and it reads as the list word (và, cùng, kèm): the one input folding cannot keep.
        fc.pre(!/(^| )(va|kem|cung)( |$)/.test(once));
        expect(normalizeText(once).text).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('folds case and Vietnamese diacritics, never leaving a combining mark or an invisible character', () => {
    fc.assert(
      fc.property(description, (raw) => {
        const { text } = normalizeText(raw);
        expect(text).not.toMatch(/[\p{M}\p{Cf}]/u);
        expect(text).toBe(text.toLowerCase());
      }),
      { numRuns: RUNS },
    );
  });

  it('reads phrases of the catalog as descriptions are read', () => {
    fc.assert(
      fc.property(description, (raw) => {
        expect(Array.isArray(phraseTokens(raw))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
