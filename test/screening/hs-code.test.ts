import { formatHsCode, hsCodeInText, hsStrengthFor, parseHsCode } from '../../src/screening/hs-code';

describe('parseHsCode reads the common forms as digits', () => {
  const cases: [string, { given: string; want: string | null }][] = [
    ['dotted 6 digits', { given: '4015.11', want: '401511' }],
    ['bare 6 digits', { given: '401511', want: '401511' }],
    ['Vietnam 8 digits', { given: '6307.90.40', want: '63079040' }],
    ['10 digits', { given: '6307.90.40.00', want: '6307904000' }],
    ['4-digit heading', { given: '6307', want: '6307' }],
    ['with spaces', { given: '4015 11', want: '401511' }],
    ['with dashes', { given: '6307-90-40', want: '63079040' }],
    ['with an "HS" prefix', { given: 'HS 4015.11', want: '401511' }],
    ['with "hs:"', { given: 'hs: 3808.94', want: '380894' }],
    ['with "HS code:"', { given: 'HS code: 3808.94.90', want: '38089490' }],
    ['with the Vietnamese "Mã HS"', { given: 'Mã HS 3808', want: '3808' }],
    ['with the French "code SH"', { given: 'code SH 4015.19', want: '401519' }],
    ['with "SH" and dotted pairs', { given: 'SH 40.15.11', want: '401511' }],
    ['a label alone', { given: 'HS code', want: null }],
    ['surrounded by spaces', { given: '  3808.94  ', want: '380894' }],
    ['2 digits: a chapter, not a code', { given: '63', want: null }],
    ['an odd number of digits', { given: '4015.1', want: null }],
    ['12 digits', { given: '6307.90.40.00.00', want: null }],
    ['two dots together', { given: '4015..11', want: null }],
    ['a letter O typed for a zero', { given: '38O8.94', want: '380894' }],
    ['a lower-case o among the digits', { given: '6307.9o.40', want: '63079040' }],
    ['letter Os alone', { given: 'OOOO', want: null }],
    ['letters', { given: 'masks', want: null }],
    ['empty', { given: '', want: null }],
  ];
  it.each(cases)('%s: %p', (_name, { given, want }) => {
    expect(parseHsCode(given)).toBe(want);
  });
});

describe('formatHsCode', () => {
  it.each([
    ['6307', '6307'],
    ['401511', '4015.11'],
    ['63079040', '6307.90.40'],
    ['6307904000', '6307.90.40.00'],
  ])('%s → %s', (given, want) => {
    expect(formatHsCode(given)).toBe(want);
  });
});

describe('hsStrengthFor: how a declared code stands to a catalog code', () => {
  const cases: [string, { given: [string, string, 'decisive' | 'indicative']; want: string | null }][] = [
    ['the same code keeps its strength', { given: ['63079040', '63079040', 'decisive'], want: 'decisive' }],
    ['a more specific declared code keeps it', { given: ['4015111000', '401511', 'decisive'], want: 'decisive' }],
    ['a broader declared code is at most indicative', { given: ['630790', '63079040', 'decisive'], want: 'indicative' }],
    ['a 4-digit heading under a decisive code is indicative', { given: ['6307', '63079040', 'decisive'], want: 'indicative' }],
    ['an indicative code stays indicative', { given: ['63079090', '630790', 'indicative'], want: 'indicative' }],
    ['a sibling code does not count', { given: ['63079090', '63079040', 'decisive'], want: null }],
    ['another chapter does not count', { given: ['61091000', '63079040', 'decisive'], want: null }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(hsStrengthFor(...given)).toBe(want);
  });
});

describe('hsCodeInText reads a labeled code in a description', () => {
  it.each([
    ['Mã HS 6307904000 - 10 thùng', '6307904000'],
    ['Gift (HS code: 3808.94)', '380894'],
    ['Hàng mẫu, HS 4015.11', '401511'],
    ['HS 2020 calendar', null],
    ['Phone 5G HS 0123', null],
    ['Bánh pía 4015.11', null],
    ['THIS is a gift', null],
  ])('%p → %p', (given, want) => {
    expect(hsCodeInText(given)).toBe(want);
  });
});
