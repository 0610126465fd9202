import { isCalendarDate, localDateOf, toLocalDate } from '../../src/screening/local-date';

const HANOI = 'Asia/Ho_Chi_Minh';

describe('toLocalDate: the Vietnamese local date of a postal event', () => {
  const cases: [string, { given: string; want: string | null }][] = [
    ['a date is taken as a local date', { given: '2020-02-01', want: '2020-02-01' }],
    ['29 February in a leap year', { given: '2020-02-29', want: '2020-02-29' }],
    ['16:59:59Z is 23:59:59 the same day', { given: '2020-01-31T16:59:59Z', want: '2020-01-31' }],
    ['17:00:00Z is midnight the next day', { given: '2020-01-31T17:00:00Z', want: '2020-02-01' }],
    ['without seconds', { given: '2020-01-31T17:00Z', want: '2020-02-01' }],
    ['with milliseconds', { given: '2020-01-31T16:59:59.999Z', want: '2020-01-31' }],
    ['with nanoseconds', { given: '2020-01-31T16:59:59.999999999Z', want: '2020-01-31' }],
    ['a lower-case t and z', { given: '2020-01-31t17:00:00z', want: '2020-02-01' }],
    ['+07:00 is Hanoi itself, just before midnight', { given: '2020-01-31T23:59:59+07:00', want: '2020-01-31' }],
    ['+07:00 at midnight', { given: '2020-02-01T00:00:00+07:00', want: '2020-02-01' }],
    ['+09:00 01:59 is 23:59 the day before', { given: '2020-02-01T01:59:00+09:00', want: '2020-01-31' }],
    ['+09:00 02:00 is midnight', { given: '2020-02-01T02:00:00+09:00', want: '2020-02-01' }],
    ['-05:00 11:59 is 23:59 in Hanoi', { given: '2020-01-31T11:59:00-05:00', want: '2020-01-31' }],
    ['-05:00 12:00 is midnight in Hanoi', { given: '2020-01-31T12:00:00-05:00', want: '2020-02-01' }],
    ['+14:00 (Kiribati) crosses back a day', { given: '2020-02-01T06:00:00+14:00', want: '2020-01-31' }],
    ['-12:00 crosses forward a day', { given: '2020-01-31T12:00:00-12:00', want: '2020-02-01' }],
    ['across the new year', { given: '2019-12-31T17:00:00Z', want: '2020-01-01' }],
    ['across a leap day', { given: '2020-02-28T17:00:00Z', want: '2020-02-29' }],
    ['no offset: Hanoi wall time', { given: '2020-01-31T23:59:59', want: '2020-01-31' }],
    ['30 February', { given: '2020-02-30', want: null }],
    ['29 February in a common year', { given: '2019-02-29', want: null }],
    ['month 13', { given: '2020-13-01', want: null }],
    ['day 00', { given: '2020-02-00', want: null }],
    ['an impossible date with a time', { given: '2020-02-30T10:00:00Z', want: null }],
    ['hour 24', { given: '2020-02-01T24:00:00Z', want: null }],
    ['minute 60', { given: '2020-02-01T23:60:00Z', want: null }],
    ['a leap second', { given: '2020-02-01T23:59:60Z', want: null }],
    ['the Vietnamese way of writing', { given: '01/02/2020', want: null }],
    ['a date without dashes', { given: '20200201', want: null }],
    ['a date with a space before the time', { given: '2020-02-01 10:00:00Z', want: null }],
    ['an offset without its minutes', { given: '2020-02-01T10:00:00+07', want: null }],
    ['empty', { given: '', want: null }],
  ];
  it.each(cases)('%s: %p', (_name, { given, want }) => {
    expect(toLocalDate(given, HANOI)).toBe(want);
  });

  it('the time zone belongs to the catalog: the same instant is another date in Paris', () => {
    expect([toLocalDate('2020-01-31T23:30:00Z', HANOI), toLocalDate('2020-01-31T23:30:00Z', 'Europe/Paris')]).toEqual(['2020-02-01', '2020-02-01']);
    expect([toLocalDate('2020-01-31T17:30:00Z', HANOI), toLocalDate('2020-01-31T17:30:00Z', 'Europe/Paris')]).toEqual(['2020-02-01', '2020-01-31']);
  });
});

describe('localDateOf', () => {
  it.each([
    ['2020-01-31T16:59:59.999Z', '2020-01-31'],
    ['2020-01-31T17:00:00.000Z', '2020-02-01'],
    ['2020-12-31T17:00:00.000Z', '2021-01-01'],
  ])('%s in Hanoi is %s', (instant, want) => {
    expect(localDateOf(new Date(instant), HANOI)).toBe(want);
  });

  it('asked again and again around midnight, in zones a quarter of an hour off, it follows the calendar', () => {
    // Kathmandu is UTC+05:45: its midnight falls at 18:15 UTC.
    const at = (iso: string) => localDateOf(new Date(iso), 'Asia/Kathmandu');
    expect([at('2020-01-31T18:14:00.000Z'), at('2020-01-31T18:14:59.999Z'), at('2020-01-31T18:15:00.000Z'), at('2020-01-31T18:15:30.000Z'), at('2020-01-31T18:14:30.000Z')])
      .toEqual(['2020-01-31', '2020-01-31', '2020-02-01', '2020-02-01', '2020-01-31']);
    for (let ms = Date.UTC(2020, 1, 3, 16, 58); ms < Date.UTC(2020, 1, 3, 17, 2); ms += 7_000) {
      const d = new Date(ms);
      expect(localDateOf(d, HANOI)).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: HANOI }).format(d));
    }
  });
  it('gives the calendar date for thousands of different minutes, asked twice, past the minutes it remembers', () => {
    const zones = [HANOI, 'Asia/Kathmandu', 'America/New_York'];
    let seed = 7;
    const instants = Array.from({ length: 6000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return new Date(Date.UTC(2019, 0, 1) + (seed % (3 * 365 * 24 * 60)) * 60_000 + (seed % 60_000));
    });
    for (const pass of [1, 2]) {
      for (const zone of zones) {
        const icu = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
        const wrong = instants.filter((d) => localDateOf(d, zone) !== icu.format(d));
        expect({ pass, zone, wrong: wrong.length }).toEqual({ pass, zone, wrong: 0 });
      }
    }
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2020-02-29', true],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2020-04-31', false],
    ['2020-4-1', false],
    ['2020-02-01T00:00:00Z', false],
  ])('%s → %p', (given, want) => {
    expect(isCalendarDate(given)).toBe(want);
  });
});
