// Rules and legal bases in words, in a given language: the screen uses the clerk's, the notice both.
import { formatDate } from '/assets/dates.js';
import { TEXTS } from './texts.js';

export function say(lang, key, vars = {}) {
  const text = TEXTS[lang][key] ?? TEXTS.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** "từ 01/02/2020 đến trước 01/03/2020"; `to` is exclusive, and open-ended windows say so. */
export function windowText(effective, lang) {
  const from = formatDate(effective.from, lang);
  return effective.to
    ? say(lang, 'window.closed', { from, to: formatDate(effective.to, lang) })
    : say(lang, 'window.open', { from });
}

/** "Chỉ thị số 05/CT-BTTTT ngày 02/02/2020 của Bộ Thông tin và Truyền thông". */
export function basisText(basis, lang) {
  const kindKey = `kind.${basis.kind}`;
  const kind = TEXTS[lang][kindKey] ? say(lang, kindKey) : basis.kind;
  return say(lang, 'basis.item', { kind, number: basis.number, date: formatDate(basis.date, lang), issuer: basis.issuer?.[lang] ?? '' });
}

/** The distinct rules behind the refused or doubtful items, each once. */
export function rulesOf(items) {
  const seen = new Map();
  for (const item of items) for (const rule of item.rules ?? []) seen.set(`${rule.entryId}/${rule.ruleId}`, rule);
  return [...seen.values()];
}
