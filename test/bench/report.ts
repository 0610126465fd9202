/** One target of the issue, checked against a figure of this run. */
export type Verdict = { target: string; value: number; limit: number; pass: boolean };

/** Prints to stdout as the bench goes, and keeps every figure for test-artifacts/bench.json. */
export class Report {
  readonly figures: Record<string, unknown> = {};
  readonly verdicts: Verdict[] = [];

  section(title: string): void {
    console.log(`\n${title}\n${'─'.repeat(Math.min(100, title.length))}`);
  }

  line(text = ''): void {
    console.log(text);
  }

  table(header: string[], rows: (string | number)[][]): void {
    const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
    const widths = header.map((_, k) => Math.max(...cells.map((r) => String(r[k] ?? '').length)));
    for (const [n, r] of cells.entries()) {
      console.log(`  ${r.map((c, k) => (k === 0 ? String(c).padEnd(widths[k]) : String(c).padStart(widths[k]))).join('  ')}`);
      if (n === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    }
  }

  /** Records a target: `value` must stay at or under `limit` (or at or over it, with `atLeast`). */
  check(target: string, value: number, limit: number, options: { atLeast?: boolean; unit?: string } = {}): boolean {
    const pass = Number.isFinite(value) && (options.atLeast ? value >= limit : value <= limit);
    this.verdicts.push({ target, value, limit, pass });
    const unit = options.unit ?? '';
    console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${target}: ${fmt(value)}${unit} (target ${options.atLeast ? '≥' : '≤'} ${fmt(limit)}${unit})`);
    return pass;
  }
}

/** Three significant figures, without exponent noise. */
export function fmt(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 100) return String(Math.round(n));
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
