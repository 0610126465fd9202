// The clerk's lookup page: reads the form, asks POST /v1/screenings, shows the decision and prepares the notice.
import { api, ApiProblem } from '/assets/api.js';
import { todayIn } from '/assets/dates.js';
import { h, replace } from '/assets/dom.js';
import { createI18n, languageSwitch } from '/assets/i18n.js';
import { countryCombobox } from './country-combobox.js';
import { clearFieldErrors, fieldKind, showFieldError } from '/assets/field-errors.js';
import { itemLines } from './item-lines.js';
import { renderNotice } from './notice.js';
import { renderResult } from './result-view.js';
import { TEXTS } from './texts.js';

const i18n = createI18n(TEXTS);
const $ = (id) => document.getElementById(id);
const form = $('declaration');
const resultSection = $('result');
const resultBody = $('result-body');
const formErrors = $('form-errors');
let last = null; // { answer, sent, context } of the answer on screen, kept to redraw on a language switch.
let busy = false;

/** The date in words: a browser in English shows 02/10/2020 for 10 February, which a clerk must not misread. */
function sayDate() {
  const value = $('date').value;
  const date = value ? new Date(`${value}T00:00:00Z`) : null;
  $('date-words').textContent = date && !Number.isNaN(date.getTime())
    ? new Intl.DateTimeFormat(i18n.lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(date)
    : '';
}

function markStale() {
  if (last) $('result-stale').hidden = false;
}

const lines = itemLines({ list: $('item-lines'), addButton: $('add-line'), i18n, onChange: markStale });
const destination = countryCombobox({ container: $('destination-field'), id: 'destination', field: 'destination.country', i18n, onChange: markStale });
const origin = countryCombobox({ container: $('origin-field'), id: 'origin', field: 'origin.country', i18n, initial: 'VN', onChange: markStale });
form.addEventListener('input', markStale);
$('date').addEventListener('input', sayDate);

function showResult() {
  if (!last) return;
  replace(resultBody, renderResult(last.answer, last.sent, last.context, i18n));
  resultSection.dataset.state = last.answer.decision;
  $('print-notice')?.addEventListener('click', () => window.print());
}

function showProblem(err, sentLines) {
  clearFieldErrors(form);
  if (!(err instanceof ApiProblem) || err.status === 0) return replace(formErrors, i18n.t('error.offline'));
  if (err.status === 503) return replace(formErrors, i18n.t('error.notReady'));
  if (err.status >= 500 || !err.errors.length) {
    return replace(formErrors, err.status >= 500 ? i18n.t('error.server', { status: err.status, id: err.requestId }) : err.textIn(i18n.lang));
  }
  const unplaced = [];
  for (const e of err.errors) {
    const line = /^items\[(\d+)\]\.(description|hsCode)$/.exec(e.field);
    const input = line
      ? sentLines[Number(line[1])]?.[line[2] === 'hsCode' ? 'hsCodeInput' : 'descriptionInput']
      : form.querySelector(`[data-field="${CSS.escape(e.field)}"]`);
    const kind = fieldKind(e.field);
    const local = TEXTS.vi[`field.${kind}`] ? i18n.t(`field.${kind}`) : '';
    // The server explains in English; the clerk's language leads when the page knows the field.
    const message = local ? `${local} (${e.message})` : e.message;
    if (input) showFieldError(input, message);
    else unplaced.push(h('li', {}, h('span', { class: 'mono' }, e.field), ': ', e.message));
  }
  replace(formErrors, unplaced.length ? [i18n.t('error.request'), h('ul', {}, unplaced)] : []);
  form.querySelector('[aria-invalid="true"]')?.focus();
}

/** Checks what the page can check itself, so a missing field is not a round trip. */
function localErrors(filled, destinationCode, originCode) {
  const errors = [];
  if (!filled.length) errors.push([lines.first(), i18n.t('error.description')]);
  for (const l of filled) if (!l.description) errors.push([l.descriptionInput, i18n.t('error.description')]);
  if (!destinationCode) errors.push([destination.input, i18n.t('error.country')]);
  if (!originCode) errors.push([origin.input, i18n.t('error.country')]);
  return errors;
}

async function submit(event) {
  event.preventDefault();
  if (busy) return;
  clearFieldErrors(form);
  replace(formErrors);
  const filled = lines.filled();
  const destinationCode = destination.code;
  const originCode = origin.code;
  const problems = localErrors(filled, destinationCode, originCode);
  if (problems.length) {
    problems.forEach(([input, message]) => showFieldError(input, message));
    problems[0][0].focus();
    return;
  }
  const body = {
    date: $('date').value || undefined,
    event: $('event').value,
    origin: { country: originCode },
    destination: { country: destinationCode },
    items: filled.map((l) => ({ description: l.description, ...(l.hsCode ? { hsCode: l.hsCode } : {}) })),
  };
  busy = true;
  $('check').disabled = true;
  resultSection.setAttribute('aria-busy', 'true');
  try {
    const { data } = await api('/v1/screenings', { method: 'POST', body });
    last = { answer: data, sent: filled, context: { origin: origin.country, destination: destination.country } };
    lines.mark(data.items.map((item) => ({ li: filled[item.index].li, decision: item.decision })));
    showResult();
    $('result-stale').hidden = true;
    renderNotice($('notice'), data, filled, last.context);
  } catch (err) {
    showProblem(err, filled);
  } finally {
    busy = false;
    $('check').disabled = false;
    resultSection.removeAttribute('aria-busy');
  }
}

function clearForm() {
  lines.reset();
  destination.clear();
  origin.clear();
  $('date').value = todayIn();
  sayDate();
  $('event').value = 'acceptance';
  clearFieldErrors(form);
  replace(formErrors);
  last = null;
  lines.mark(null);
  $('notice').replaceChildren();
  $('result-stale').hidden = true;
  resultSection.dataset.state = 'empty';
  replace(resultBody, h('p', { class: 'empty' }, i18n.t('result.empty')));
  lines.first().focus();
}

async function loadCountries() {
  try {
    const { data } = await api('/v1/countries');
    destination.setCountries(data.countries);
    origin.setCountries(data.countries);
  } catch {
    replace(formErrors, i18n.t('error.countries'));
  }
}

form.addEventListener('submit', submit);
$('clear').addEventListener('click', clearForm);
i18n.onChange(() => {
  sayDate();
  showResult();
  if (!last) replace(resultBody, h('p', { class: 'empty' }, i18n.t('result.empty')));
});
languageSwitch(document.querySelector('.lang-switch'), i18n);
i18n.apply();
lines.add();
$('date').value = todayIn();
sayDate();
lines.first().focus();
loadCountries();
