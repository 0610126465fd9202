import { formatHsCode, hsCodeInText, parseHsCode } from './hs-code';
import { analyzeItem, type EntrySignal, type ItemAnalysis } from './match-item';
import type { MatchIndex } from './match-index';
import { reason, viDate, windowText } from './reasons';
import { claimedExemption, rulesInForce } from './rules';
import type {
  AppliedRule, CatalogSettings, Declaration, Decision, ItemDecision, Localized, Outcome, Reason, RestrictedEntry, Rule,
} from './types';

/** What the core needs of a catalog snapshot. */
export type ScreeningCatalog = {
  version: string;
  settings: CatalogSettings;
  entries: readonly RestrictedEntry[];
  index: MatchIndex;
};

export type Analyze = (description: string, hsDigits: string | undefined) => ItemAnalysis;

export type ScreeningOptions = {
  /** Replaces the item analysis, e.g. with a cached one; must return what `analyzeItem` would. */
  analyze?: Analyze;
};

const RANK: Record<Outcome, number> = { ACCEPT: 0, REVIEW: 1, REJECT: 2 };
const stricter = (a: Outcome, b: Outcome): Outcome => (RANK[b] > RANK[a] ? b : a);

function applied(entryId: string, rule: Rule): AppliedRule {
  return { entryId, ruleId: rule.id, action: rule.action, effective: rule.effective, legalBasis: rule.legalBasis };
}

// Snapshots never change: a rule's texts and an entry's name are worded once per object.
const ruleTexts = new WeakMap<Rule, { window: Localized; basis: Localized }>();
const goodNames = new WeakMap<RestrictedEntry, Localized>();

function textsOf(rule: Rule): { window: Localized; basis: Localized } {
  let texts = ruleTexts.get(rule);
  if (!texts) {
    texts = {
      window: windowText(rule.effective),
      basis: {
        vi: rule.legalBasis.map((b) => `${b.number} ngày ${viDate(b.date)}`).join('; '),
        en: rule.legalBasis.map((b) => `${b.number} of ${b.date}`).join('; '),
      },
    };
    ruleTexts.set(rule, texts);
  }
  return texts;
}

function goodOf(entry: RestrictedEntry): Localized {
  let good = goodNames.get(entry);
  if (!good) goodNames.set(entry, (good = { vi: entry.names.vi.toLowerCase(), en: entry.names.en.toLowerCase() }));
  return good;
}

function judgeSignal(
  signal: EntrySignal,
  entry: RestrictedEntry,
  rule: Rule,
  d: Declaration,
  settings: CatalogSettings,
): { outcome: Outcome; reason: Reason } {
  const hs = signal.kind === 'hs' ? formatHsCode(signal.term) : undefined;
  const ids = { entryId: entry.id, ruleId: rule.id };
  const { window, basis } = textsOf(rule);
  const vars = { good: goodOf(entry), term: signal.matchedText, hs, window, basis };
  if (signal.hsConflict) return { outcome: 'REVIEW', reason: reason('HS_CODE_CONFLICT', vars, ids) };
  if (signal.score < settings.scoring.thresholds.reject) {
    const code = signal.kind === 'hs' ? 'HS_CODE_NEEDS_CHECK' : 'POSSIBLE_RESTRICTED_GOODS';
    return { outcome: 'REVIEW', reason: reason(code, vars, ids) };
  }
  const code = signal.kind === 'hs' ? 'RESTRICTED_HS_CODE' : 'RESTRICTED_GOODS';
  if (rule.action === 'review') return { outcome: 'REVIEW', reason: reason(code, vars, ids) };
  const exemption = claimedExemption(rule, d);
  if (exemption) {
    return {
      outcome: 'REVIEW',
      reason: reason('EXEMPTION_DOCUMENT_TO_CHECK', { ...vars, exemption: exemption.description }, {
        ...ids,
        exemptionId: exemption.id,
      }),
    };
  }
  return { outcome: 'REJECT', reason: reason(code, vars, ids) };
}

function screenItem(
  index: number,
  analysis: ItemAnalysis,
  catalog: ScreeningCatalog,
  d: Declaration,
  anyRuleInForce: () => boolean,
): ItemDecision {
  const { settings } = catalog;
  let outcome: Outcome = 'ACCEPT';
  const matches: ItemDecision['matches'] = [];
  const reasons: Reason[] = [];
  const rules: AppliedRule[] = [];
  for (const signal of analysis.signals) {
    if (signal.score < settings.scoring.thresholds.review) continue;
    const entry = catalog.index.entries.get(signal.entryId);
    if (!entry) continue;
    const [rule] = rulesInForce(entry, d);
    matches.push({
      entryId: signal.entryId,
      score: signal.score,
      kind: signal.kind,
      term: signal.term,
      matchedText: signal.matchedText,
      fuzzy: signal.fuzzy,
      evidence: signal.evidence,
      ruleId: rule?.id ?? null,
      normalizedText: analysis.normalizedText,
    });
    if (!rule) {
      reasons.push(reason('RESTRICTION_NOT_IN_FORCE', { good: goodOf(entry), term: signal.matchedText }, { entryId: entry.id }));
      continue;
    }
    const judged = judgeSignal(signal, entry, rule, d, settings);
    outcome = stricter(outcome, judged.outcome);
    reasons.push(judged.reason);
    rules.push(applied(entry.id, rule));
  }
  if (analysis.vague && outcome !== 'REJECT' && anyRuleInForce()) {
    outcome = stricter(outcome, 'REVIEW');
    reasons.push(reason('VAGUE_DESCRIPTION', {}));
  }
  if (analysis.unread.length > 0 && outcome !== 'REJECT' && anyRuleInForce()) {
    outcome = stricter(outcome, 'REVIEW');
    reasons.push(reason('UNREAD_SCRIPT', { term: analysis.unread.map((w) => `"${w}"`).join(', ') }));
  }
  for (const l of analysis.lookalikes) {
    if (matches.some((m) => m.entryId === l.entryId)) continue;
    const entry = catalog.index.entries.get(l.entryId);
    if (!entry) continue;
    reasons.push(reason('LOOKALIKE_NOT_RESTRICTED', { good: goodOf(entry), term: l.matchedText }, { entryId: l.entryId }));
  }
  if (outcome === 'ACCEPT' && !reasons.some((r) => r.code !== 'LOOKALIKE_NOT_RESTRICTED')) {
    reasons.push(reason('NO_RESTRICTION_APPLIES', {}));
  }
  reasons.sort((a, b) => reasonRank(b) - reasonRank(a));
  return { index, decision: outcome, matches, reasons, rules };
}

function reasonRank(r: Reason): number {
  if (r.code === 'RESTRICTED_GOODS' || r.code === 'RESTRICTED_HS_CODE') return 3;
  if (r.code === 'LOOKALIKE_NOT_RESTRICTED' || r.code === 'NO_RESTRICTION_APPLIES') return 0;
  return r.code === 'RESTRICTION_NOT_IN_FORCE' ? 1 : 2;
}

/**
 * Screens a postal declaration against a catalog snapshot: a decision per item and for the
 * consignment (any REJECT, else any REVIEW, else ACCEPT). Pure: reads no clock, file or cache.
 * @see ../shared/source — Sơn La DIC letter of 03/02/2020 implementing Chỉ thị 05/CT-BTTTT
 */
export function screenDeclaration(d: Declaration, catalog: ScreeningCatalog, options: ScreeningOptions = {}): Decision {
  const analyze: Analyze =
    options.analyze ?? ((text, hs) => analyzeItem(catalog.index, catalog.settings.scoring, text, hs));
  let inForce: boolean | undefined;
  // Only a vague item asks; walking every entry would grow with the catalog.
  const anyRuleInForce = () => (inForce ??= catalog.entries.some((e) => rulesInForce(e, d).length > 0));
  const items = d.items.map((item, i) => {
    // A code written in the description counts when the field has none: "Mã HS 6307.90.40, 10 thùng".
    const hsDigits = (item.hsCode ? parseHsCode(item.hsCode) : hsCodeInText(item.description)) ?? undefined;
    return screenItem(i, analyze(item.description, hsDigits), catalog, d, anyRuleInForce);
  });
  const decision = items.reduce<Outcome>((acc, it) => stricter(acc, it.decision), 'ACCEPT');
  return { decision, date: d.date, event: d.event, items };
}
