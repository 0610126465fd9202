// The officer's bearer token lives in sessionStorage only: it dies with the tab, never persists on a shared PC.
const KEY = 'screening.officerToken';

export const officerToken = {
  get() {
    try {
      return sessionStorage.getItem(KEY) ?? '';
    } catch {
      return '';
    }
  },
  set(token) {
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // Without storage the token lives in the field only.
    }
  },
  forget() {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // Nothing was stored.
    }
  },
  headers(token) {
    return { Authorization: `Bearer ${token}` };
  },
};
