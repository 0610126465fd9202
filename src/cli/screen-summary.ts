import type { Outcome } from '../screening/types';
import { isInvalid, type InvalidLine, type LineResult } from './screen-manifest';

const OUTCOMES: Outcome[] = ['REJECT', 'REVIEW', 'ACCEPT'];
const SHOWN_INVALID = 50;

/** Counts of a screened manifest: declarations and items by decision, and the lines that were not valid. */
export class ManifestSummary {
  declarations = 0;
  readonly byDecision: Record<Outcome, number> = { REJECT: 0, REVIEW: 0, ACCEPT: 0 };
  readonly itemsByDecision: Record<Outcome, number> = { REJECT: 0, REVIEW: 0, ACCEPT: 0 };
  readonly invalid: InvalidLine[] = [];

  add(result: LineResult): void {
    if (isInvalid(result)) {
      this.invalid.push(result);
      return;
    }
    this.declarations++;
    this.byDecision[result.decision as Outcome]++;
    for (const item of result.items ?? []) this.itemsByDecision[item.decision as Outcome]++;
  }

  toJSON() {
    return {
      declarations: this.declarations,
      decisions: { ...this.byDecision },
      items: { ...this.itemsByDecision },
      invalid: this.invalid.map(({ line, errors }) => ({ line, errors: errors.map(({ field, code, message }) => ({ field, code, message })) })),
    };
  }

  /** The report an operator reads: counts first, then each invalid line with its fields. */
  lines(context: { manifest: string; out: string; where: string; version: string | null; seconds: number }): string[] {
    const items = OUTCOMES.reduce((n, o) => n + this.itemsByDecision[o], 0);
    const out = [
      `${context.manifest}: ${this.declarations} declarations (${items} items) screened ${context.where}` +
        `${context.version ? ` (catalog version ${context.version})` : ''} in ${context.seconds.toFixed(1)} s`,
      ...OUTCOMES.map((o) => `  ${o.padEnd(7)} ${String(this.byDecision[o]).padStart(7)} declarations ${String(this.itemsByDecision[o]).padStart(8)} items`),
      `  invalid ${String(this.invalid.length).padStart(7)} lines`,
    ];
    if (this.invalid.length) {
      out.push('Invalid lines (not screened):');
      for (const { line, errors } of this.invalid.slice(0, SHOWN_INVALID)) {
        out.push(`  line ${line}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
      }
      if (this.invalid.length > SHOWN_INVALID) out.push(`  … and ${this.invalid.length - SHOWN_INVALID} more, in ${context.out}`);
    }
    out.push(`Results, one per line: ${context.out}`);
    return out;
  }
}
