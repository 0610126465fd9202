// Dates as the jurisdiction sees them: a counter in Vietnam works in Asia/Ho_Chi_Minh whatever the PC clock zone.
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Today's local date there, `YYYY-MM-DD`. */
export function todayIn(timeZone = TIME_ZONE, now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A local date for reading: 10/02/2020 in Vietnamese, 2020-02-10 in English (never ambiguous). */
export function formatDate(iso, lang) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : iso;
}

/** An instant (audit time, print time) in the jurisdiction's local time. */
export function formatInstant(isoInstant, lang) {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return String(isoInstant ?? '');
  const local = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type) => local.find((p) => p.type === type)?.value;
  const day = formatDate(`${get('year')}-${get('month')}-${get('day')}`, lang);
  return `${day} ${get('hour')}:${get('minute')}`;
}
