// A country picker the clerk can drive by keyboard, found by Vietnamese or English name, without diacritics too.
// Follows the WAI-ARIA combobox pattern (list autocomplete, first option highlighted).
import { h, replace } from '/assets/dom.js';

const MAX_OPTIONS = 8;
// Names clerks and customers say that the ISO lists do not carry.
const ALIASES = {
  US: ['Mỹ', 'USA', 'America'],
  GB: ['Anh', 'UK', 'England', 'Britain'],
  KR: ['Korea', 'Nam Hàn'],
  KP: ['Bắc Triều Tiên'],
  AE: ['UAE', 'Dubai'],
  CZ: ['Czechia', 'Séc'],
  NL: ['Holland'],
  TW: ['Taiwan'],
  LA: ['Laos', 'Lào'],
  VN: ['Viet Nam'],
};

export const fold = (s) =>
  String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/đ/g, 'd').replace(/\s+/g, ' ').trim();

/** Lower is better: exact code or name, name start, word start, anywhere; null when it does not match. */
function rank(country, q, raw = q) {
  // A code only when typed as one: "Mỹ" folds to "my" but is not Malaysia.
  if (/^[a-z]{2}$/i.test(raw.trim()) && raw.trim().toUpperCase() === country.code) return 0;
  const names = [country.vi, country.en, ...(ALIASES[country.code] ?? [])].map(fold);
  if (names.some((n) => n === q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.split(/[\s(),.-]+/).some((w) => w.startsWith(q)))) return 2;
  if (names.some((n) => n.includes(q))) return 3;
  return null;
}

export function searchCountries(countries, query, lang) {
  const q = fold(query);
  if (!q) return [];
  return countries
    .map((c) => ({ c, r: rank(c, q, query) }))
    .filter((x) => x.r !== null)
    // Among equals the shortest name first: "United States" means the USA, not its Minor Outlying Islands.
    .sort((a, b) => a.r - b.r || a.c[lang].length - b.c[lang].length || a.c[lang].localeCompare(b.c[lang], lang))
    .slice(0, MAX_OPTIONS)
    .map((x) => x.c);
}

/**
 * Builds the picker inside `container` (which already holds its <label for=id>).
 * `field` names the request field (e.g. destination.country) so server errors land next to it.
 */
export function countryCombobox({ container, id, field, i18n, initial, onChange = () => {} }) {
  let countries = [];
  let selected = null;
  let options = [];
  let active = -1;
  const listId = `${id}-list`;
  const input = h('input', {
    type: 'text', id, role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, dataset: { field },
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'country-list', hidden: true });
  const status = h('p', { class: 'visually-hidden', role: 'status' });
  container.append(h('div', { class: 'combo' }, input, list), status);

  const label = (c) => `${c[i18n.lang]} (${c.code})`;
  const other = (c) => c[i18n.lang === 'vi' ? 'en' : 'vi'];

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    const li = list.children[index];
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  }

  function open(query) {
    options = searchCountries(countries, query, i18n.lang);
    replace(
      list,
      options.map((c, i) =>
        h('li', { id: `${listId}-${c.code}`, role: 'option', 'aria-selected': 'false', dataset: { code: c.code, index: i } },
          h('span', { class: 'name' }, c[i18n.lang]), ' ', h('span', { class: 'other' }, `${other(c)} · ${c.code}`)),
      ),
    );
    status.textContent = options.length ? i18n.t('country.count', { n: options.length }) : i18n.t('country.none');
    if (!options.length) return close();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(0);
  }

  function select(country) {
    const changed = selected?.code !== country?.code;
    selected = country;
    input.value = country ? label(country) : '';
    close();
    if (changed) onChange(country);
  }

  /** The typed text names exactly one country (a code, a full name, or a single match): take it. */
  function resolveTyped() {
    if (!input.value.trim() || (selected && input.value === label(selected))) return;
    const found = searchCountries(countries, input.value.replace(/\([A-Z]{2}\)\s*$/, ''), i18n.lang);
    const exact = found.find((c) => rank(c, fold(input.value), input.value) === 0);
    if (exact || found.length === 1) select(exact ?? found[0]);
  }

  input.addEventListener('input', () => {
    if (selected) {
      selected = null;
      onChange(null);
    }
    open(input.value);
  });
  input.addEventListener('keydown', (e) => {
    const isOpen = !list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!isOpen) return open(input.value);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + options.length) % options.length);
    } else if (e.key === 'Enter' && isOpen && active >= 0) {
      e.preventDefault(); // Picks the country; the next Enter submits.
      select(options[active]);
    } else if (e.key === 'Escape' && isOpen) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => {
    close();
    resolveTyped();
  });
  // mousedown, not click: the input keeps focus and does not blur-resolve first.
  list.addEventListener('mousedown', (e) => {
    const li = e.target.closest('[role=option]');
    if (!li) return;
    e.preventDefault();
    select(options[Number(li.dataset.index)]);
  });
  i18n.onChange(() => {
    if (selected) input.value = label(selected);
    input.placeholder = i18n.t('country.placeholder');
  });
  input.placeholder = i18n.t('country.placeholder');

  return {
    input,
    /** The chosen ISO code, or the typed text if it is already a code, or ''. */
    get code() {
      resolveTyped();
      if (selected) return selected.code;
      // Without the list (it failed to load) a typed two-letter code is still usable.
      const typed = input.value.trim();
      return countries.length === 0 && /^[a-z]{2}$/i.test(typed) ? typed.toUpperCase() : '';
    },
    get country() {
      return selected;
    },
    setCountries(list) {
      countries = list;
      if (initial && !selected) select(countries.find((c) => c.code === initial) ?? null);
    },
    clear() {
      select(initial ? countries.find((c) => c.code === initial) ?? null : null);
    },
  };
}
