// Effective windows on one shared time scale, so an officer sees at a glance what is in force and since when.
import { formatDate } from '/assets/dates.js';
import { h } from '/assets/dom.js';

const DAY = 86400000;
const ms = (iso) => Date.parse(`${iso}T00:00:00Z`);

/** The years every rule of the catalog spans, with today inside; whole years so the ticks read cleanly. */
export function timeScale(entries, today) {
  const dates = [today];
  for (const e of entries) for (const r of e.rules) dates.push(r.effective.from, ...(r.effective.to ? [r.effective.to] : []));
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const start = ms(`${first}-01-01`);
  const end = ms(`${last}-01-01`);
  const step = last - first > 12 ? 2 : 1;
  const ticks = [];
  for (let y = first; y <= last; y += step) ticks.push(y);
  return { start, end, ticks, today, at: (iso) => ((ms(iso) - start) / (end - start)) * 100 };
}

/** Positions via the CSSOM: the page's policy forbids style attributes, not style properties. */
function place(el, left, width) {
  el.style.left = `${left}%`;
  if (width !== undefined) el.style.width = `${width}%`;
  return el;
}

/** Year labels under a track, and the gridlines inside it. */
function axis(scale) {
  return h('div', { class: 'timeline-axis', 'aria-hidden': 'true' },
    scale.ticks.map((y) => place(h('span', { class: 'tick' }, String(y)), scale.at(`${y}-01-01`))));
}

const gridlines = (scale) => scale.ticks.map((y) => place(h('span', { class: 'gridline' }), scale.at(`${y}-01-01`)));

/** One rule's bar; the window in words sits next to it for anyone who cannot read the bar. */
export function bar(effective, scale, i18n) {
  const from = scale.at(effective.from);
  const to = effective.to ? scale.at(effective.to) : 100;
  const state = scale.today < effective.from ? 'future' : effective.to && effective.to <= scale.today ? 'ended' : 'inForce';
  const inForce = state === 'inForce';
  const track = h('div', { class: 'track', 'aria-hidden': 'true' },
    gridlines(scale),
    place(h('span', { class: 'bar', dataset: { open: String(!effective.to), inForce: String(inForce) } }), from, Math.max(to - from, (DAY / (scale.end - scale.start)) * 100 * 7)),
    place(h('span', { class: 'today', title: i18n.t('timeline.today') }), scale.at(scale.today)),
  );
  const words = effective.to
    ? i18n.t('window.closed', { from: formatDate(effective.from, i18n.lang), to: formatDate(effective.to, i18n.lang) })
    : i18n.t('window.open', { from: formatDate(effective.from, i18n.lang) });
  // The state in words too: the bar's colour alone would not say it.
  return h('div', { class: 'timeline' }, track, axis(scale),
    h('p', { class: 'window-words' }, h('span', { class: 'window-range' }, words), ' · ', h('span', { class: 'window-state', dataset: { state } }, i18n.t(`timeline.${state}`))));
}
