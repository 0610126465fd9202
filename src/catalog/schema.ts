import { getAlpha2Codes } from 'i18n-iso-countries';
import { z } from 'zod';
import { parseHsCode } from '../screening/hs-code';
import { isCalendarDate, isTimeZone } from '../screening/local-date';

const COUNTRIES = new Set(Object.keys(getAlpha2Codes()));

export const countryCode = z
  .string()
  .refine((c) => COUNTRIES.has(c), { message: 'not an ISO 3166-1 alpha-2 country code (upper case, e.g. VN)' });

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes (e.g. medical-masks)')
  .max(64);
const localDate = z.string().refine(isCalendarDate, { message: 'not a date of the form YYYY-MM-DD' });
const text = z.string().trim().min(1).max(500);
const localized = z.object({ vi: text, en: text }).strict();
// YAML reads a bare 70 as a number; in a word list it means the word "70".
const phrase = z.union([z.string(), z.number().transform(String)]).pipe(z.string().trim().min(1).max(120));
const phrases = z.array(phrase).max(5000);
// `other`: words of other languages senders write in (German, Spanish, Italian, romanized Japanese...), read as English is.
const termLists = z.object({ vi: phrases.optional(), en: phrases.optional(), fr: phrases.optional(), other: phrases.optional() }).strict();
const window = z
  .object({ from: localDate, to: localDate.nullable().default(null) })
  .strict()
  .refine((w) => w.to === null || w.to > w.from, { message: '`to` must come after `from` (it is exclusive)', path: ['to'] });

const countrySet = z
  .object({ countries: z.array(countryCode).min(1).optional(), except: z.array(countryCode).min(1).optional() })
  .strict();

export const legalBasisSchema = z
  .object({
    kind: z.string().trim().min(1).max(60),
    number: text,
    date: localDate,
    issuer: localized,
    title: localized,
    note: localized.optional(),
  })
  .strict();

export const exemptionSchema = z
  .object({
    id,
    description: localized,
    requires: z
      .object({
        documentType: z.enum(['licence', 'certificate', 'invoice', 'other']),
        issuerIncludes: z.string().trim().min(1).max(120).optional(),
      })
      .strict(),
    verified: z.boolean(),
    effective: window.optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    id,
    action: z.enum(['reject', 'review']),
    scope: z
      .object({
        origin: countrySet.optional(),
        destination: countrySet.optional(),
        events: z.array(z.enum(['acceptance', 'dispatch'])).min(1),
      })
      .strict(),
    effective: window,
    legalBasis: z.array(legalBasisSchema).min(1),
    exemptions: z.array(exemptionSchema).default([]),
    note: localized.optional(),
  })
  .strict();

const exampleItem = z.union([
  z.string().trim().min(1),
  z.object({ description: z.string().trim().min(1), hsCode: z.string().optional() }).strict(),
]);

export const entrySchema = z
  .object({
    id,
    names: z.object({ vi: text, en: text, fr: text }).strict(),
    description: localized.optional(),
    match: z
      .object({
        terms: termLists,
        brands: phrases.default([]),
        heads: termLists.default({}),
        qualifiers: termLists.default({}),
        lookalikes: termLists.default({}),
        lookalikesToCheck: termLists.default({}),
        lookalikesUnderCode: termLists.default({}),
      })
      .strict(),
    hsCodes: z
      .array(
        z
          .object({
            code: z.string().refine((c) => parseHsCode(c) !== null, { message: 'not an HS code (e.g. 4015.11 or 6307.90.40)' }),
            strength: z.enum(['decisive', 'indicative']),
            note: z.string().max(300).optional(),
          })
          .strict(),
      )
      .default([]),
    rules: z.array(ruleSchema).min(1),
    examples: z
      .object({
        reject: z.array(exampleItem).min(1),
        review: z.array(exampleItem).default([]),
        accept: z.array(exampleItem).min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const seen = new Set<string>();
    e.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `rule id "${r.id}" is used twice`, path: ['rules', i, 'id'] });
      seen.add(r.id);
    });
  });

export const settingsSchema = z
  .object({
    jurisdiction: z
      .object({
        country: countryCode,
        timeZone: z.string().refine(isTimeZone, { message: 'not an IANA time zone (e.g. Asia/Ho_Chi_Minh)' }),
        name: localized,
      })
      .strict(),
    scoring: z
      .object({
        thresholds: z
          .object({ reject: z.number().gt(0).lte(1), review: z.number().gt(0).lte(1) })
          .strict()
          .refine((t) => t.review < t.reject, { message: '`review` must be below `reject`', path: ['review'] }),
        weights: z
          .object({
            term: z.number().min(0).max(1),
            brand: z.number().min(0).max(1),
            qualifiedHead: z.number().min(0).max(1),
            head: z.number().min(0).max(1),
            hsDecisive: z.number().min(0).max(1),
            hsIndicative: z.number().min(0).max(1),
            fuzzyPenalty: z.number().min(0).max(1),
          })
          .strict(),
      })
      .strict(),
    vague: z
      .object({
        terms: termLists,
        fillers: termLists,
        titles: termLists.optional(),
        undisclosed: termLists.optional(),
        negations: termLists.optional(),
        kinds: termLists.optional(),
        describers: termLists.optional(),
        forSomeone: termLists.optional(),
      })
      .strict(),
    /**
     * Things made for a good, not the good: named right after it ("hand sanitizer dispenser",
     * "surgical mask prop") or before it with a linking word ("hộp đựng khẩu trang", "distributeur de
     * gel hydroalcoolique"), they take the good's place on the line.
     */
    accessories: termLists.optional(),
    abbreviations: z
      .record(
        z
          .string()
          .trim()
          .min(1)
          .max(12)
          .regex(/^[\p{L}\p{N}]+\.?$/u, 'one word of letters and digits, with a full stop at the end when it counts only written with one (gl.)'),
        z.string().trim().min(1).max(120),
      )
      .default({}),
  })
  .strict();

export type EntryFile = z.infer<typeof entrySchema>;
export type SettingsFile = z.infer<typeof settingsSchema>;
export type ExampleItem = z.infer<typeof exampleItem>;
