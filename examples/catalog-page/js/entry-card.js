// One catalog entry as an officer reads it: names, HS codes and their strength, rules on the timeline, exemptions.
import { formatDate } from '/assets/dates.js';
import { h } from '/assets/dom.js';
import { bar } from './timeline.js';

function countries(set, i18n) {
  if (set?.countries?.length) return set.countries.join(', ');
  if (set?.except?.length) return i18n.t('scope.except', { list: set.except.join(', ') });
  return i18n.t('scope.any');
}

function basis(b, i18n) {
  const kindKey = `kind.${b.kind}`;
  const kind = i18n.t(kindKey) === kindKey ? b.kind : i18n.t(kindKey);
  return h('li', {}, i18n.t('basis.item', { kind, number: b.number, date: formatDate(b.date, i18n.lang), issuer: i18n.pick(b.issuer) }));
}

function exemptions(list, i18n) {
  if (!list.length) return h('p', { class: 'exemptions' }, h('strong', {}, `${i18n.t('exemptions')}: `), i18n.t('exemptions.none'));
  return h('div', { class: 'exemptions' }, h('strong', {}, `${i18n.t('exemptions')}:`),
    h('ul', {}, list.map((x) => h('li', {},
      h('span', { class: 'mono' }, x.id), ' · ', i18n.pick(x.description), ' · ',
      i18n.t('exemption.needs', { document: x.requires.documentType + (x.requires.issuerIncludes ? ` (${x.requires.issuerIncludes})` : '') }),
      x.verified ? null : ` · ${i18n.t('exemption.unverified')}`))));
}

function rule(r, scale, i18n) {
  return h('li', { class: 'rule-row', dataset: { rule: r.id } },
    h('div', { class: 'rule-label' },
      h('span', { class: 'action', dataset: { action: r.action } }, i18n.t(`action.${r.action}`)), ' ',
      h('span', { class: 'mono rule-id' }, r.id)),
    bar(r.effective, scale, i18n),
    h('p', { class: 'scope' },
      i18n.t('scope.route', { origin: countries(r.scope.origin, i18n), destination: countries(r.scope.destination, i18n) }), ' · ',
      i18n.t('scope.events', { events: r.scope.events.map((e) => i18n.t(`event.${e}`)).join(', ') })),
    h('div', { class: 'basis' }, h('strong', {}, `${i18n.t('basis')}:`), h('ul', {}, r.legalBasis.map((b) => basis(b, i18n)))),
    exemptions(r.exemptions ?? [], i18n),
  );
}

export function entryCard(entry, scale, i18n, onEdit) {
  const other = ['vi', 'en', 'fr'].filter((l) => l !== i18n.lang).map((l) => entry.names[l]).filter(Boolean);
  return h('article', { class: 'card entry', id: `entry-${entry.id}`, dataset: { entry: entry.id } },
    h('header', { class: 'entry-head' },
      h('div', {}, h('h3', {}, entry.names[i18n.lang] ?? entry.names.vi), h('p', { class: 'names' }, other.join(' · '), ' · ', h('span', { class: 'mono' }, entry.id))),
      h('button', { type: 'button', class: 'button edit', 'aria-label': i18n.t('entry.editOf', { name: entry.names[i18n.lang] ?? entry.id }), onclick: () => onEdit(entry.id) }, i18n.t('entry.edit')),
    ),
    entry.description ? h('p', { class: 'entry-description' }, i18n.pick(entry.description)) : null,
    h('h4', {}, i18n.t('entry.hsCodes')),
    h('ul', { class: 'hs-codes' }, entry.hsCodes.map((c) => h('li', { dataset: { strength: c.strength } },
      h('span', { class: 'mono code' }, c.code), h('span', { class: 'strength' }, i18n.t(`strength.${c.strength}`)), c.note ? h('span', { class: 'note' }, c.note) : null))),
    h('h4', {}, i18n.t('entry.rules')),
    h('ol', { class: 'rules' }, entry.rules.map((r) => rule(r, scale, i18n))),
  );
}
