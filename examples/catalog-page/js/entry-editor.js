// Editing one entry through the admin API: read with its ETag, save with If-Match and a reason,
// and every refusal (412, 422, 428, a missing reason) explained next to the editor.
import { api, ApiProblem } from '/assets/api.js';
import { h, replace } from '/assets/dom.js';
import { clearFieldErrors, showFieldError } from '/assets/field-errors.js';
import { officerToken } from './officer-token.js';

const $ = (id) => document.getElementById(id);
const entryPath = (id) => `/v1/admin/catalog/entries/${encodeURIComponent(id)}`;

/**
 * `token()` gives the officer's token; `onSaved(version)` refreshes the page after a write;
 * `onAuthFailed(problem)` sends the officer back to the token field.
 */
export function entryEditor({ i18n, token, onSaved, onAuthFailed }) {
  const form = $('editor-form');
  const textarea = $('entry-json');
  const reason = $('change-reason');
  const problems = $('editor-problems');
  const status = $('editor-status');
  let current = null; // { id, etag }

  function reset() {
    clearFieldErrors(form);
    replace(problems);
    status.textContent = '';
  }

  async function open(id) {
    reset();
    $('editing-id').textContent = id;
    $('editor-empty').hidden = true;
    form.hidden = false;
    status.textContent = i18n.t('editor.loading');
    try {
      const { data, etag } = await api(entryPath(id), { headers: officerToken.headers(token()) });
      current = { id, etag };
      textarea.value = JSON.stringify(data, null, 2);
      $('editor-etag').textContent = i18n.t('editor.etag', { etag });
      status.textContent = '';
      textarea.focus();
      textarea.setSelectionRange(0, 0);
    } catch (err) {
      status.textContent = '';
      if (err instanceof ApiProblem && (err.status === 401 || err.status === 429)) return onAuthFailed(err);
      replace(problems, i18n.t('problem.other', { detail: err instanceof ApiProblem ? err.textIn(i18n.lang) : err.message }));
    }
  }

  function close() {
    current = null;
    form.hidden = true;
    $('editor-empty').hidden = false;
    $('editing-id').textContent = '';
    reset();
  }

  const list = (items) => h('ul', {}, items);

  function showProblem(err, draft) {
    if (!(err instanceof ApiProblem) || err.status === 0) return replace(problems, i18n.t('problem.offline'));
    if (err.status === 401 || err.status === 429) return onAuthFailed(err);
    const reasonError = err.errors.find((e) => e.field === 'X-Change-Reason');
    if (reasonError) {
      showFieldError(reason, `${i18n.t('editor.reasonRequired')} (${reasonError.message})`);
      return reason.focus();
    }
    if (err.status === 412) {
      const reopen = h('button', { type: 'button', class: 'button', onclick: () => open(current.id) }, i18n.t('problem.reload'));
      return replace(problems, h('p', {}, i18n.t('problem.412')), reopen,
        h('details', {}, h('summary', {}, i18n.t('problem.draft')), h('textarea', { class: 'mono draft', readonly: true, rows: 6, 'aria-label': i18n.t('problem.draft') }, draft)));
    }
    if (err.status === 428) return replace(problems, i18n.t('problem.428'));
    if (err.failures.length) {
      return replace(problems, i18n.t('problem.examples'), list(err.failures.map((f) => h('li', {}, i18n.t('failure.line', {
        description: f.description + (f.hsCode ? ` (HS ${f.hsCode})` : ''),
        expected: i18n.t(`outcome.${f.expected}`), got: i18n.t(`outcome.${f.got}`), score: Number(f.score).toFixed(2),
      })))));
    }
    if (err.problems.length) {
      return replace(problems, i18n.t('problem.broken'), list(err.problems.map((p) => h('li', {}, h('span', { class: 'mono' }, `${p.file}${p.field ? ` › ${p.field}` : ''}`), `: ${p.message}`))));
    }
    if (err.errors.length) {
      textarea.setAttribute('aria-invalid', 'true');
      return replace(problems, i18n.t('problem.invalid'), list(err.errors.map((e) => h('li', {}, h('span', { class: 'mono' }, e.field), `: ${e.message}`))));
    }
    replace(problems, i18n.t('problem.other', { detail: err.textIn(i18n.lang) }));
  }

  async function save(event) {
    event.preventDefault();
    if (!current) return;
    reset();
    let body;
    try {
      body = JSON.parse(textarea.value);
    } catch (err) {
      showFieldError(textarea, i18n.t('editor.badJson', { detail: err.message }));
      return textarea.focus();
    }
    const why = reason.value.trim();
    if (!why) {
      showFieldError(reason, i18n.t('editor.reasonRequired'));
      return reason.focus();
    }
    $('save-entry').disabled = true;
    status.textContent = i18n.t('editor.saving');
    try {
      const { data, etag } = await api(entryPath(current.id), {
        method: 'PUT',
        body,
        // Headers carry Latin-1 only; the service decodes the percent-encoded Vietnamese reason.
        headers: { ...officerToken.headers(token()), 'If-Match': current.etag, 'X-Change-Reason': encodeURIComponent(why) },
      });
      current.etag = etag;
      $('editor-etag').textContent = i18n.t('editor.etag', { etag });
      textarea.value = JSON.stringify(data.entry, null, 2);
      reason.value = '';
      status.textContent = '';
      replace(problems);
      status.append(h('span', { class: 'notice-ok' }, i18n.t('editor.saved', { version: data.version })));
      await onSaved(data.version);
    } catch (err) {
      status.textContent = '';
      showProblem(err, textarea.value);
    } finally {
      $('save-entry').disabled = false;
    }
  }

  form.addEventListener('submit', save);
  $('close-editor').addEventListener('click', close);
  return { open, close, get openId() { return current?.id ?? null; } };
}
