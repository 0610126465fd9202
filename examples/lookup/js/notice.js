// The refusal notice handed to the customer: Vietnamese and English side by side, citing the legal basis and date.
import { formatDate, formatInstant } from '/assets/dates.js';
import { h } from '/assets/dom.js';
import { basisText, rulesOf, windowText } from './legal-text.js';

const WORDS = {
  office: { vi: 'Bưu cục', en: 'Post office' },
  title: { vi: 'THÔNG BÁO KHÔNG CHẤP NHẬN BƯU GỬI', en: 'NOTICE OF REFUSAL OF A POSTAL ITEM' },
  dear: {
    vi: 'Kính gửi Quý khách: bưu gửi của Quý khách có mặt hàng đang tạm dừng chấp nhận, vận chuyển gửi ra nước ngoài, nên bưu điện không thể nhận gửi.',
    en: 'Dear customer: your item holds goods that may not at present be accepted or carried abroad, so the post office cannot accept it.',
  },
  date: { vi: 'Ngày gửi', en: 'Date' },
  route: { vi: 'Hành trình', en: 'Route' },
  contents: { vi: 'Hàng hóa không được nhận', en: 'Goods refused' },
  reason: { vi: 'Lý do', en: 'Reason' },
  basis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  window: { vi: 'Thời gian áp dụng', en: 'In force' },
  ids: { vi: 'Mã kiểm tra · phiên bản danh mục · in lúc', en: 'Screening id · catalog version · printed at' },
  clerk: { vi: 'Nhân viên bưu điện (ký, ghi rõ họ tên)', en: 'Postal clerk (signature, name)' },
  customer: { vi: 'Khách hàng', en: 'Customer' },
};

/** One label in both languages: "Ngày gửi / Date". */
const both = (key) => h('span', { class: 'both' }, h('span', { lang: 'vi' }, WORDS[key].vi), ' / ', h('span', { lang: 'en', class: 'en' }, WORDS[key].en));
const pair = (vi, en) => h('div', { class: 'pair' }, h('p', { lang: 'vi' }, vi), h('p', { lang: 'en', class: 'en' }, en));
const country = (c, code) => (c ? { vi: `${c.vi} (${c.code})`, en: `${c.en} (${c.code})` } : { vi: code, en: code });

/**
 * Fills `target` with the notice for a REJECT answer (empties it otherwise). `sent` are the lines as typed.
 * @see the letter of 03/02/2020 and Chỉ thị 05/CT-BTTTT, which the catalog cites
 */
export function renderNotice(target, answer, sent, context, now = new Date()) {
  target.replaceChildren();
  if (answer.decision !== 'REJECT') return;
  const refused = answer.items.filter((i) => i.decision === 'REJECT');
  const from = country(context.origin, ''), to = country(context.destination, '');
  target.append(
    h('p', { class: 'office' }, both('office'), ': ', h('span', { class: 'blank' })),
    h('h2', {}, h('span', { lang: 'vi' }, WORDS.title.vi), h('span', { lang: 'en', class: 'en' }, WORDS.title.en)),
    h('dl', { class: 'facts' },
      h('dt', {}, both('date')), h('dd', {}, `${formatDate(answer.date, 'vi')} (${answer.date})`),
      h('dt', {}, both('route')), h('dd', {}, `${from.vi} → ${to.vi}`, h('span', { class: 'en', lang: 'en' }, ` / ${from.en} → ${to.en}`)),
    ),
    pair(WORDS.dear.vi, WORDS.dear.en),
    h('table', { class: 'refused' },
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, both('contents')), h('th', {}, both('reason')))),
      h('tbody', {}, refused.map((item) => h('tr', {},
        h('td', {}, String(item.index + 1)),
        h('td', { class: 'said' }, sent[item.index]?.description ?? ''),
        h('td', {}, item.reasons.map((r) => pair(r.message.vi, r.message.en))),
      ))),
    ),
    h('h3', {}, both('basis')),
    h('ul', { class: 'bases' }, rulesOf(refused).flatMap((rule) => [
      ...rule.legalBasis.map((b) => h('li', {}, pair(`${basisText(b, 'vi')}: ${b.title?.vi ?? ''}`, `${basisText(b, 'en')}: ${b.title?.en ?? ''}`))),
      h('li', { class: 'window' }, both('window'), ': ', pair(windowText(rule.effective, 'vi'), windowText(rule.effective, 'en'))),
    ])),
    h('p', { class: 'ids' }, both('ids'), ': ', h('span', { class: 'mono' }, `${answer.screeningId} · ${answer.catalog.version} · ${formatInstant(now.toISOString(), 'vi')}`)),
    h('div', { class: 'signatures' }, h('div', {}, both('clerk')), h('div', {}, both('customer'))),
  );
}
