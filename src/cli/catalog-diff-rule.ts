import type { z } from 'zod';
import type { ruleSchema } from '../catalog/schema';
import { byKey, fieldChanges } from './catalog-diff-text';

type Rule = z.output<typeof ruleSchema>;
type CountrySet = Rule['scope']['origin'];
type Window = { from: string; to: string | null };

const KNOWN = ['id', 'action', 'scope', 'effective', 'legalBasis', 'exemptions'];

function countries(set: CountrySet): string {
  if (!set || (!set.countries && !set.except)) return 'any country';
  const only = set.countries ? set.countries.join(', ') : 'any country';
  return set.except ? `${only} except ${set.except.join(', ')}` : only;
}

function events(list: readonly string[]): string {
  return list.length === 2 ? 'at acceptance and dispatch' : `at ${list.join(' and ')} only`;
}

function windowText(w: Window): string {
  return `from ${w.from}, ${w.to ? `until ${w.to} (exclusive)` : 'open-ended'}`;
}

function basisText(b: Rule['legalBasis'][number]): string {
  return `${b.kind} ${b.number} of ${b.date} (${b.issuer.vi})`;
}

/** A rule in one line: what it does, when, where, on what authority. */
export function ruleSummary(r: Rule): string {
  return (
    `${r.action} ${windowText(r.effective)}; from ${countries(r.scope.origin)} to ${countries(r.scope.destination)}, ` +
    `${events(r.scope.events)}; legal basis ${r.legalBasis.map(basisText).join('; ')}`
  );
}

function windowChanges(a: Window, b: Window): string[] {
  const lines: string[] = [];
  if (a.from !== b.from) lines.push(`now starts ${b.from} (was ${a.from})`);
  if (a.to !== b.to) {
    if (b.to === null) lines.push(`now open-ended (was ending ${a.to})`);
    else lines.push(`now ends ${b.to} (was ${a.to === null ? 'open-ended' : `ending ${a.to}`})`);
  }
  return lines;
}

function scopeChanges(a: Rule['scope'], b: Rule['scope']): string[] {
  const lines: string[] = [];
  if (countries(a.origin) !== countries(b.origin)) lines.push(`origin now ${countries(b.origin)} (was ${countries(a.origin)})`);
  if (countries(a.destination) !== countries(b.destination)) {
    lines.push(`destination now ${countries(b.destination)} (was ${countries(a.destination)})`);
  }
  const ev = (l: readonly string[]) => events([...l].sort());
  if (ev(a.events) !== ev(b.events)) lines.push(`now applies ${ev(b.events)} (was ${ev(a.events)})`);
  return lines;
}

function exemptionText(e: Rule['exemptions'][number]): string {
  const issuer = e.requires.issuerIncludes ? ` issued by "${e.requires.issuerIncludes}"` : '';
  return `${e.id} (needs a ${e.requires.documentType}${issuer}; ${e.verified ? 'verified' : 'unverified'}): ${e.description.en}`;
}

function listedChanges(a: Rule, b: Rule): string[] {
  const lines: string[] = [];
  const bases = byKey(a.legalBasis, b.legalBasis, (x) => `${x.kind} ${x.number}`);
  lines.push(...bases.added.map((x) => `legal basis added: ${basisText(x)}`));
  lines.push(...bases.removed.map((x) => `legal basis removed: ${basisText(x)}`));
  for (const [x, y] of bases.both) {
    lines.push(...fieldChanges(x, y, { label: (p) => `legal basis ${x.kind} ${x.number}, ${p}` }));
  }
  const exemptions = byKey(a.exemptions, b.exemptions, (x) => x.id);
  lines.push(...exemptions.added.map((x) => `exemption added: ${exemptionText(x)}`));
  lines.push(...exemptions.removed.map((x) => `exemption removed: ${exemptionText(x)}`));
  for (const [x, y] of exemptions.both) lines.push(...fieldChanges(x, y, { label: (p) => `exemption ${x.id}, ${p}` }));
  return lines;
}

/** What changed in one rule kept under the same id, each line prefixed `entry / rule:`. */
export function ruleChanges(entryId: string, a: Rule, b: Rule): string[] {
  const lines = [
    ...windowChanges(a.effective, b.effective),
    ...(a.action !== b.action ? [`action now ${b.action} (was ${a.action})`] : []),
    ...scopeChanges(a.scope, b.scope),
    ...listedChanges(a, b),
    ...fieldChanges(a, b, { skip: KNOWN }),
  ];
  return lines.map((l) => `${entryId} / ${a.id}: ${l}`);
}

/** Rules added, removed and changed in one entry. */
export function rulesChanges(entryId: string, a: readonly Rule[], b: readonly Rule[]): string[] {
  const rules = byKey(a, b, (r) => r.id);
  return [
    ...rules.added.map((r) => `${entryId} / ${r.id}: rule added: ${ruleSummary(r)}`),
    ...rules.removed.map((r) => `${entryId} / ${r.id}: rule removed (was ${ruleSummary(r)})`),
    ...rules.both.flatMap(([x, y]) => ruleChanges(entryId, x, y)),
  ];
}
