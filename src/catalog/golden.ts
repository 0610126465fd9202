import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { toLocalDate } from '../screening/local-date';
import { parseHsCode } from '../screening/hs-code';
import type { Declaration } from '../screening/types';
import type { CatalogProblem } from './parse-file';
import { countryCode } from './schema';

/** The catalog folder's file of golden decisions: one JSON line per description and its expected decision. */
export const GOLDEN_FILE = 'golden.jsonl';

export function goldenPath(dir: string): string {
  return join(dir, GOLDEN_FILE);
}

/** The context a golden line is screened in when it does not say: the eval sets' context. */
export const GOLDEN_DEFAULTS = { date: '2020-02-10', event: 'acceptance', origin: 'VN', destination: 'US' } as const;

const goldenLine = z
  .object({
    description: z.string().trim().min(1).max(500),
    hsCode: z.string().refine((c) => parseHsCode(c) !== null, { message: 'not an HS code (e.g. 4015.11)' }).optional(),
    // Any zone tells a bad value from a good one; the jurisdiction's zone converts it at run time.
    date: z
      .string()
      .refine((d) => toLocalDate(d, 'UTC') !== null, { message: 'not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm±hh:mm)' })
      .optional(),
    event: z.enum(['acceptance', 'dispatch']).optional(),
    origin: countryCode.optional(),
    destination: countryCode.optional(),
    documents: z
      .array(z.object({ type: z.enum(['licence', 'certificate', 'invoice', 'other']), number: z.string().min(1), issuer: z.string().optional() }).strict())
      .optional(),
    expect: z.enum(['ACCEPT', 'REVIEW', 'REJECT']),
    entry: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();

export type GoldenLine = z.infer<typeof goldenLine>;
export type GoldenCase = { line: number; golden: GoldenLine };

/** Parses a golden file's text: one decision per line, each problem with its line and field. */
export function parseGolden(file: string, source: string): { cases: GoldenCase[]; problems: CatalogProblem[] } {
  const cases: GoldenCase[] = [];
  const problems: CatalogProblem[] = [];
  source.split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      problems.push({ file, line, column: 1, field: '', message: `not a JSON object: ${(err as Error).message}` });
      return;
    }
    const parsed = goldenLine.safeParse(value);
    if (parsed.success) cases.push({ line, golden: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined);
        const at = key === undefined ? -1 : text.indexOf(`"${String(key)}"`);
        problems.push({ file, line, column: at + 1 || 1, field: issue.path.join('.') || String(key ?? ''), message: issue.message });
      }
    }
  });
  return { cases, problems };
}

export async function readGolden(file: string): Promise<{ cases: GoldenCase[]; problems: CatalogProblem[] }> {
  return parseGolden(file, await readFile(file, 'utf8'));
}

/** A golden line (or any description with the same optional context) as a one-item declaration. */
export function goldenDeclaration(g: Pick<GoldenLine, 'description'> & Partial<GoldenLine>, timeZone: string): Declaration {
  return {
    date: toLocalDate(g.date ?? GOLDEN_DEFAULTS.date, timeZone) ?? GOLDEN_DEFAULTS.date,
    event: g.event ?? GOLDEN_DEFAULTS.event,
    origin: g.origin ?? GOLDEN_DEFAULTS.origin,
    destination: g.destination ?? GOLDEN_DEFAULTS.destination,
    documents: g.documents ?? [],
    items: [{ description: g.description, hsCode: g.hsCode }],
  };
}
