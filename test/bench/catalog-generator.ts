import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { BRAND_SYLLABLES, FORMS, GOODS, LOOKALIKES, QUALIFIERS } from './word-pool';

export const BUNDLED_CATALOG = resolve(__dirname, '..', '..', 'catalog');
/** A prime that divides neither qualifiers × forms, so entry i maps to a unique combination. */
const MIX = 487;
const DESTINATIONS = ['US', 'FR', 'DE', 'JP', 'KR', 'AU', 'CA', 'GB', 'SG', 'TH', 'CN', 'IT', 'ES', 'NL', 'SE', 'BR', 'IN', 'AE'];

/** A small deterministic generator, so every run builds the same catalogs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function brandName(rand: () => number): string {
  const syllables = 2 + Math.floor(rand() * 2);
  let name = '';
  for (let k = 0; k < syllables; k++) name += BRAND_SYLLABLES[Math.floor(rand() * BRAND_SYLLABLES.length)];
  const model = rand() < 0.6 ? ` ${100 + Math.floor(rand() * 9900)}` : '';
  return name + model;
}

function hsCodes(good: number, qualifier: number, form: number) {
  const chapter = 10 + ((good * 7) % 85);
  const heading = `${pad(chapter, 2)}${pad(10 + (good % 90), 2)}`;
  const sub = pad(10 + ((qualifier * 3 + form) % 90), 2);
  return [
    { code: `${heading}.${sub}.${pad(10 + (form * 7) % 90, 2)}`, strength: 'decisive', note: 'National line for this good.' },
    { code: `${heading}.${sub}`, strength: 'indicative', note: 'Covers this good among others.' },
  ];
}

function rule(i: number, rand: () => number) {
  const from = `${2015 + Math.floor(rand() * 10)}-${pad(1 + Math.floor(rand() * 12), 2)}-01`;
  const to = rand() < 0.2 ? `${2026 + Math.floor(rand() * 4)}-01-01` : null;
  const pick = new Set<string>();
  while (pick.size < 3) pick.add(DESTINATIONS[Math.floor(rand() * DESTINATIONS.length)]);
  return {
    id: `rule-${i}`,
    action: rand() < 0.9 ? 'reject' : 'review',
    scope: { origin: { countries: ['VN'] }, destination: rand() < 0.5 ? { except: ['VN'] } : { countries: [...pick] }, events: ['acceptance', 'dispatch'] },
    effective: { from, to },
    legalBasis: [
      {
        kind: 'decree',
        number: `${1 + (i % 400)}/${from.slice(0, 4)}/NĐ-CP`,
        date: from,
        issuer: { vi: 'Chính phủ', en: 'The Government' },
        title: { vi: `Danh mục hàng cấm gửi, mục ${i}`, en: `List of goods prohibited from posting, item ${i}` },
      },
    ],
    exemptions: [],
  };
}

/** The phrases of one language: a head noun first in vi and fr, qualifier first in en. */
function phrases(lang: 0 | 1 | 2, good: string, qual: string, form: string, look: string, brand: string) {
  const named = lang === 0 ? `${qual} ${good} ${form}` : `${good} ${qual} ${form}`;
  return {
    name: named,
    terms: [named, lang === 0 ? `${qual} ${good}` : `${good} ${qual}`, `${brand.split(' ')[0]} ${good}`],
    head: `${good} ${form}`,
    lookalike: `${good} ${form} ${look}`,
  };
}

/**
 * One restricted-goods entry as an officer would write it: names, synonyms and look-alikes in vi, en
 * and fr from the word pool, brands, HS codes, one rule. Entry `i` is unique by its good, qualifier
 * and form; a good's generic word (its head) is shared by the few entries of the same good and form.
 */
export function generatedEntry(i: number) {
  const rand = seeded(i + 1);
  const g = i % GOODS.length;
  // Spread qualifiers and forms over any prefix of the entries: a permutation of (qualifier, form).
  const k = (Math.floor(i / GOODS.length) * MIX) % (QUALIFIERS.length * FORMS.length);
  const q = k % QUALIFIERS.length;
  const f = Math.floor(k / QUALIFIERS.length);
  const other = QUALIFIERS[(q + 11) % QUALIFIERS.length];
  const brands = [brandName(rand), brandName(rand)];
  const look = LOOKALIKES[(g + f) % LOOKALIKES.length];
  const [en, vi, fr] = ([0, 1, 2] as const).map((l) => phrases(l, GOODS[g][l], QUALIFIERS[q][l], FORMS[f][l], look[l], brands[0]));
  const lists = <T>(pick: (p: typeof en, l: 0 | 1 | 2) => T) => ({ en: pick(en, 0), vi: pick(vi, 1), fr: pick(fr, 2) });
  return {
    id: `${slug(`${QUALIFIERS[q][0]}-${GOODS[g][0]}-${FORMS[f][0]}`)}-${pad(i, 5)}`,
    names: lists((p) => p.name),
    description: { vi: `${vi.name}: hàng cấm gửi theo danh mục.`, en: `${en.name}: not accepted for posting.` },
    match: {
      terms: lists((p) => p.terms),
      brands,
      heads: lists((p) => [p.head]),
      qualifiers: lists((_p, l) => [QUALIFIERS[q][l], other[l]]),
      lookalikes: lists((p) => [p.lookalike]),
    },
    hsCodes: hsCodes(g, q, f),
    rules: [rule(i, rand)],
    examples: { reject: [en.name], accept: ['Áo thun cotton'] },
  };
}

/**
 * Writes a catalog of `size` entries (the bundled ones plus generated ones) to a new temporary folder,
 * one YAML file per entry as officers keep them, and returns the folder.
 */
export async function writeGeneratedCatalog(size: number, parent = tmpdir()): Promise<string> {
  const dir = await mkdtemp(join(parent, `bench-catalog-${size}-`));
  await cp(BUNDLED_CATALOG, dir, { recursive: true, filter: (src) => !src.includes('.history') });
  const entries = join(dir, 'entries');
  await mkdir(entries, { recursive: true });
  const bundled = 3;
  for (let i = 0; i < size - bundled; i++) {
    const entry = generatedEntry(i);
    await writeFile(join(entries, `${entry.id}.yaml`), stringify(entry, { lineWidth: 0 }));
  }
  return dir;
}
