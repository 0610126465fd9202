import type { LocalDate } from './types';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_ONLY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

// Since 1972 every zone's offset is a whole number of minutes (earlier ones had seconds, e.g. Liberia's
// -0:44:30), so a local date holds for a whole UTC minute. Counter software sends the minute of
// acceptance and manifests repeat a few dates, so ICU is asked once per zone and minute, while the
// minutes remembered stay bounded.
const MINUTE = 60_000;
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1980, 0, 1);
const ZONES_REMEMBERED = 16;
const MINUTES_REMEMBERED = 4096;
const datesByZone = new Map<string, Map<number, LocalDate>>();

/** The local calendar date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const time = instant.getTime();
  const minute = Math.floor(time / MINUTE);
  let dates = datesByZone.get(timeZone);
  const known = dates?.get(minute);
  if (known !== undefined) return known;
  const date = formatter(timeZone).format(instant);
  if (time < WHOLE_MINUTE_OFFSETS_SINCE) return date;
  if (!dates) {
    if (datesByZone.size >= ZONES_REMEMBERED) return date;
    dates = new Map();
    datesByZone.set(timeZone, dates);
  }
  if (dates.size >= MINUTES_REMEMBERED) dates.clear();
  dates.set(minute, date);
  return date;
}

/** Whether a time zone name is known to this runtime's ICU data. */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The jurisdiction's local date of a postal event given as a date or a date-time. A date-time with
 * an offset is converted; one without an offset is read as local wall time. Null when invalid.
 */
export function toLocalDate(value: string, timeZone: string): LocalDate | null {
  if (DATE_ONLY.test(value)) return isCalendarDate(value) ? value : null;
  const m = DATE_TIME.exec(value);
  if (!m || !isCalendarDate(m[1])) return null;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  if (!m[5]) return m[1];
  const instant = new Date(value.toUpperCase());
  return Number.isNaN(instant.getTime()) ? null : localDateOf(instant, timeZone);
}
