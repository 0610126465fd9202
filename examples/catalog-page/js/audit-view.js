// The audit history: who changed what, when, why, from which catalog version to which.
import { formatInstant } from '/assets/dates.js';
import { h } from '/assets/dom.js';
import { brief, jsonDiff } from './json-diff.js';

const SHOWN_CHANGES = 6;
const short = (v) => (v ? String(v).slice(0, 8) : '—');

function changes(record, i18n) {
  if (record.action === 'reload') {
    return record.changedEntries?.length ? h('p', { class: 'changes' }, i18n.t('audit.entries', { list: record.changedEntries.join(', ') })) : null;
  }
  const { changes: list, count } = jsonDiff(record.before ?? undefined, record.after ?? undefined);
  return h('ul', { class: 'changes' },
    list.slice(0, SHOWN_CHANGES).map((c) => h('li', {}, h('span', { class: 'mono path' }, c.path), ': ',
      h('span', { class: 'mono before' }, brief(c.before)), ' → ', h('span', { class: 'mono after' }, brief(c.after)))),
    count > SHOWN_CHANGES ? h('li', { class: 'more' }, i18n.t('audit.more', { n: count - SHOWN_CHANGES })) : null,
  );
}

export function auditItem(record, i18n) {
  return h('li', { class: 'audit-record', dataset: { action: record.action } },
    h('p', { class: 'audit-head' },
      h('time', { datetime: record.at }, formatInstant(record.at, i18n.lang)), ' · ',
      h('strong', { class: 'actor' }, record.actor), ' · ',
      h('span', { class: 'audit-action' }, i18n.t(`audit.action.${record.action}`)),
      record.entryId ? [' · ', h('span', { class: 'mono entry-id' }, record.entryId)] : null),
    h('p', { class: 'audit-reason' }, record.reason),
    changes(record, i18n),
    h('p', { class: 'versions mono' }, i18n.t('audit.versions', { from: short(record.fromVersion), to: short(record.toVersion) })),
  );
}

export function auditList(records, i18n) {
  return records.length ? records.map((r) => auditItem(r, i18n)) : [h('li', { class: 'hint' }, i18n.t('audit.empty'))];
}
