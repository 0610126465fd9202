import { IndexedTerm } from '../../src/screening/match-index';

describe('IndexedTerm: a catalog phrase as the index files it', () => {
  const FLAGS = ['describable', 'otherLanguage', 'shared', 'toCheck', 'describesChecked', 'underCode', 'leads', 'forSomeone'] as const;

  it('keeps each yes-or-no property apart from the others', () => {
    for (const name of FLAGS) {
      const term = new IndexedTerm('medical-masks', 'lookalike', 'cotton mask', ['cotton', 'mask'], 0);
      term[name] = true;
      for (const other of FLAGS) expect(term[other]).toBe(other === name ? true : undefined);
      term[name] = undefined;
      for (const other of FLAGS) expect(term[other]).toBeUndefined();
    }
  });

  it('keeps its rarer values apart from its yes-or-no properties', () => {
    const term = new IndexedTerm('disinfectants', 'head', 'cồn', ['con'], 3);
    expect([term.toned, term.tonedTokens, term.joined, term.checksWith]).toEqual([undefined, undefined, undefined, undefined]);
    const pair = new IndexedTerm('disinfectants', 'head', 'nước rửa tay', ['nuoc', 'rua', 'tay'], 4);
    term.toned = 'cồn';
    term.joined = [1];
    term.checksWith = [pair];
    term.toCheck = true;
    expect(term.toned).toBe('cồn');
    expect(term.tonedTokens).toBeUndefined();
    expect(term.joined).toEqual([1]);
    expect(term.checksWith).toEqual([pair]);
    expect(term.toCheck).toBe(true);
    expect(term.shared).toBeUndefined();
    expect(pair.toned).toBeUndefined();
    expect([term.entryId, term.kind, term.text, term.tokens, term.seq]).toEqual(['disinfectants', 'head', 'cồn', ['con'], 3]);
  });
});
