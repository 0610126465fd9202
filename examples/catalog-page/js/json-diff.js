// What an edit changed, as paths an officer can read: rules[0].effective.to: null → "2020-03-01".

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const key = (path, k) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);

/** Leaf-level differences between two JSON values, at most `limit`; `count` tells how many there were. */
export function jsonDiff(before, after, limit = 50) {
  const changes = [];
  let count = 0;
  const walk = (a, b, path) => {
    if (isObject(a) && isObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], key(path, k));
    } else if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], key(path, i));
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      count++;
      if (changes.length < limit) changes.push({ path: path || '(entry)', before: a, after: b });
    }
  };
  walk(before, after, '');
  return { changes, count };
}

/** A value short enough for a list line; absent values read as a dash. */
export function brief(value, max = 60) {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
