// The answer on screen: the decision big (word, icon and colour), the lines behind it, the rule and its basis.
import { formatDate } from '/assets/dates.js';
import { h } from '/assets/dom.js';
import { basisText, windowText } from './legal-text.js';

/** A copy of the decision's icon from the page's <template>, so no markup is built from strings. */
export function icon(decision, className = 'icon') {
  const svg = document.getElementById('decision-icons').content.querySelector(`[data-icon="${decision}"]`).cloneNode(true);
  svg.classList.add(className);
  return svg;
}

/** The description as typed, with the matched words marked; built from text nodes only. */
function said(description, matches) {
  const text = matches.map((m) => m.matchedText).find((t) => t && description.includes(t));
  if (!text) return h('q', { class: 'said' }, description);
  const at = description.indexOf(text);
  return h('q', { class: 'said' }, description.slice(0, at), h('mark', {}, text), description.slice(at + text.length));
}

function badge(decision, i18n) {
  return h('span', { class: 'badge', dataset: { decision } }, icon(decision, 'badge-icon'), i18n.t(`decision.${decision}`));
}

function matchLine(match, i18n) {
  return h('p', { class: 'match' }, i18n.t('match.found', {
    entry: i18n.pick(match.entryName) || match.entryId,
    words: match.matchedText || match.term,
    evidence: i18n.t(`evidence.${match.evidence}`),
    score: Math.round(match.score * 100),
  }));
}

function ruleBlock(rule, i18n) {
  return h('dl', { class: 'rule' },
    h('dt', {}, i18n.t('basis')),
    h('dd', {}, h('ul', { class: 'bases' }, rule.legalBasis.map((b) =>
      h('li', {}, basisText(b, i18n.lang), b.note ? h('span', { class: 'basis-note' }, ` (${i18n.pick(b.note)})`) : null)))),
    h('dt', {}, i18n.t('window')),
    h('dd', {}, windowText(rule.effective, i18n.lang)),
  );
}

function lineResult(item, line, overall, i18n) {
  const shown = item.matches.filter((m) => m.ruleId || item.decision !== 'ACCEPT').slice(0, 3);
  const refused = item.decision === 'REJECT';
  // A refused line's reason is already in the customer sentence; doubtful and look-alike lines need theirs here.
  const reasons = item.reasons.filter((r) => !refused && r.code !== 'NO_RESTRICTION_APPLIES');
  return h('li', { class: 'line-result', dataset: { decision: item.decision, caused: String(item.decision === overall && overall !== 'ACCEPT') } },
    h('div', { class: 'line-head' }, badge(item.decision, i18n), h('span', { class: 'line-label' }, i18n.t('line.n', { n: item.index + 1 })), said(line.description, item.matches)),
    line.hsCode ? h('p', { class: 'hs' }, 'HS ', h('span', { class: 'mono' }, line.hsCode)) : null,
    item.decision === 'ACCEPT' ? null : shown.map((m) => matchLine(m, i18n)),
    reasons.map((r) => h('p', { class: 'reason' }, i18n.pick(r.message))),
    (item.rules ?? []).map((rule) => ruleBlock(rule, i18n)),
  );
}

/** What the clerk says: the overall summary, then the reasons of the lines that decided it. */
function customerSentence(answer, i18n) {
  const deciding = answer.items.filter((i) => i.decision === answer.decision && answer.decision !== 'ACCEPT');
  const messages = [...new Set(deciding.flatMap((i) => i.reasons.map((r) => i18n.pick(r.message))))];
  return h('div', { class: 'tell' },
    h('h3', {}, i18n.t('tell.customer')),
    h('p', { class: 'summary' }, i18n.pick(answer.summary)),
    messages.map((m) => h('p', { class: 'tell-reason' }, m)),
  );
}

/**
 * Renders the answer of POST /v1/screenings. `sent` holds the lines as the clerk typed them, in the order sent;
 * `context` the countries and event labels.
 */
export function renderResult(answer, sent, context, i18n) {
  const where = i18n.t('decision.for', {
    date: formatDate(answer.date, i18n.lang),
    origin: context.origin ? context.origin[i18n.lang] : '',
    destination: context.destination ? context.destination[i18n.lang] : '',
    event: i18n.t(`event.${answer.event}`),
  });
  const lines = answer.items.map((item) => lineResult(item, sent[item.index], answer.decision, i18n));
  const canPrint = answer.decision === 'REJECT';
  return [
    h('div', { class: 'verdict', dataset: { decision: answer.decision }, id: 'verdict' },
      icon(answer.decision, 'verdict-icon'),
      h('div', {}, h('p', { class: 'verdict-word' }, i18n.t(`decision.${answer.decision}`)), h('p', { class: 'verdict-for' }, where)),
    ),
    customerSentence(answer, i18n),
    h('ol', { class: 'line-results' }, lines),
    h('div', { class: 'result-actions' },
      canPrint ? h('button', { type: 'button', class: 'button print', id: 'print-notice' }, i18n.t('print')) : null,
      h('p', { class: 'meta' }, i18n.t('meta.screening', { id: answer.screeningId, version: answer.catalog.version })),
    ),
  ];
}
