import { describe, expect, it } from 'vitest';
import { encodeTerm, matchesWordPrefix, queryWords, termPrefixRange, termsOfName, wordsOf } from './search-terms';

describe('connection search terms', () => {
  it('splits names into lower-case words of letters and digits', () => {
    expect(wordsOf('Microsoft Entra ID Graph API - Contoso (EU)')).toEqual([
      'microsoft',
      'entra',
      'id',
      'graph',
      'api',
      'contoso',
      'eu',
    ]);
    expect(wordsOf('Zürich-Büro 2')).toEqual(['zürich', 'büro', '2']);
    expect(queryWords('a b c d e f g')).toHaveLength(5);
  });

  it('encodes terms so that a prefix is a range of hex strings', () => {
    expect(encodeTerm('ab')).toBe('6162');
    expect(encodeTerm('ü')).toBe('c3bc');
    const range = termPrefixRange('con');
    const [contoso] = termsOfName('Contoso');
    expect(contoso && contoso >= range.gte && contoso < range.lt).toBe(true);
    const [cat] = termsOfName('Cat');
    expect(cat && cat >= range.gte && cat < range.lt).toBe(false);
    expect(matchesWordPrefix('Contoso Ltd', 'ltd')).toBe(true);
    expect(matchesWordPrefix('Contoso Ltd', 'toso')).toBe(false);
  });
});
