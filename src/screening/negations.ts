import type { Hit } from './find-hits';
import { isFiller } from './fillers';
import type { MatchIndex } from './match-index';
import { stem, writtenAs } from './normalize';
import type { ResolvedToken } from './resolve-tokens';

/**
 * What negations deny: the hits, the words of each negation and what it denies, and whether the
 * line names nothing else (fillers, general words and qualifiers aside).
 */
export type Denial = { readonly hits: ReadonlySet<Hit>; readonly covered: Uint8Array; readonly alone: boolean };

/** Words a negation may stand apart from what it denies by: "không phải loại y tế", "not for medical use". */
const NEGATION_CONNECTORS = new Set(['a', 'an', 'the', 'for', 'of', 'un', 'une', 'des', 'de', 'du', 'd', 'pour', 'loai', 'la', 'hang', 'do', 'dung', 'cho']);

/** Words joining goods a negation denies together: "không có khẩu trang hay cồn", "no masks or gloves". */
const OR = new Set(['hay', 'hoac', 'or', 'ou', 'ni', 'nor']);

/** Words after which "no" is a number when one follows: "model no KN95", "item no 12". */
const NUMBER_LABELS = new Set(['model', 'item', 'style', 'ref', 'part', 'invoice', 'order', 'sku', 'lot', 'art', 'article', 'serial', 'po', 'box', 'carton', 'ctn', 'case', 'pallet']);

/**
 * Words that point at the item, stress a denial or end a sentence, naming nothing: "Đây không
 * phải...", "Definitely not...", "...đâu nha".
 */
const POINTING = new Set([
  'day', 'nay', 'dau', 'nha', 'nhe', 'ma', 'thi', 'la', 'chac', 'chan', 'that', 'hoan', 'toan',
  'definitely', 'absolutely', 'really', 'certainly', 'surely', 'just', 'only', 'totally', 'strictly',
  'vraiment', 'absolument', 'surtout', 'bien', 'seulement',
]);

/** Words after which a negation word is part of a name or compound. */
const NOT_NEGATING_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  not: new Set(['me', 'why', 'or']),
  non: new Set(['sua', 'mam', 'tre', 'la', 'non', 'mon']),
};

/** Negations that make adjectives only: "phi y tế" (non-medical); "phi" typed without marks is mostly phí (a fee). */
const ADJECTIVE_NEGATIONS = new Set(['phi']);

/** Whether the "no" at k is a number: glued to digits ("No7", "No.7"), or after a number label before a code. */
function numberNo(original: string, tokens: readonly ResolvedToken[], k: number): boolean {
  if (/\d/.test(tokens[k].raw) || /^\.?\s?\d/.test(original.slice(tokens[k].end, tokens[k].end + 3))) return true;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return !!before && !!after && before.segment === tokens[k].segment && after.segment === tokens[k].segment && NUMBER_LABELS.has(before.text) && /\d/.test(after.raw);
}


/**
 * The hits a negation denies. The negation stands before the denied words, in their list element,
 * with no mark between ("NOT FOR SALE - medical masks" denies nothing) and at most two connectors;
 * one written into a catalog phrase ("gants non poudrés") or after a number label ("model no
 * KN95") denies nothing. What follows it decides:
 * - a generic word of a good, or a phrase naming it ("không phải găng tay y tế", "no mask", "không
 *   tẩm thuốc sát trùng"): the good is denied, with every phrase inside the longest one there, up
 *   to a mark;
 * - a qualifier or a look-alike ("not medical gloves", "non-sterile surgical gloves", "not sheet
 *   mask", "pas de gel hydroalcoolique"): those phrases are denied, but the generic word inside
 *   them stands ("gloves", "mask"), and so does a phrase that leaves the first word out ("surgical
 *   gloves").
 * Null when nothing is denied.
 */
export function denialOf(index: MatchIndex, original: string, tokens: readonly ResolvedToken[], hits: readonly Hit[]): Denial | null {
  // Most lines hold no negation word: they cost one lookup a word.
  const negationAt = (t: ResolvedToken) => index.negations.get(t.text) ?? (t.fuzzy ? index.negations.get(stem(t.raw)) : undefined);
  let any = false;
  for (let k = 0; k < tokens.length && !any; k++) any = negationAt(tokens[k]) !== undefined;
  if (!any) return null;
  let denied: Set<Hit> | null = null;
  const covered = new Uint8Array(tokens.length);
  // A dash or an apostrophe inside a word is no mark: "non-sterile", "n'est pas".
  const marked = (j: number) => {
    const gap = original.slice(tokens[j - 1].end, tokens[j].start);
    return /\S/.test(gap) && !/^['’‐-]$/.test(gap);
  };
  let startsAt: Hit[][] | undefined;
  let inPhrase: Uint8Array | undefined;
  const hitsAt = (p: number) => (startsAt ??= byStart(hits, tokens.length))[p];
  // A word as read, or as written when reading corrected it ("chẳng").
  const wordIs = (t: ResolvedToken, w: string) => t.text === w || stem(t.raw) === w;
  const namesAGood = (p: number) => p < tokens.length && hitsAt(p).some((h) => h.term.kind === 'head' || h.term.kind === 'term' || h.term.kind === 'brand');
  const gapBefore = (p: number) => original.slice(tokens[p - 1].end, tokens[p].start).trim();
  // Goods listed after a denied one are denied with it when the list is one of goods: "no
  // masks/gloves/disinfectant", "no masks, gloves or disinfectant" (a comma only in a list that ends
  // with "or"; "không có cồn, khẩu trang y tế" denies the alcohol alone).
  const listedWith = (p: number): boolean => {
    if (!namesAGood(p)) return false;
    const gap = gapBefore(p);
    if (gap === '/') return true;
    if (gap !== ',') return false;
    for (let q = p + 1; q < tokens.length; q++) {
      const g = gapBefore(q);
      if (g !== '' && g !== ',') return false;
      if (OR.has(tokens[q].text)) return namesAGood(q + 1);
    }
    return false;
  };
  for (let k = 0; k < tokens.length; k++) {
    const negations = negationAt(tokens[k]);
    if (!negations) continue;
    const segment = tokens[k].segment;
    const plain = (p: number) => p < tokens.length && tokens[p].segment === segment && (p === k || !marked(p));
    for (const { words, written } of negations) {
      // A word that reads the same without its final s is read only written whole: "sans", not the
      // "San" of "Star San sanitizer".
      if (!words.every((w, j) => plain(k + j) && wordIs(tokens[k + j], w) && writtenAs(original, tokens[k + j], written[j], stem(written[j]) === written[j]))) continue;
      // Written into a catalog phrase ("gants non poudrés", "găng tay không bột"), it denies nothing;
      // nor "no" after a label of a number ("model no KN95", "Item no. 5").
      if ((inPhrase ??= phraseWords(hits, tokens.length))[k] === 1) continue;
      if (words.length === 1 && tokens[k].text === 'no' && numberNo(original, tokens, k)) continue;
      // Nor inside a name or compound: "Forget Me Not", "sữa non" (colostrum), "mầm non" (nursery).
      if (words.length === 1 && k > 0 && NOT_NEGATING_AFTER[words[0]]?.has(tokens[k - 1].text) && tokens[k - 1].segment === tokens[k].segment) continue;
      let next = k + words.length;
      while (plain(next) && NEGATION_CONNECTORS.has(tokens[next].text) && hitsAt(next).length === 0 && next < k + words.length + 2) next++;
      if (!plain(next)) continue;
      const first = hitsAt(next);
      if (first.length === 0) continue;
      // A negation glued by a dash ("non-sterile") or one that only makes adjectives ("phi y tế")
      // denies a quality; otherwise a good named right after it is denied whole ("not medical
      // masks", "không phải gel rửa tay").
      const quality = first.some((h) => h.term.kind === 'qualifier' || h.term.kind === 'lookalike');
      const naming = namesAGood(next);
      const prefix = next === k + words.length && original.slice(tokens[next - 1].end, tokens[next].start) === '-';
      const adjectival = words.length === 1 && ADJECTIVE_NEGATIONS.has(words[0]);
      if (adjectival && (naming || !quality)) continue;
      const good = !adjectival && (naming || !quality) && !(prefix && quality);
      // The denied phrase, and those joined to it by "or" ("không có khẩu trang hay cồn").
      let end = next;
      for (let at = next, listed = false; (listed || plain(at)) && hitsAt(at).length > 0; ) {
        const here = hitsAt(at);
        let to = at + 1;
        for (const h of here) to = Math.max(to, h.to);
        for (let j = at + 1; j < to; j++) if (marked(j)) to = j;
        // Only connectors without hits lie between the negation and `next`: what holds `next` starts there.
        for (let p = at; p < to; p++) {
          for (const h of hitsAt(p)) {
            if (p > at && h.to > to) continue;
            if (good || h.term.kind !== 'head') (denied ??= new Set()).add(h);
          }
        }
        end = to;
        // "or" after goods listed with a comma joins them in their own list element.
        const or: boolean = to < tokens.length && OR.has(tokens[to].text) && (plain(to) || (listed && tokens[to].segment === tokens[at].segment));
        listed = or && !plain(to);
        if (or) at = to + 1;
        else if (listedWith(to)) {
          at = to;
          listed = true;
        } else break;
      }
      covered.fill(1, k, end);
    }
  }
  if (!denied) return null;
  // The line names something else only by a catalog phrase outside what is denied: a good, a
  // title label ("Sách, không có khẩu trang"), or a look-alike of a denied one ("găng tay len
  // (không phải găng tay y tế)").
  const deniedEntries = new Set<string>();
  for (const h of denied) deniedEntries.add(h.term.entryId);
  let alone = true;
  for (const h of hits) {
    const kind = h.term.kind;
    if (kind !== 'term' && kind !== 'brand' && kind !== 'head' && kind !== 'title' && !(kind === 'lookalike' && deniedEntries.has(h.term.entryId))) continue;
    if (denied.has(h)) continue;
    for (let p = h.from; p < h.to; p++) if (covered[p] === 0) alone = false;
  }
  // Or by words the catalog does not know: "Nến thơm sáp đậu nành (không phải cồn khô)", "Dog
  // muzzle (not a face mask)".
  if (alone) {
    const described = new Uint8Array(tokens.length);
    for (const h of hits) if (h.term.kind !== 'lookalike') described.fill(1, h.from, h.to);
    // As written: a reading may turn a word into a filler ("khoác" read as "khách").
    const unknown = (p: number) =>
      covered[p] === 0 && described[p] === 0 && !isFiller(index, tokens[p].raw) && !isFiller(index, stem(tokens[p].raw)) && !POINTING.has(tokens[p].raw);
    // Before the first negation one word will do: the good the line is about ("Kẹo không có cồn");
    // after what it denies, a lone word may describe that ("Not surgical masks, blue").
    const firstNegation = covered.indexOf(1);
    for (let p = 0; p < tokens.length && alone; p++) {
      if (!unknown(p)) continue;
      if (p < firstNegation || (p > 0 && unknown(p - 1) && tokens[p].segment === tokens[p - 1].segment)) alone = false;
    }
  }
  return { hits: denied, covered, alone };
}

/** The words inside catalog phrases of two words or more, look-alikes aside ("không kèm khẩu trang" is a denial too). */
function phraseWords(hits: readonly Hit[], n: number): Uint8Array {
  const inside = new Uint8Array(n);
  for (const h of hits) if (h.to - h.from >= 2 && h.term.kind !== 'lookalike') inside.fill(1, h.from, h.to);
  return inside;
}

function byStart(hits: readonly Hit[], n: number): Hit[][] {
  const at: Hit[][] = Array.from({ length: n + 1 }, () => []);
  for (const h of hits) at[h.from].push(h);
  return at;
}
