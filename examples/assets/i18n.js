// Language of the pages: Vietnamese first, English on request, remembered on this counter's browser.
const KEY = 'screening.lang';
const LANGS = ['vi', 'en'];

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // Storage can be off (private mode, policy); the page still works in Vietnamese.
  }
}

/** Text lookup for one page: `dictionary` is { vi: {key: text}, en: {key: text} }; `{name}` fills from vars. */
export function createI18n(dictionary) {
  let lang = LANGS.includes(stored()) ? stored() : 'vi';
  const listeners = [];
  const t = (key, vars = {}) => {
    const text = dictionary[lang]?.[key] ?? dictionary.vi[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
  };
  /** The API's bilingual texts ({vi, en}) in the current language. */
  const pick = (localized) => (localized ? localized[lang] ?? localized.vi ?? '' : '');

  function apply(root = document) {
    document.documentElement.lang = lang;
    for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
    for (const el of root.querySelectorAll('[data-t-placeholder]')) el.placeholder = t(el.dataset.tPlaceholder);
    for (const el of root.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', t(el.dataset.tLabel));
    if (dictionary.vi['page.title']) document.title = t('page.title');
  }

  function setLang(next) {
    if (!LANGS.includes(next) || next === lang) return;
    lang = next;
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // Not remembered; the switch still applies to this page.
    }
    apply();
    for (const f of listeners) f(lang);
  }

  return {
    t,
    pick,
    apply,
    setLang,
    get lang() {
      return lang;
    },
    onChange: (f) => listeners.push(f),
  };
}

/** Wires the two buttons of a language switch (`[data-lang]`); the pressed one is the current language. */
export function languageSwitch(container, i18n) {
  const buttons = [...container.querySelectorAll('[data-lang]')];
  const mark = () => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === i18n.lang)));
  buttons.forEach((b) => b.addEventListener('click', () => i18n.setLang(b.dataset.lang)));
  i18n.onChange(mark);
  mark();
}
