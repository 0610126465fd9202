const TONE_KEYS = /[sfrxj]/g;
const MEMO_LIMIT = 50_000;
const telexes = new Map<string, string>();

function memo(map: Map<string, string>, word: string, compute: (w: string) => string): string {
  let v = map.get(word);
  if (v === undefined) {
    v = compute(word);
    if (map.size < MEMO_LIMIT) map.set(word, v);
  }
  return v;
}

/** A word's initial as another region writes it: how many letters it takes, and what they are read as. */
type Initial = readonly [number, string];
const TR: Initial = [2, 'ch'];
const X: Initial = [1, 's'];
const GI: Initial = [2, 'd'];
const R: Initial = [1, 'd'];
const N: Initial = [1, 'l'];

/**
 * The initials Vietnamese speakers of one region or another write for each other: tr and ch, x and
 * s, gi, r and d, n (not ng) and l. Null when the word's initial has no other writing.
 */
function regionalInitial(word: string): Initial | null {
  switch (word[0]) {
    case 't':
      return word[1] === 'r' ? TR : null;
    case 'x':
      return X;
    case 'g':
      return word[1] === 'i' ? GI : null;
    case 'r':
      return R;
    case 'n':
      return word[1] === 'g' ? null : N;
    default:
      return null;
  }
}

/** Whether a folded word ends in a final the South writes for another: c after a vowel (not ch) for t, ng for n. */
export function southernFinal(word: string): boolean {
  const n = word.length;
  if (n < 2) return false;
  const last = word[n - 1];
  const before = word[n - 2];
  return (last === 'g' && before === 'n') || (last === 'c' && 'aeiouy'.includes(before));
}

/**
 * A folded word with its initial consonant written one way for all regions (trang and chang alike)
 * and, for a word written with its marks, its final as the South writes it the same (sát and sác,
 * tan and tang alike): typed without marks, "sac" is as likely sạc, a charger.
 */
export function soundKey(word: string, finals = false): string {
  const initial = regionalInitial(word);
  const key = initial ? initial[1] + word.slice(initial[0]) : word;
  if (!finals || !southernFinal(key)) return key;
  return key.endsWith('c') ? `${key.slice(0, -1)}t` : key.slice(0, -1);
}

/** The first letter of `soundKey(word)`, without building the key. */
export function soundInitial(word: string): string {
  return regionalInitial(word)?.[1][0] ?? word[0];
}

/**
 * A Vietnamese word typed with the VNI keyboard but never converted ("kha6u3" for khẩu, "te61" for
 * tế, "d9" for đ): the digits 1 to 9 after a vowel, after d (9) or ending the word dropped. Null when
 * no digit follows a vowel or d, or another digit stays (kn95, 3m are model names, not VNI).
 */
export function vniFold(word: string): string | null {
  if (!/[aeiouyd][1-9]/.test(word)) return null;
  // A tone key may also come last, after the final consonant: "khua6n3".
  const folded = word.replace(/(?<=[aeiouy][1-9]*)[1-9]|(?<=d)9|(?<=[aeiouy][a-z1-9]*)[1-9]{1,2}$/g, '');
  return /\d/.test(folded) ? null : folded;
}

/**
 * A Vietnamese word typed with the Telex keyboard but never converted ("nuowcs" for nước, "tees"
 * for tế, "gawng" for găng), folded like descriptions are.
 */
export function telexFold(word: string): string {
  return memo(telexes, word, (w) => {
    const firstVowel = w.search(/[aeiouy]/);
    if (firstVowel < 0) return w;
    const body =
      w.slice(0, firstVowel + 1) +
      w.slice(firstVowel + 1).replace(TONE_KEYS, (k, at: number) => {
        // A tone key sits after the vowels; one followed by a vowel starts a syllable instead.
        const rest = w.slice(firstVowel + 1 + at + 1);
        return /^[aeiouyw]/.test(rest) ? k : '';
      });
    return body.replace(/dd/g, 'd').replace(/aa|aw/g, 'a').replace(/ee/g, 'e').replace(/oo|ow/g, 'o').replace(/uw/g, 'u').replace(/w/g, 'u');
  });
}
