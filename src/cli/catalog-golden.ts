import { goldenDeclaration, type GoldenCase, type GoldenLine } from '../catalog/golden';
import type { CatalogSnapshot } from '../catalog/snapshot';
import { screenDeclaration } from '../screening/screen-declaration';
import type { Declaration, Decision } from '../screening/types';

export { parseGolden, readGolden } from '../catalog/golden';

export type GoldenRun = { golden: GoldenCase; declaration: Declaration; decision: Decision; failure: string | null };

function whyWrong(g: GoldenLine, decision: Decision, snapshot: CatalogSnapshot): string | null {
  const item = decision.items[0];
  if (item.decision !== g.expect) return `expected ${g.expect}, got ${item.decision}`;
  if (!g.entry) return null;
  if (!snapshot.index.entries.has(g.entry)) return `names entry "${g.entry}", which is not in the catalog`;
  // An ACCEPT is "about" an entry through its reasons: a look-alike, or a rule not in force.
  const about = new Set([...item.matches.map((m) => m.entryId), ...item.reasons.map((r) => r.entryId)]);
  return about.has(g.entry) ? null : `decided ${item.decision} as expected, but not because of entry "${g.entry}"`;
}

/** Screens every golden line with the production core, each as a one-item declaration. */
export function runGolden(snapshot: CatalogSnapshot, cases: readonly GoldenCase[]): GoldenRun[] {
  const timeZone = snapshot.settings.jurisdiction.timeZone;
  return cases.map((golden) => {
    const declaration = goldenDeclaration(golden.golden, timeZone);
    const decision = screenDeclaration(declaration, snapshot);
    return { golden, declaration, decision, failure: whyWrong(golden.golden, decision, snapshot) };
  });
}
