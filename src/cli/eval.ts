import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadCatalogSource } from '../catalog/load-catalog';
import { buildSnapshot, type CatalogSnapshot } from '../catalog/snapshot';
import { screenDeclaration } from '../screening/screen-declaration';
import type { ItemDecision } from '../screening/types';

export type LabeledItem = {
  id: string;
  description: string;
  hsCode?: string;
  label: 'restricted' | 'allowed' | 'vague' | 'ambiguous';
  entry?: string;
  tags: string[];
};

export type Figures = {
  lines: number;
  restricted: number;
  recall: number | null;
  caught: number | null;
  allowed: number;
  falseReject: number | null;
  falseReview: number | null;
  vague: number;
  vagueToReview: number | null;
  /** Lines that could be either (a cloth mask, antibacterial soap, a restricted code beside a harmless text): a clerk looks. */
  ambiguous: number;
  ambiguousToReview: number | null;
  ambiguousPassed: number | null;
};

type Scored = { item: LabeledItem; decision: ItemDecision };

export function readLabeled(file: string): LabeledItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabeledItem);
}

/** Screens each line alone, in the eval context: VN → US, 2020-02-10, acceptance. */
export function screenLabeled(snapshot: CatalogSnapshot, items: LabeledItem[]): Scored[] {
  return items.map((item) => ({
    item,
    decision: screenDeclaration(
      { date: '2020-02-10', event: 'acceptance', origin: 'VN', destination: 'US', documents: [], items: [{ description: item.description, hsCode: item.hsCode }] },
      snapshot,
    ).items[0],
  }));
}

const share = (n: number, d: number) => (d === 0 ? null : n / d);

/** The figures of ../shared/eval/README.md: recall, caught, false reject, false review, vague to review. */
export function figures(scored: Scored[]): Figures {
  const restricted = scored.filter((s) => s.item.label === 'restricted');
  const allowed = scored.filter((s) => s.item.label === 'allowed');
  const vague = scored.filter((s) => s.item.label === 'vague');
  const ambiguous = scored.filter((s) => s.item.label === 'ambiguous');
  const rejectedRight = restricted.filter(
    (s) => s.decision.decision === 'REJECT' && s.decision.matches.some((m) => m.entryId === s.item.entry && m.ruleId),
  );
  return {
    lines: scored.length,
    restricted: restricted.length,
    recall: share(rejectedRight.length, restricted.length),
    caught: share(restricted.filter((s) => s.decision.decision !== 'ACCEPT').length, restricted.length),
    allowed: allowed.length,
    falseReject: share(allowed.filter((s) => s.decision.decision === 'REJECT').length, allowed.length),
    falseReview: share(allowed.filter((s) => s.decision.decision === 'REVIEW').length, allowed.length),
    vague: vague.length,
    vagueToReview: share(vague.filter((s) => s.decision.decision === 'REVIEW').length, vague.length),
    ambiguous: ambiguous.length,
    ambiguousToReview: share(ambiguous.filter((s) => s.decision.decision === 'REVIEW').length, ambiguous.length),
    ambiguousPassed: share(ambiguous.filter((s) => s.decision.decision === 'ACCEPT').length, ambiguous.length),
  };
}

export function misses(scored: Scored[]): Scored[] {
  return scored.filter(({ item, decision }) => {
    if (item.label === 'restricted') return !(decision.decision === 'REJECT' && decision.matches.some((m) => m.entryId === item.entry));
    if (item.label === 'allowed') return decision.decision !== 'ACCEPT';
    if (item.label === 'vague') return decision.decision !== 'REVIEW';
    return decision.decision === 'ACCEPT';
  });
}

const pct = (v: number | null) => (v === null ? '    –' : `${(v * 100).toFixed(1).padStart(5)}%`);

function row(name: string, f: Figures): string {
  return [
    name.padEnd(22),
    String(f.lines).padStart(5),
    pct(f.recall).padStart(8),
    pct(f.caught).padStart(8),
    pct(f.falseReject).padStart(9),
    pct(f.falseReview).padStart(9),
    pct(f.vagueToReview).padStart(8),
    pct(f.ambiguousToReview).padStart(8),
    pct(f.ambiguousPassed).padStart(8),
  ].join(' ');
}

export function defaultSets(root: string): string[] {
  const own = join(root, 'test', 'eval');
  const files = existsSync(own) ? readdirSync(own).filter((f) => f.endsWith('.jsonl')).map((f) => join(own, f)) : [];
  const shared = resolve(root, '..', 'shared', 'eval', 'sample-items.jsonl');
  return existsSync(shared) ? [shared, ...files] : files;
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const args = process.argv.slice(2);
  const verbose = args.includes('--misses');
  const files = args.filter((a) => !a.startsWith('--'));
  const sets = files.length ? files.map((f) => resolve(f)) : defaultSets(root);
  const loaded = await loadCatalogSource(process.env.CATALOG_DIR ?? join(root, 'catalog'));
  if (!loaded.ok) {
    console.error('the catalog does not validate:', loaded.problems);
    process.exit(2);
  }
  const snapshot = buildSnapshot(loaded.source, new Date());
  console.log(`catalog ${snapshot.version}; context VN → US, 2020-02-10, acceptance\n`);
  const header = `${'set / tag'.padEnd(22)} lines   recall   caught  f.reject  f.review  vague→R  ambig→R  ambig→A`;
  const all: Scored[] = [];
  for (const file of sets) {
    const scored = screenLabeled(snapshot, readLabeled(file));
    all.push(...scored);
    console.log(header);
    console.log(row(basename(file), figures(scored)));
    if (verbose) {
      for (const { item, decision } of misses(scored)) {
        const m = decision.matches.map((x) => `${x.entryId}:${x.kind}:${x.term}:${x.score}`).join(' ');
        console.log(`   ✗ ${item.id} ${item.label}/${item.entry ?? ''} → ${decision.decision} ${JSON.stringify(item.description)} ${item.hsCode ?? ''} ${m}`);
      }
    }
    console.log('');
  }
  console.log(header);
  console.log(row('ALL', figures(all)));
  const tags = [...new Set(all.flatMap((s) => s.item.tags))].sort();
  for (const tag of tags) console.log(row(`  ${tag}`, figures(all.filter((s) => s.item.tags.includes(tag)))));
}

if (require.main === module) void main();
