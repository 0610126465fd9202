import type { CountrySet, Declaration, Exemption, LocalDate, RestrictedEntry, Rule } from './types';

/** Whether a date falls in a half-open window: `from` inclusive, `to` exclusive. */
export function inWindow(date: LocalDate, w: { from: LocalDate; to: LocalDate | null }): boolean {
  return date >= w.from && (w.to === null || date < w.to);
}

function inCountrySet(country: string, set: CountrySet | undefined): boolean {
  if (!set) return true;
  if (set.countries && !set.countries.includes(country)) return false;
  return !(set.except && set.except.includes(country));
}

/**
 * Whether a rule applies to this declaration: its window holds the declaration's local date, and
 * its scope covers the origin, the destination and the postal event.
 */
export function ruleInForce(rule: Rule, d: Pick<Declaration, 'date' | 'event' | 'origin' | 'destination'>): boolean {
  return (
    inWindow(d.date, rule.effective) &&
    rule.scope.events.includes(d.event) &&
    inCountrySet(d.origin, rule.scope.origin) &&
    inCountrySet(d.destination, rule.scope.destination)
  );
}

/** The rules of an entry in force for a declaration, the strictest first. */
export function rulesInForce(entry: RestrictedEntry, d: Declaration): Rule[] {
  return entry.rules
    .filter((r) => ruleInForce(r, d))
    .sort((a, b) => (a.action === b.action ? 0 : a.action === 'reject' ? -1 : 1));
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/** The first exemption of a rule whose required document the declaration carries. */
export function claimedExemption(rule: Rule, d: Declaration): Exemption | null {
  for (const ex of rule.exemptions) {
    if (ex.effective && !inWindow(d.date, ex.effective)) continue;
    const { documentType, issuerIncludes } = ex.requires;
    const doc = d.documents.find(
      (x) =>
        x.type === documentType &&
        x.number.trim() !== '' &&
        // Issuers compare without case or diacritics: "Hoi Chu thap do" is "Hội Chữ thập đỏ".
        (!issuerIncludes || fold(x.issuer ?? '').includes(fold(issuerIncludes))),
    );
    if (doc) return ex;
  }
  return null;
}
