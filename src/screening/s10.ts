const S10_FORM = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** The check digit of an S10 serial number (8 digits). */
export function s10CheckDigit(serial: string): number {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(serial[i]), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

export type S10Check =
  | { ok: true }
  | { ok: false; problem: 'format' | 'check-digit'; expected?: number };

/**
 * Checks a UPU S10 item identifier: service indicator, 8-digit serial, check digit, country.
 * @see UPU standard S10 (weights 8 6 4 2 3 5 9 7; 10 → 0, 11 → 5)
 */
export function checkS10(id: string): S10Check {
  const m = S10_FORM.exec(id);
  if (!m) return { ok: false, problem: 'format' };
  const expected = s10CheckDigit(m[2]);
  return Number(m[3]) === expected ? { ok: true } : { ok: false, problem: 'check-digit', expected };
}
