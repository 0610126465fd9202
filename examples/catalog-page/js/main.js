// The officer's page: the catalog in force (GET /v1/catalog), its audit history and entry editing (admin API).
import { api, ApiProblem } from '/assets/api.js';
import { formatInstant, todayIn } from '/assets/dates.js';
import { h, replace } from '/assets/dom.js';
import { clearFieldErrors, showFieldError } from '/assets/field-errors.js';
import { createI18n, languageSwitch } from '/assets/i18n.js';
import { auditList } from './audit-view.js';
import { entryCard } from './entry-card.js';
import { entryEditor } from './entry-editor.js';
import { officerToken } from './officer-token.js';
import { timeScale } from './timeline.js';
import { TEXTS } from './texts.js';

const i18n = createI18n(TEXTS);
const $ = (id) => document.getElementById(id);
const tokenInput = $('token');
let catalog = null;
let audit = null; // null: locked (no valid token yet)

function renderCatalog() {
  if (!catalog) return;
  const tz = catalog.jurisdiction?.timeZone;
  const scale = timeScale(catalog.entries, todayIn(tz));
  $('catalog-version').textContent = i18n.t('catalog.version', { version: catalog.version, at: formatInstant(catalog.builtAt, i18n.lang) });
  replace($('entry-list'), catalog.entries.map((e) => entryCard(e, scale, i18n, editEntry)));
}

function renderAudit() {
  $('audit-locked').hidden = audit !== null;
  replace($('audit-list'), audit ? auditList(audit, i18n) : []);
}

async function loadCatalog() {
  try {
    catalog = (await api('/v1/catalog')).data;
    replace($('catalog-errors'));
    renderCatalog();
  } catch (err) {
    replace($('catalog-errors'), i18n.t('catalog.error', { detail: err instanceof ApiProblem ? err.textIn(i18n.lang) : String(err) }));
  }
}

function tokenProblem(err) {
  audit = null;
  renderAudit();
  officerToken.forget();
  clearFieldErrors($('token-form'));
  $('token-status').textContent = '';
  showFieldError(tokenInput, i18n.t(err.status === 429 ? 'token.limited' : err.status === 401 ? 'token.bad' : 'problem.offline'));
  tokenInput.focus();
}

/** Reading the audit is also how a token is checked: it needs one and changes nothing. */
async function loadAudit() {
  const token = officerToken.get();
  if (!token) return;
  try {
    audit = (await api('/v1/admin/catalog/audit?limit=50', { headers: officerToken.headers(token) })).data.records;
    renderAudit();
    return true;
  } catch (err) {
    tokenProblem(err);
    return false;
  }
}

async function useToken(event) {
  event.preventDefault();
  clearFieldErrors($('token-form'));
  const token = tokenInput.value.trim();
  if (!token) {
    showFieldError(tokenInput, i18n.t('token.needed'));
    return tokenInput.focus();
  }
  officerToken.set(token);
  if (await loadAudit()) $('token-status').textContent = i18n.t('token.ok');
}

const editor = entryEditor({
  i18n,
  token: () => officerToken.get(),
  onSaved: () => Promise.all([loadCatalog(), loadAudit()]),
  onAuthFailed: tokenProblem,
});

function editEntry(id) {
  if (!officerToken.get()) {
    clearFieldErrors($('token-form'));
    showFieldError(tokenInput, i18n.t('token.needed'));
    return tokenInput.focus();
  }
  editor.open(id);
}

$('token-form').addEventListener('submit', useToken);
$('forget-token').addEventListener('click', () => {
  officerToken.forget();
  tokenInput.value = '';
  audit = null;
  editor.close();
  renderAudit();
  $('token-status').textContent = '';
});
i18n.onChange(() => {
  renderCatalog();
  renderAudit();
});
languageSwitch(document.querySelector('.lang-switch'), i18n);
i18n.apply();
tokenInput.value = officerToken.get();
renderAudit();
loadCatalog();
loadAudit();
