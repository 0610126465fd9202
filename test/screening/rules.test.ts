import { claimedExemption, inWindow, ruleInForce, rulesInForce } from '../../src/screening/rules';
import type { Declaration, Exemption, RestrictedEntry, Rule } from '../../src/screening/types';

const basis = [
  { kind: 'letter', number: '…/STTTT-BCVT', date: '2020-02-03', issuer: { vi: 'Sở TT&TT Sơn La', en: 'Sơn La DIC' }, title: { vi: 't', en: 't' } },
];

const RED_CROSS: Exemption = {
  id: 'red-cross',
  description: { vi: 'Hàng nhân đạo qua Hội Chữ thập đỏ', en: 'Humanitarian goods through the Red Cross' },
  requires: { documentType: 'certificate', issuerIncludes: 'Hội Chữ thập đỏ' },
  verified: false,
  effective: { from: '2020-02-11', to: null },
};

/** The letter's rule: outbound from VN, acceptance and dispatch, from 2020-02-01 open-ended. */
const LETTER: Rule = {
  id: 'vn-outbound-suspension-2020',
  action: 'reject',
  scope: { origin: { countries: ['VN'] }, destination: { except: ['VN'] }, events: ['acceptance', 'dispatch'] },
  effective: { from: '2020-02-01', to: null },
  legalBasis: basis,
  exemptions: [RED_CROSS],
};

const d = (over: Partial<Declaration> = {}): Declaration => ({
  date: '2020-02-10',
  event: 'acceptance',
  origin: 'VN',
  destination: 'US',
  documents: [],
  items: [{ description: 'Khẩu trang y tế' }],
  ...over,
});

describe('inWindow: from inclusive, to exclusive', () => {
  const closed = { from: '2020-02-01', to: '2020-03-01' };
  const open = { from: '2020-02-01', to: null };
  const cases: [string, { given: [string, { from: string; to: string | null }]; want: boolean }][] = [
    ['the day before from', { given: ['2020-01-31', closed], want: false }],
    ['from itself', { given: ['2020-02-01', closed], want: true }],
    ['inside', { given: ['2020-02-15', closed], want: true }],
    ['the day before to (the last day in force)', { given: ['2020-02-29', closed], want: true }],
    ['to itself', { given: ['2020-03-01', closed], want: false }],
    ['after to', { given: ['2020-03-05', closed], want: false }],
    ['open-ended, years later', { given: ['2031-12-31', open], want: true }],
    ['open-ended, before from', { given: ['2020-01-31', open], want: false }],
    ['a one-day window: its day', { given: ['2020-02-01', { from: '2020-02-01', to: '2020-02-02' }], want: true }],
    ['a one-day window: the next day', { given: ['2020-02-02', { from: '2020-02-01', to: '2020-02-02' }], want: false }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(inWindow(...given)).toBe(want);
  });
});

describe('ruleInForce: window, route and event', () => {
  const cases: [string, { given: Partial<Declaration>; want: boolean }][] = [
    ['outbound VN → US at acceptance', { given: {}, want: true }],
    ['outbound at dispatch', { given: { event: 'dispatch' }, want: true }],
    ['domestic VN → VN', { given: { destination: 'VN' }, want: false }],
    ['inbound US → VN', { given: { origin: 'US', destination: 'VN' }, want: false }],
    ['foreign to foreign US → FR', { given: { origin: 'US', destination: 'FR' }, want: false }],
    ['before the window', { given: { date: '2020-01-31' }, want: false }],
    ['on the first day', { given: { date: '2020-02-01' }, want: true }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(ruleInForce(LETTER, d(given))).toBe(want);
  });

  it.each([
    ['no origin set: any origin', { ...LETTER.scope, origin: undefined }, { origin: 'US' }, true],
    ['only listed destinations', { ...LETTER.scope, destination: { countries: ['US', 'JP'] } }, { destination: 'FR' }, false],
    ['listed and not excepted', { ...LETTER.scope, destination: { countries: ['US', 'JP'], except: ['JP'] } }, { destination: 'JP' }, false],
    ['acceptance only, at dispatch', { ...LETTER.scope, events: ['acceptance'] as const }, { event: 'dispatch' as const }, false],
  ])('scope: %s', (_name, scope, over, want) => {
    expect(ruleInForce({ ...LETTER, scope }, d(over))).toBe(want);
  });
});

describe('rulesInForce: the strictest first', () => {
  const review: Rule = { ...LETTER, id: 'review-first', action: 'review' };
  const ended: Rule = { ...LETTER, id: 'ended', effective: { from: '2020-02-01', to: '2020-02-05' } };
  const entry = { id: 'masks', rules: [review, ended, LETTER] } as unknown as RestrictedEntry;
  it('keeps rules in force, reject before review', () => {
    expect(rulesInForce(entry, d()).map((r) => r.id)).toEqual(['vn-outbound-suspension-2020', 'review-first']);
  });
  it('an ended rule counts only inside its window', () => {
    expect(rulesInForce(entry, d({ date: '2020-02-03' })).map((r) => r.id)).toEqual(['ended', 'vn-outbound-suspension-2020', 'review-first']);
  });
  it('nothing outside the route', () => {
    expect(rulesInForce(entry, d({ destination: 'VN' }))).toEqual([]);
  });
});

describe('claimedExemption: the declaration carries the document the exemption requires', () => {
  const cert = { type: 'certificate' as const, number: 'HCTĐ-01', issuer: 'Hội Chữ thập đỏ Việt Nam' };
  const cases: [string, { given: Partial<Declaration>; want: string | null }][] = [
    ['the Red Cross certificate', { given: { date: '2020-02-20', documents: [cert] }, want: 'red-cross' }],
    ['no documents', { given: { date: '2020-02-20' }, want: null }],
    ['an invoice from the Red Cross', { given: { date: '2020-02-20', documents: [{ ...cert, type: 'invoice' }] }, want: null }],
    ['another issuer', { given: { date: '2020-02-20', documents: [{ ...cert, issuer: 'Công ty ABC' }] }, want: null }],
    ['no issuer', { given: { date: '2020-02-20', documents: [{ type: 'certificate', number: 'HCTĐ-01' }] }, want: null }],
    ['a blank number', { given: { date: '2020-02-20', documents: [{ ...cert, number: '   ' }] }, want: null }],
    ['the issuer in capitals', { given: { date: '2020-02-20', documents: [{ ...cert, issuer: 'HỘI CHỮ THẬP ĐỎ' }] }, want: 'red-cross' }],
    ['the issuer without diacritics', { given: { date: '2020-02-20', documents: [{ ...cert, issuer: 'Hoi Chu thap do Viet Nam' }] }, want: 'red-cross' }],
    ['the issuer in English (a known limit)', { given: { date: '2020-02-20', documents: [{ ...cert, issuer: 'Vietnam Red Cross Society' }] }, want: null }],
    ['before the exemption starts', { given: { date: '2020-02-10', documents: [cert] }, want: null }],
    ['on the day it starts', { given: { date: '2020-02-11', documents: [cert] }, want: 'red-cross' }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(claimedExemption(LETTER, d(given))?.id ?? null).toBe(want);
  });

  it('an exemption without an issuer condition takes any certificate', () => {
    const any: Rule = { ...LETTER, exemptions: [{ ...RED_CROSS, requires: { documentType: 'licence' }, effective: undefined }] };
    expect(claimedExemption(any, d({ documents: [{ type: 'licence', number: 'GP-1' }] }))?.id).toBe('red-cross');
  });

  // Issuers compare without case or diacritics, whatever Unicode form they were typed in.
  test('the issuer in decomposed Unicode (NFD)', () => {
    expect(claimedExemption(LETTER, d({ date: '2020-02-20', documents: [{ ...cert, issuer: cert.issuer.normalize('NFD') }] }))?.id).toBe('red-cross');
  });
});
