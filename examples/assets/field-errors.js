// Problem+json field errors placed next to the field they name (errors[].field such as items[0].hsCode).
import { h } from '/assets/dom.js';

let serial = 0;

export function clearFieldErrors(form) {
  for (const p of form.querySelectorAll('.field-error')) p.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const kept = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('field-error-'));
    if (kept.length) el.setAttribute('aria-describedby', kept.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/** Shows `message` under `input` and ties it to the input for screen readers. */
export function showFieldError(input, message) {
  const id = `field-error-${++serial}`;
  const slot = input.closest('.cell, .field') ?? input.parentElement;
  slot.append(h('p', { class: 'field-error', id }, message));
  input.setAttribute('aria-invalid', 'true');
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  input.setAttribute('aria-describedby', [...ids, id].join(' '));
}

/** `items[2].hsCode` → `hsCode`: the last name, which says what kind of field it is. */
export const fieldKind = (field) => String(field).split('.').pop().replace(/\[\d+\]$/, '');
