// The declared contents, one line per item as on a CN22/CN23: description and optional HS code.
import { h } from '/assets/dom.js';

let serial = 0;

export function itemLines({ list, addButton, i18n, onChange = () => {} }) {
  const lines = () => [...list.children];

  function relabel() {
    const all = lines();
    all.forEach((li, i) => {
      const n = i + 1;
      li.querySelector('.line-no').textContent = String(n);
      li.querySelector('.description').setAttribute('aria-label', i18n.t('item.descriptionOf', { n }));
      li.querySelector('.hs-code').setAttribute('aria-label', i18n.t('item.hsCodeOf', { n }));
      li.querySelector('.description').placeholder = i === 0 ? i18n.t('item.placeholder') : '';
      const remove = li.querySelector('.remove');
      remove.setAttribute('aria-label', i18n.t('item.remove', { n }));
      remove.title = i18n.t('item.remove', { n });
      remove.disabled = all.length === 1;
    });
  }

  function add({ description = '', hsCode = '' } = {}) {
    const id = `line-${++serial}`;
    const li = h('li', { class: 'item-line', id },
      h('span', { class: 'line-mark', 'aria-hidden': 'true' }, h('span', { class: 'line-icon' }), h('span', { class: 'line-no' })),
      h('div', { class: 'cell' }, h('input', { type: 'text', class: 'description', name: 'description', maxlength: 500, autocomplete: 'off' })),
      h('div', { class: 'cell' }, h('input', { type: 'text', class: 'hs-code mono', name: 'hsCode', inputmode: 'decimal', maxlength: 32, autocomplete: 'off' })),
      h('button', { type: 'button', class: 'remove button' }, h('span', { 'aria-hidden': 'true' }, '✕')),
    );
    li.querySelector('.description').value = description;
    li.querySelector('.hs-code').value = hsCode;
    li.querySelector('.remove').addEventListener('click', () => remove(li));
    list.append(li);
    relabel();
    onChange();
    return li;
  }

  function remove(li) {
    const all = lines();
    if (all.length === 1) return;
    const next = all[all.indexOf(li) - 1] ?? all[all.indexOf(li) + 1];
    li.remove();
    relabel();
    onChange();
    next.querySelector('.description').focus();
  }

  addButton.addEventListener('click', () => add().querySelector('.description').focus());
  i18n.onChange(relabel);

  return {
    add,
    /** Lines the clerk filled in, with their inputs, in order. */
    filled() {
      return lines()
        .map((li) => ({
          li,
          description: li.querySelector('.description').value.trim(),
          hsCode: li.querySelector('.hs-code').value.trim(),
          descriptionInput: li.querySelector('.description'),
          hsCodeInput: li.querySelector('.hs-code'),
        }))
        .filter((l) => l.description || l.hsCode);
    },
    first: () => lines()[0].querySelector('.description'),
    /** Marks each line with its decision (icon + colour via CSS); `null` clears. */
    mark(decisions) {
      for (const li of lines()) delete li.dataset.decision;
      for (const { li, decision } of decisions ?? []) li.dataset.decision = decision;
    },
    reset() {
      list.replaceChildren();
      add();
    },
  };
}
