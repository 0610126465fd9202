import { checkS10, s10CheckDigit } from '../../src/screening/s10';

// UPU S10: weights 8 6 4 2 3 5 9 7 over the serial; C = 11 − (S mod 11); 10 → 0, 11 → 5.
describe('checkS10', () => {
  const cases: [string, { given: string; want: ReturnType<typeof checkS10> }][] = [
    ['RR123456785VN (registered, Viet Nam)', { given: 'RR123456785VN', want: { ok: true } }],
    ['EE471108151FR (EMS, France)', { given: 'EE471108151FR', want: { ok: true } }],
    ['RR287043775IN (registered, India)', { given: 'RR287043775IN', want: { ok: true } }],
    ['EB000717594HK: the check digit should be 5', { given: 'EB000717594HK', want: { ok: false, problem: 'check-digit', expected: 5 } }],
    ['RR123456784VN: one off', { given: 'RR123456784VN', want: { ok: false, problem: 'check-digit', expected: 5 } }],
    ['a serial whose remainder is 1: C = 10 is written 0', { given: 'RR000600000VN', want: { ok: true } }],
    ['a serial whose remainder is 0: C = 11 is written 5', { given: 'RR000000005VN', want: { ok: true } }],
    ['C = 10 written as 10 is not an S10', { given: 'RR0006000010VN', want: { ok: false, problem: 'format' } }],
    ['12 characters', { given: 'RR12345678VN', want: { ok: false, problem: 'format' } }],
    ['digits for the country', { given: 'RR12345678512', want: { ok: false, problem: 'format' } }],
    ['spaces inside', { given: 'RR 123 456 785 VN', want: { ok: false, problem: 'format' } }],
    ['empty', { given: '', want: { ok: false, problem: 'format' } }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(checkS10(given)).toEqual(want);
  });
});

describe('s10CheckDigit', () => {
  const cases: [string, { given: string; want: number }][] = [
    ['12345678 → 5', { given: '12345678', want: 5 }],
    ['47110815 → 1', { given: '47110815', want: 1 }],
    ['28704377 → 5', { given: '28704377', want: 5 }],
    ['00071759 → 5', { given: '00071759', want: 5 }],
    ['00060000 (S = 12, C = 10) → 0', { given: '00060000', want: 0 }],
    ['00000000 (S = 0, C = 11) → 5', { given: '00000000', want: 5 }],
    ['00000001 (S = 7) → 4', { given: '00000001', want: 4 }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(s10CheckDigit(given)).toBe(want);
  });

  it('is always a single digit', () => {
    for (let n = 0; n < 100_000; n += 7) {
      const d = s10CheckDigit(String(n * 997).padStart(8, '0').slice(-8));
      expect(d >= 0 && d <= 9).toBe(true);
    }
  });
});
