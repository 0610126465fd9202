import { z } from 'zod';
import { countryCode } from '../catalog/schema';
import { parseHsCode } from '../screening/hs-code';
import { localDateOf, toLocalDate } from '../screening/local-date';
import { checkS10 } from '../screening/s10';
import type { Declaration } from '../screening/types';
import { fieldError, HttpProblem, type FieldError } from './problem';

export type DeclarationLimits = { items: number; descriptionLength: number };

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const MAX_TEXT = 200;

// Names and addresses may come along; they are dropped here and never stored or logged.
const country = z.object({ country: countryCode });

function itemSchema(limits: DeclarationLimits) {
  return z.object({
    description: z
      .string()
      .max(limits.descriptionLength, `at most ${limits.descriptionLength} characters`)
      .refine((s) => s.trim().length > 0, { message: 'must not be empty' }),
    hsCode: z
      .string()
      .max(32)
      .refine((c) => parseHsCode(c) !== null, { message: 'not an HS code: 4 to 10 digits, e.g. 4015.11 or 6307.90.40' })
      .optional(),
    quantity: z.number().int().min(1).max(1_000_000).optional(),
    unit: z.string().max(20).optional(),
    netWeightKg: z.number().min(0).max(30_000).optional(),
    value: z
      .object({
        amount: z.number().min(0).max(1e12),
        currency: z.string().refine((c) => CURRENCIES.has(c), { message: 'not an ISO 4217 currency code (e.g. USD, VND)' }),
      })
      .strict()
      .optional(),
    originCountry: countryCode.optional(),
  });
}

const schemas = new Map<string, ReturnType<typeof buildSchema>>();

/** The declaration schema for a set of limits, built once: zod compiles a schema on its first use. */
export function declarationSchema(limits: DeclarationLimits) {
  const key = `${limits.items}/${limits.descriptionLength}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildSchema(limits);
    schemas.set(key, schema);
  }
  return schema;
}

function buildSchema(limits: DeclarationLimits) {
  return z.object({
    date: z.string().max(40).optional(),
    event: z.enum(['acceptance', 'dispatch']).default('acceptance'),
    itemId: z.string().max(13 + 8).optional(),
    category: z.enum(['gift', 'documents', 'commercial_sample', 'returned_goods', 'sale_of_goods', 'other']).optional(),
    categoryExplanation: z.string().max(MAX_TEXT).optional(),
    origin: country,
    destination: country,
    documents: z
      .array(
        z
          .object({
            type: z.enum(['licence', 'certificate', 'invoice', 'other']),
            number: z.string().trim().min(1).max(64),
            issuer: z.string().max(MAX_TEXT).optional(),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    items: z
      .array(itemSchema(limits))
      .min(1, 'at least one item')
      .max(limits.items, `at most ${limits.items} items; send larger manifests to /v1/screenings/batch`),
  });
}

export type DeclarationBody = z.output<ReturnType<typeof buildSchema>>;

export function zodErrors(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldError[] {
  return error.issues.map((i) => fieldError([...prefix, ...i.path], i.code, i.message));
}

/**
 * Validates a CN22/CN23 declaration at the edge and turns it into the core's form: the event date
 * as the jurisdiction's local date (today there when absent), the S10 identifier checked.
 * @see UPU S10 (item identifier), UPU CN 23 (customs declaration)
 */
export function parseDeclaration(
  body: unknown,
  limits: DeclarationLimits,
  timeZone: string,
  now: Date,
  prefix: readonly PropertyKey[] = [],
): { declaration: Declaration } | { errors: FieldError[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { errors: [fieldError(prefix, 'invalid_type', 'a declaration must be a JSON object')] };
  }
  const parsed = declarationSchema(limits).safeParse(body);
  const errors: FieldError[] = parsed.success ? [] : zodErrors(parsed.error, prefix);
  // Date and S10 are checked even when other fields failed, so every problem is reported at once.
  const raw = body as { date?: unknown; itemId?: unknown };
  let date = localDateOf(now, timeZone);
  if (typeof raw.date === 'string' && raw.date.length <= 40) {
    const local = toLocalDate(raw.date, timeZone);
    if (local === null) {
      errors.push(fieldError([...prefix, 'date'], 'invalid_date', 'not a real date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ss±hh:mm)'));
    } else date = local;
  }
  if (typeof raw.itemId === 'string' && raw.itemId.length <= 21) {
    const check = checkS10(raw.itemId);
    if (!check.ok) {
      errors.push(
        fieldError(
          [...prefix, 'itemId'],
          check.problem === 'format' ? 'invalid_s10' : 'invalid_s10_check_digit',
          check.problem === 'format'
            ? 'not a UPU S10 identifier: 2 letters, 8 digits, a check digit, 2 letters (e.g. RR123456785VN)'
            : `wrong S10 check digit: expected ${check.expected}`,
        ),
      );
    }
  }
  if (errors.length || !parsed.success) return { errors };
  const d = parsed.data;
  return {
    declaration: {
      date,
      event: d.event,
      category: d.category,
      origin: d.origin.country,
      destination: d.destination.country,
      documents: d.documents,
      items: d.items.map((i) => ({ description: i.description, hsCode: i.hsCode })),
    },
  };
}

export function assertDeclaration(...args: Parameters<typeof parseDeclaration>): Declaration {
  const r = parseDeclaration(...args);
  if ('errors' in r) throw new HttpProblem('invalid-request', 'The declaration has invalid fields.', r.errors);
  return r.declaration;
}
