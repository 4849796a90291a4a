import { describe, expect, it } from 'vitest';
import { editDistance, searchIndex, searchTokens, wordMatch } from './search.ts';

describe('service search', () => {
  const index = searchIndex([
    {
      key: 'akta-kelahiran',
      fields: [
        { text: 'Penerbitan Akta Kelahiran', weight: 3 },
        { text: 'akte lahir, birth certificate', weight: 2 },
      ],
    },
    {
      key: 'akta-kematian',
      fields: [
        { text: 'Penerbitan Akta Kematian', weight: 3 },
        { text: 'death certificate', weight: 2 },
      ],
    },
    {
      key: 'nib',
      fields: [
        { text: 'Nomor Induk Berusaha (NIB) melalui OSS', weight: 3 },
        { text: 'izin usaha, business licence', weight: 2 },
      ],
    },
    {
      key: 'paspor',
      fields: [
        { text: 'Paspor Republik Indonesia', weight: 3 },
        { text: 'passport', weight: 2 },
      ],
    },
  ]);

  it('folds spelling variants and drops filler words', () => {
    expect(searchTokens('Cara mengurus AKTE kelahiran')).toEqual([
      'cara',
      'mengurus',
      'akta',
      'kelahiran',
    ]);
    expect(index.search('cara mengurus akte kelahiran')[0]).toBe('akta-kelahiran');
    expect(index.search('ijin usaha')).toEqual(['nib']);
  });

  it('tolerates typos that grow with the word, and prefixes as the citizen types', () => {
    expect(index.search('akte kelahran')).toEqual(['akta-kelahiran']);
    expect(index.search('akta kematain')).toEqual(['akta-kematian']);
    expect(index.search('pasport')).toEqual(['paspor']);
    expect(index.search('kelah')).toEqual(['akta-kelahiran']);
    expect(index.search('birth certifcate')).toEqual(['akta-kelahiran']);
    expect(index.search('akta')).toEqual(['akta-kelahiran', 'akta-kematian']);
  });

  it('needs every meaningful word to match, and finds nothing for nonsense', () => {
    expect(index.search('akta usaha')).toEqual([]);
    expect(index.search('zzzz qqqq')).toEqual([]);
    // Short words must match exactly or as a prefix: "nib" is not "nik".
    expect(index.search('nik')).toEqual([]);
    expect(index.search('nib')).toEqual(['nib']);
  });

  it('measures edits with transpositions', () => {
    expect(editDistance('kematain', 'kematian', 2)).toBe(1);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(wordMatch('kelahiran', 'kelahiran')).toBe(1);
    expect(wordMatch('kel', 'kelahiran')).toBeCloseTo(0.8);
  });
});
