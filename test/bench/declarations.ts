import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHsCode } from '../../src/screening/hs-code';
import { s10CheckDigit } from '../../src/screening/s10';
import { seeded } from './catalog-generator';

export type EvalItem = { description: string; hsCode?: string };
export type DeclarationBody = {
  date: string;
  event: 'acceptance' | 'dispatch';
  itemId?: string;
  category: string;
  origin: { country: string };
  destination: { country: string };
  items: {
    description: string;
    hsCode?: string;
    quantity: number;
    netWeightKg: number;
    value: { amount: number; currency: string };
    originCountry: string;
  }[];
};

const EVAL_DIR = resolve(__dirname, '..', 'eval');
const DESTINATIONS = ['US', 'US', 'US', 'JP', 'KR', 'AU', 'FR', 'DE', 'CA', 'GB', 'TW', 'VN'];
const CATEGORIES = ['gift', 'gift', 'sale_of_goods', 'commercial_sample', 'documents', 'other'];
const SUFFIXES = ['pcs', 'hộp', 'cái', 'boxes', 'gói', 'pièces'];
const HOT_SET = 60;

/**
 * Every labeled description of test/eval/*.jsonl, with its HS code when the line has one that the
 * API takes as a code (a labeled line may carry one as a sender wrote it, which the API refuses).
 */
export function evalItems(dir = EVAL_DIR): EvalItem[] {
  const items: EvalItem[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { description, hsCode } = JSON.parse(line) as EvalItem;
      if (typeof description === 'string' && description.trim()) items.push(hsCode && parseHsCode(hsCode) ? { description, hsCode } : { description });
    }
  }
  return items;
}

function s10(rand: () => number): string {
  const serial = String(Math.floor(rand() * 1e8)).padStart(8, '0');
  return `R${'RCEL'[Math.floor(rand() * 4)]}${serial}${s10CheckDigit(serial)}VN`;
}

/**
 * Items as a post office counter sees them: most descriptions come back all day (a hot set drawn
 * with a skew), some are any labeled line, some carry a quantity that makes them new text.
 */
export function counterItems(pool: readonly EvalItem[], seed: number): () => EvalItem {
  const rand = seeded(seed);
  const order = pool.map((item, k) => ({ item, key: seeded(seed * 7919 + k)() })).sort((a, b) => a.key - b.key).map((x) => x.item);
  const hot = order.slice(0, HOT_SET);
  let fresh = 0;
  return () => {
    const r = rand();
    if (r < 0.6) return hot[Math.floor(hot.length * rand() ** 2)];
    const item = order[Math.floor(rand() * order.length)];
    if (r < 0.85) return item;
    fresh++;
    const suffix = SUFFIXES[fresh % SUFFIXES.length];
    return { ...item, description: `${item.description} ${1 + (fresh % 997)} ${suffix}` };
  };
}

/** A CN23 declaration of 1 to 5 items with the fields counter software sends. */
export function declarationBodies(count: number, seed: number, pool = evalItems()): DeclarationBody[] {
  const rand = seeded(seed);
  const nextItem = counterItems(pool, seed + 1);
  const bodies: DeclarationBody[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rand() * 5);
    const hour = String(7 + Math.floor(rand() * 11)).padStart(2, '0');
    bodies.push({
      date: `2020-02-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}T${hour}:15:00+07:00`,
      event: 'acceptance',
      ...(rand() < 0.7 ? { itemId: s10(rand) } : {}),
      category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
      origin: { country: 'VN' },
      destination: { country: DESTINATIONS[Math.floor(rand() * DESTINATIONS.length)] },
      items: Array.from({ length: n }, () => {
        const item = nextItem();
        return {
          ...item,
          quantity: 1 + Math.floor(rand() * 10),
          netWeightKg: Math.round(rand() * 3000) / 1000,
          value: { amount: Math.round(rand() * 20000) / 100, currency: 'USD' },
          originCountry: 'VN',
        };
      }),
    });
  }
  return bodies;
}

/** Declarations whose items add up to exactly `items`, for manifests. */
export function manifestBodies(items: number, seed: number, pool = evalItems()): DeclarationBody[] {
  const out: DeclarationBody[] = [];
  let total = 0;
  for (const body of declarationBodies(Math.ceil(items / 2), seed, pool)) {
    const room = items - total;
    if (room <= 0) break;
    if (body.items.length > room) body.items = body.items.slice(0, room);
    out.push(body);
    total += body.items.length;
  }
  return out;
}
